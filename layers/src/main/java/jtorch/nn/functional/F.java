package jtorch.nn.functional;

import jtorch.nn.Reduction;
import jtorch.Tensor;

/**
 * {@code torch.nn.functional}: the same names in camelCase and the same positional order; {@code int[]}
 * for tuple arguments (one value applies to both dims) plus {@code int} overloads.
 */
public final class F {
    private F() {}

    // ---------------------------------------------------------------- convolution

    /** 2-d convolution (im2col + GEMM); bias may be null. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        return Convolution.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(input, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {1}, 1);
    }

    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, 1, 0);
    }

    // ---------------------------------------------------------------- pooling

    /** Max pooling; {@code stride} null or empty means kernel size. */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                                   boolean ceilMode) {
        return Pooling.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode, false)[0];
    }

    public static Tensor maxPool2d(Tensor input, int kernelSize, int stride, int padding, int dilation,
                                   boolean ceilMode) {
        return maxPool2d(input, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {dilation},
                ceilMode);
    }

    public static Tensor maxPool2d(Tensor input, int kernelSize) {
        return maxPool2d(input, new int[] {kernelSize}, null, new int[] {0}, new int[] {1}, false);
    }

    /** Max pooling that also returns PyTorch's int64 indices: {@code [output, indices]}. */
    public static Tensor[] maxPool2dWithIndices(Tensor input, int[] kernelSize, int[] stride, int[] padding,
                                                int[] dilation, boolean ceilMode) {
        return Pooling.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode, true);
    }

    public static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad) {
        return Pooling.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    public static Tensor avgPool2d(Tensor input, int kernelSize) {
        return avgPool2d(input, new int[] {kernelSize}, null, new int[] {0}, false, true);
    }

    public static Tensor adaptiveAvgPool2d(Tensor input, int[] outputSize) {
        return Pooling.adaptiveAvgPool2d(input, outputSize);
    }

    public static Tensor adaptiveAvgPool2d(Tensor input, int outputSize) {
        return adaptiveAvgPool2d(input, new int[] {outputSize});
    }

    public static Tensor adaptiveMaxPool2d(Tensor input, int[] outputSize) {
        return Pooling.adaptiveMaxPool2d(input, outputSize);
    }

    public static Tensor adaptiveMaxPool2d(Tensor input, int outputSize) {
        return adaptiveMaxPool2d(input, new int[] {outputSize});
    }

    // ---------------------------------------------------------------- linear

    /**
     * {@code y = x·Wᵀ + b}: input [*, in], weight [out, in], bias [out] or null; y [*, out]. A 2-D input
     * with a bias records AddmmBackward0, as PyTorch.
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return Linear.linear(input, weight, bias);
    }

    public static Tensor linear(Tensor input, Tensor weight) {
        return linear(input, weight, null);
    }

    // ---------------------------------------------------------------- activations

    /** max(0, x). */
    public static Tensor relu(Tensor input) {
        return input.relu();
    }

    /**
     * max(0, x); with {@code inplace} it overwrites and returns {@code input} when autograd is not recording (grad
     * mode off) and the dtype is floating-point, and otherwise returns a new tensor. Why not always in place, as
     * PyTorch: tensors here carry no version counter, so an in-place write under autograd could not be caught
     * when a backward formula needs the old values; in inference it saves one activation-sized buffer per call.
     */
    public static Tensor relu(Tensor input, boolean inplace) {
        return Activations.relu(input, inplace);
    }

    /** min(max(0, x), 6) (HardtanhBackward0, as PyTorch). */
    public static Tensor relu6(Tensor input) {
        return Activations.hardtanh(input, 0.0, 6.0);
    }

    /** clamp(x, minVal, maxVal); the gradient flows strictly inside. Defaults −1, 1. */
    public static Tensor hardtanh(Tensor input, double minVal, double maxVal) {
        return Activations.hardtanh(input, minVal, maxVal);
    }

    public static Tensor hardtanh(Tensor input) {
        return hardtanh(input, -1.0, 1.0);
    }

    /** x if x &gt; 0 else negativeSlope·x (default slope 0.01). */
    public static Tensor leakyRelu(Tensor input, double negativeSlope) {
        return Activations.leakyRelu(input, negativeSlope);
    }

    public static Tensor leakyRelu(Tensor input) {
        return leakyRelu(input, 0.01);
    }

    /** x if x &gt; 0 else alpha·(exp(x) − 1) (default alpha 1). */
    public static Tensor elu(Tensor input, double alpha) {
        return Activations.elu(input, alpha);
    }

    public static Tensor elu(Tensor input) {
        return elu(input, 1.0);
    }

    /** x·Φ(x); {@code approximate} is {@code "none"} (exact, the default) or {@code "tanh"}. */
    public static Tensor gelu(Tensor input, String approximate) {
        return Activations.gelu(input, approximate);
    }

    public static Tensor gelu(Tensor input) {
        return gelu(input, "none");
    }

    /** x·σ(x). */
    public static Tensor silu(Tensor input) {
        return Activations.silu(input);
    }

    /** x·relu6(x + 3)/6. */
    public static Tensor hardswish(Tensor input) {
        return Activations.hardswish(input);
    }

    /** relu6(x + 3)/6. */
    public static Tensor hardsigmoid(Tensor input) {
        return Activations.hardsigmoid(input);
    }

    /** 1/(1 + exp(−x)). */
    public static Tensor sigmoid(Tensor input) {
        return input.sigmoid();
    }

    public static Tensor tanh(Tensor input) {
        return input.tanh();
    }

    /** exp(x_i)/Σ_j exp(x_j) along {@code dim}. */
    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

    /** x_i − log Σ_j exp(x_j) along {@code dim}. */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return input.logSoftmax(dim);
    }

    // ---------------------------------------------------------------- dropout, normalization, shape

    /**
     * Zeroes each element with probability {@code p} (default 0.5) and scales the rest by 1/(1 − p) when
     * {@code training} (default true); the identity otherwise. Draws from the default generator.
     */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        return Dropout.dropout(input, p, training);
    }

    public static Tensor dropout(Tensor input, double p) {
        return dropout(input, p, true);
    }

    public static Tensor dropout(Tensor input) {
        return dropout(input, 0.5, true);
    }

    /**
     * Batch normalization of input [N, C, *] per channel. In training the batch statistics (biased
     * variance) normalize and the running buffers, when given, are updated in place with
     * {@code momentum} (unbiased variance); in evaluation the running statistics normalize. weight, bias
     * and the running buffers may be null. Defaults: training false, momentum 0.1, eps 1e-5.
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return Normalization.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training) {
        return batchNorm(input, runningMean, runningVar, weight, bias, training, 0.1, 1e-5);
    }

    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar) {
        return batchNorm(input, runningMean, runningVar, null, null, false);
    }

    /** Normalizes over the trailing dims {@code normalizedShape}; weight and bias (that shape) may be null. eps 1e-5. */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return Normalization.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias) {
        return layerNorm(input, normalizedShape, weight, bias, 1e-5);
    }

    public static Tensor layerNorm(Tensor input, int[] normalizedShape) {
        return layerNorm(input, normalizedShape, null, null, 1e-5);
    }

    /** Flattens dims startDim..endDim into one (torch.flatten; defaults 0 and −1 here, as torch.flatten). */
    public static Tensor flatten(Tensor input, int startDim, int endDim) {
        return input.flatten(startDim, endDim);
    }

    public static Tensor flatten(Tensor input, int startDim) {
        return flatten(input, startDim, -1);
    }

    public static Tensor flatten(Tensor input) {
        return flatten(input, 0, -1);
    }

    /**
     * Pads the last dims: {@code pad} = (left, right) pairs from the last dim backwards. {@code mode} is
     * {@code "constant"} (default, with {@code value}; negative amounts crop), {@code "reflect"},
     * {@code "replicate"} or {@code "circular"}.
     */
    public static Tensor pad(Tensor input, int[] pad, String mode, double value) {
        return Padding.pad(input, pad, mode, value);
    }

    public static Tensor pad(Tensor input, int[] pad, String mode) {
        return pad(input, pad, mode, 0.0);
    }

    public static Tensor pad(Tensor input, int[] pad) {
        return pad(input, pad, "constant", 0.0);
    }

    // ---------------------------------------------------------------- regression losses

    /** mean/sum/none of |x − t|. Default reduction MEAN. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return PointwiseLosses.l1Loss(input, target, reduction);
    }

    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, Reduction.MEAN);
    }

    /** mean/sum/none of (x − t)². */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return PointwiseLosses.mseLoss(input, target, reduction);
    }

    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /** 0.5·d²/β if |d| &lt; β else |d| − 0.5·β, d = x − t. Default β 1. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        return PointwiseLosses.smoothL1Loss(input, target, reduction, beta);
    }

    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return smoothL1Loss(input, target, Reduction.MEAN, 1.0);
    }

    /** 0.5·d² if |d| &lt; δ else δ·(|d| − 0.5·δ). Default δ 1. */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        return PointwiseLosses.huberLoss(input, target, reduction, delta);
    }

    public static Tensor huberLoss(Tensor input, Tensor target) {
        return huberLoss(input, target, Reduction.MEAN, 1.0);
    }

    // ---------------------------------------------------------------- classification losses

    /**
     * Cross entropy of logits {@code input} [C], [N, C] or [N, C, d1, …] against class indices (int64
     * [N, d1, …]) or class probabilities (the input's shape). {@code weight} [C] or null; targets equal
     * to {@code ignoreIndex} contribute nothing; {@code labelSmoothing} in [0, 1]. Defaults: weight null,
     * ignoreIndex −100, MEAN, 0.0.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex,
                                      Reduction reduction, double labelSmoothing) {
        return CrossEntropy.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }

    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex,
                                      Reduction reduction) {
        return crossEntropy(input, target, weight, ignoreIndex, reduction, 0.0);
    }

    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, -100, Reduction.MEAN, 0.0);
    }

    /** Negative log-likelihood of log-probabilities; shapes, weight and ignoreIndex as {@link #crossEntropy}. */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        return NllLoss.nllLoss(input, target, weight, ignoreIndex, reduction);
    }

    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, -100, Reduction.MEAN);
    }

    /** −w·(t·log x + (1 − t)·log(1 − x)) for probabilities x in [0, 1]; weight may be null. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return PointwiseLosses.binaryCrossEntropy(input, target, weight, reduction);
    }

    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /** Binary cross entropy of logits (sigmoid folded in, stable); weight and posWeight may be null. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      Reduction reduction) {
        return PointwiseLosses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, null, Reduction.MEAN);
    }
}
