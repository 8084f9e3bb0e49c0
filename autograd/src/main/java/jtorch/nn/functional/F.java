package jtorch.nn.functional;

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
}
