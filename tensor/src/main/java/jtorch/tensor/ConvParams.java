package jtorch.tensor;

/** Geometry of a 2-d convolution: stride, zero padding and dilation per axis, and the group count. */
public record ConvParams(int strideH, int strideW, int padH, int padW, int dilH, int dilW, int groups) {
    /** True for a 1x1 convolution that reads the input as is (no im2col needed). */
    boolean isPointwise(int kH, int kW) {
        return kH == 1 && kW == 1 && strideH == 1 && strideW == 1 && padH == 0 && padW == 0;
    }
}
