package jtorch.nn.functional;

import java.util.Arrays;
import jtorch.Tensor;
import jtorch.autograd.Graph;
import jtorch.autograd.GradMode;
import jtorch.tensor.NdArray;
import jtorch.tensor.Shape;

/**
 * Batch and layer normalization: {@code y = (x − mean)/sqrt(var + eps)·weight + bias} with the biased
 * variance, each recorded as one node (NativeBatchNormBackward0, NativeLayerNormBackward0) whose backward
 * is the closed form in Tensor ops:
 * {@code dx = invstd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂))}, {@code ĝ = g·weight}, means over the normalized dims.
 */
final class Normalization {
    private Normalization() {}

    /** Mean and 1/sqrt(var + eps) over {@code dims} (kept), and the normalized input. */
    private record Stats(Tensor mean, Tensor invstd, Tensor xhat) {
        static Stats of(Tensor x, int[] dims, double eps) {
            Tensor mean = x.mean(dims, true);
            Tensor centered = x.sub(mean);
            Tensor var = centered.square().mean(dims, true);
            Tensor invstd = var.add(eps).rsqrt();
            return new Stats(mean, invstd, centered.mul(invstd));
        }
    }

    /**
     * batch_norm over input [N, C, *]: statistics per channel over N and the spatial dims. In training
     * (or without running stats) the batch statistics normalize, and running stats, when given, are
     * updated in place: {@code running = (1 − momentum)·running + momentum·stat}, with the unbiased
     * variance. In evaluation the running statistics normalize.
     */
    static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                            boolean training, double momentum, double eps) {
        if (input.dim() < 2) {
            throw new IllegalArgumentException("batch_norm: expected input with at least 2 dims (N, C, *), but got input"
                    + " of size: " + Shape.str(input.shape()));
        }
        int c = input.size(1);
        checkChannels("running_mean", runningMean, c);
        checkChannels("running_var", runningVar, c);
        checkChannels("weight", weight, c);
        checkChannels("bias", bias, c);
        int[] dims = Tensors.allBut(input.dim(), 1);
        int[] channel = Tensors.along(input.dim(), 1, c);
        int count = input.numel() / Math.max(c, 1);
        boolean batchStats = training || runningMean == null || runningVar == null;
        if (training && count <= 1) {
            throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
                    + Tensors.torchSize(input.shape()));
        }
        Tensor x = input.detach();
        Stats saved;
        if (batchStats) {
            saved = Stats.of(x, dims, eps);
            if (training && runningMean != null && runningVar != null) {
                updateRunning(runningMean, runningVar, saved, x, dims, count, momentum);
            }
        } else {
            Tensor mean = runningMean.detach().reshape(channel);
            Tensor invstd = runningVar.detach().reshape(channel).add(eps).rsqrt();
            saved = new Stats(mean, invstd, x.sub(mean).mul(invstd));
        }
        Tensor w = weight == null ? null : weight.detach().reshape(channel);
        Tensor b = bias == null ? null : bias.detach().reshape(channel);
        Tensor y = affine(saved.xhat(), w, b);
        return Graph.record("NativeBatchNormBackward0", y.data(), g -> {
            // With create_graph the statistics are recomputed from x so that second derivatives see them.
            Stats s = batchStats && GradMode.isEnabled() ? Stats.of(input, dims, eps) : saved;
            Tensor gxhat = weight == null ? g : g.mul(weight.reshape(channel));
            Tensor gx = null;
            if (input.requiresGrad()) {
                gx = batchStats ? normBackward(gxhat, s, dims) : gxhat.mul(s.invstd());
            }
            Tensor gw = weight != null && weight.requiresGrad() ? g.mul(s.xhat()).sum(dims, false) : null;
            Tensor gb = bias != null && bias.requiresGrad() ? g.sum(dims, false) : null;
            return new Tensor[] {gx, gw, gb};
        }, input, weight, bias);
    }

    /** TORCH: running_var takes the unbiased batch variance (n/(n−1)), while normalization used the biased one. */
    private static void updateRunning(Tensor runningMean, Tensor runningVar, Stats s, Tensor x, int[] dims, int count,
                                      double momentum) {
        Tensor batchMean = s.mean().reshape(-1);
        Tensor unbiasedVar = x.sub(s.mean()).square().sum(dims, false).div(count - 1);
        Tensor newMean = runningMean.detach().mul(1.0 - momentum).add(batchMean.mul(momentum).to(runningMean.dtype()));
        Tensor newVar = runningVar.detach().mul(1.0 - momentum).add(unbiasedVar.mul(momentum).to(runningVar.dtype()));
        writeInPlace(runningMean, newMean);
        writeInPlace(runningVar, newVar);
    }

    /** Overwrites a buffer's data in place, outside the graph (as PyTorch's kernels update running stats). */
    private static void writeInPlace(Tensor buffer, Tensor value) {
        NdArray dst = buffer.data();
        dst.backend().copy(value.data(), dst);
    }

    /** x̂·w + b with either factor optional (w, b already shaped to broadcast). */
    private static Tensor affine(Tensor xhat, Tensor w, Tensor b) {
        Tensor y = w == null ? xhat : xhat.mul(w);
        return b == null ? y : y.add(b);
    }

    /** dx for normalization with batch statistics over {@code dims}. */
    private static Tensor normBackward(Tensor gxhat, Stats s, int[] dims) {
        Tensor meanG = gxhat.mean(dims, true);
        Tensor meanGx = gxhat.mul(s.xhat()).mean(dims, true);
        return gxhat.sub(meanG).sub(s.xhat().mul(meanGx)).mul(s.invstd());
    }

    private static void checkChannels(String name, Tensor t, int c) {
        if (t != null && t.numel() != c) {
            throw new IllegalArgumentException(name + " should contain " + c + " elements not " + t.numel());
        }
    }

    /**
     * layer_norm over the trailing dims {@code normalizedShape} of the input, with optional elementwise
     * weight and bias of that shape.
     */
    static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int k = normalizedShape.length;
        int[] xs = input.shape();
        boolean matches = k >= 1 && xs.length >= k
                && Arrays.equals(Arrays.copyOfRange(xs, xs.length - k, xs.length), normalizedShape);
        if (!matches) {
            String expected = Arrays.toString(normalizedShape);
            throw new IllegalArgumentException("Given normalized_shape=" + expected + ", expected input with shape [*, "
                    + expected.substring(1) + ", but got input of size" + Shape.str(xs));
        }
        checkShape("weight", weight, normalizedShape);
        checkShape("bias", bias, normalizedShape);
        int lead = xs.length - k;
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = lead + i;
        }
        int[] leadDims = new int[lead];
        for (int i = 0; i < lead; i++) {
            leadDims[i] = i;
        }
        Stats saved = Stats.of(input.detach(), dims, eps);
        Tensor y = affine(saved.xhat(), weight == null ? null : weight.detach(), bias == null ? null : bias.detach());
        return Graph.record("NativeLayerNormBackward0", y.data(), g -> {
            Stats s = GradMode.isEnabled() ? Stats.of(input, dims, eps) : saved;
            Tensor gxhat = weight == null ? g : g.mul(weight);
            Tensor gx = input.requiresGrad() ? normBackward(gxhat, s, dims) : null;
            Tensor gw = weight != null && weight.requiresGrad() ? sumLeading(g.mul(s.xhat()), leadDims) : null;
            Tensor gb = bias != null && bias.requiresGrad() ? sumLeading(g, leadDims) : null;
            return new Tensor[] {gx, gw, gb};
        }, input, weight, bias);
    }

    private static Tensor sumLeading(Tensor t, int[] leadDims) {
        return leadDims.length == 0 ? t : t.sum(leadDims, false);
    }

    private static void checkShape(String name, Tensor t, int[] shape) {
        if (t != null && !Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("Expected " + name + " to be of same shape as normalized_shape, but got "
                    + name + " of shape " + Shape.str(t.shape()) + " and normalized_shape = " + Shape.str(shape));
        }
    }
}
