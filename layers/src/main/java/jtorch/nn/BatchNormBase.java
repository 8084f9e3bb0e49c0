package jtorch.nn;

import jtorch.Tensor;
import jtorch.simd.BinaryOp;
import jtorch.nn.functional.F;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import jtorch.tensor.Ops;

/**
 * What {@link BatchNorm1d} and {@link BatchNorm2d} share (PyTorch's {@code _BatchNorm}):
 * {@code y = (x − E[x]) / √(Var[x] + eps) · γ + β} per channel (dim 1).
 *
 * <p>In training the batch statistics normalize and, with {@code trackRunningStats}, the buffers
 * {@code running_mean}, {@code running_var} (unbiased variance) and {@code num_batches_tracked} (int64) are
 * updated in place: {@code running = (1 − momentum)·running + momentum·batch}, or a cumulative average when
 * {@code momentum} is null. In evaluation the running statistics normalize. State dict keys and order are
 * PyTorch's: {@code weight, bias, running_mean, running_var, num_batches_tracked}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.BatchNorm2d.html">torch.nn.BatchNorm2d</a>
 */
public abstract class BatchNormBase extends Module {
    public final int numFeatures;
    public final double eps;
    /** The running-average factor, or null for a cumulative moving average. */
    public final Double momentum;
    public final boolean affine;
    public final boolean trackRunningStats;
    /** γ, ones of shape {@code (C)}; null without {@code affine}. */
    public final Parameter weight;
    /** β, zeros of shape {@code (C)}; null without {@code affine}. */
    public final Parameter bias;

    protected BatchNormBase(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        this.weight = registerParameter("weight",
                affine ? new Parameter(Creation.ones(DType.FLOAT32, numFeatures)) : null);
        this.bias = registerParameter("bias",
                affine ? new Parameter(Creation.zeros(DType.FLOAT32, numFeatures)) : null);
        if (trackRunningStats) {
            registerBuffer("running_mean", new Tensor(Creation.zeros(DType.FLOAT32, numFeatures)));
            registerBuffer("running_var", new Tensor(Creation.ones(DType.FLOAT32, numFeatures)));
            registerBuffer("num_batches_tracked", new Tensor(NdArray.scalar(DType.INT64, 0)));
        } else {
            registerBuffer("running_mean", null);
            registerBuffer("running_var", null);
            registerBuffer("num_batches_tracked", null);
        }
    }

    /** The running mean buffer, or null without {@code trackRunningStats}. */
    public Tensor runningMean() {
        return buffer("running_mean");
    }

    public Tensor runningVar() {
        return buffer("running_var");
    }

    public Tensor numBatchesTracked() {
        return buffer("num_batches_tracked");
    }

    /** Throws PyTorch's message when the input rank is wrong for this layer. */
    protected abstract void checkInputDim(Tensor input);

    @Override
    public Tensor forward(Tensor input) {
        checkInputDim(input);
        double averageFactor = momentum == null ? 0.0 : momentum;
        boolean training = isTraining();
        if (training && trackRunningStats) {
            NdArray counter = numBatchesTracked().data();
            // NOTE: incremented where it lives, so a training step on a device reads nothing back; only the
            // cumulative average (momentum=None, rare) needs the count on the host.
            Ops.binaryInPlace(BinaryOp.ADD, counter, NdArray.scalar(DType.INT64, 1).toDevice(counter.backend()));
            if (momentum == null) {
                // TORCH: cumulative moving average, factor 1/num_batches_tracked.
                averageFactor = 1.0 / counter.item();
            }
        }
        // TORCH: evaluation without running stats still normalizes with the batch statistics.
        boolean useBatchStats = training || (runningMean() == null && runningVar() == null);
        boolean passStats = !training || trackRunningStats;
        return F.batchNorm(input, passStats ? runningMean() : null, passStats ? runningVar() : null, weight, bias,
                useBatchStats, averageFactor, eps);
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + Repr.pyFloat(eps) + ", momentum="
                + (momentum == null ? "None" : Repr.pyFloat(momentum)) + ", affine=" + Repr.pyBool(affine)
                + ", track_running_stats=" + Repr.pyBool(trackRunningStats);
    }
}
