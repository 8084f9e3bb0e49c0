package jtorch.nn;

import jtorch.Tensor;

/**
 * Batch normalization over a 4-d input {@code (N, C, H, W)}, statistics per channel over N, H and W; see
 * {@link BatchNormBase} for the formula, buffers and modes.
 *
 * <p>Defaults: {@code eps=1e-5, momentum=0.1, affine=true, trackRunningStats=true}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.BatchNorm2d.html">torch.nn.BatchNorm2d</a>
 */
public class BatchNorm2d extends BatchNormBase {
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    public BatchNorm2d(int numFeatures, double eps) {
        this(numFeatures, eps, 0.1, true, true);
    }

    public BatchNorm2d(int numFeatures, double eps, Double momentum) {
        this(numFeatures, eps, momentum, true, true);
    }

    /** @param momentum null for a cumulative moving average */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    protected void checkInputDim(Tensor input) {
        if (input.dim() != 4) {
            throw new IllegalArgumentException("expected 4D input (got " + input.dim() + "D input)");
        }
    }
}
