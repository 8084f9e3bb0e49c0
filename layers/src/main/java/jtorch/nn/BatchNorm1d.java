package jtorch.nn;

import jtorch.Tensor;

/**
 * Batch normalization over a 2-d {@code (N, C)} or 3-d {@code (N, C, L)} input, statistics per channel; see
 * {@link BatchNormBase} for the formula, buffers and modes.
 *
 * <p>Defaults: {@code eps=1e-5, momentum=0.1, affine=true, trackRunningStats=true}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.BatchNorm1d.html">torch.nn.BatchNorm1d</a>
 */
public class BatchNorm1d extends BatchNormBase {
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    public BatchNorm1d(int numFeatures, double eps) {
        this(numFeatures, eps, 0.1, true, true);
    }

    public BatchNorm1d(int numFeatures, double eps, Double momentum) {
        this(numFeatures, eps, momentum, true, true);
    }

    /** @param momentum null for a cumulative moving average */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    protected void checkInputDim(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException("expected 2D or 3D input (got " + input.dim() + "D input)");
        }
    }
}
