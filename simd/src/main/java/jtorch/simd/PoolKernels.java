package jtorch.simd;

/** 2-d max and average pooling over contiguous planes; see {@link Pool} for layouts and semantics. */
interface PoolKernels {
    void maxPool2dForward(int planes, float[] x, int xOff, int H, int W, int kH, int kW, int sH, int sW, int pH,
                          int pW, int dH, int dW, int outH, int outW, float[] y, int yOff, int[] argmax, int aOff);

    void maxPool2dForward(int planes, double[] x, int xOff, int H, int W, int kH, int kW, int sH, int sW, int pH,
                          int pW, int dH, int dW, int outH, int outW, double[] y, int yOff, int[] argmax, int aOff);

    void maxPool2dBackward(int planes, float[] gy, int gyOff, int[] argmax, int aOff, int outH, int outW,
                           float[] gx, int gxOff, int H, int W);

    void maxPool2dBackward(int planes, double[] gy, int gyOff, int[] argmax, int aOff, int outH, int outW,
                           double[] gx, int gxOff, int H, int W);

    /** The 2x2, stride-2 max pool's backward over planes of exactly 2·outH x 2·outW, into a zeroed gx. */
    void maxPool2x2Backward(int planes, float[] gy, int gyOff, int[] argmax, int aOff, int outH, int outW,
                            float[] gx, int gxOff);

    void avgPool2dForward(int planes, float[] x, int xOff, int H, int W, int kH, int kW, int sH, int sW, int pH,
                          int pW, int outH, int outW, boolean countIncludePad, float[] y, int yOff);

    void avgPool2dForward(int planes, double[] x, int xOff, int H, int W, int kH, int kW, int sH, int sW, int pH,
                          int pW, int outH, int outW, boolean countIncludePad, double[] y, int yOff);

    void avgPool2dBackward(int planes, float[] gy, int gyOff, int H, int W, int kH, int kW, int sH, int sW, int pH,
                           int pW, int outH, int outW, boolean countIncludePad, float[] gx, int gxOff);

    void avgPool2dBackward(int planes, double[] gy, int gyOff, int H, int W, int kH, int kW, int sH, int sW, int pH,
                           int pW, int outH, int outW, boolean countIncludePad, double[] gx, int gxOff);
}
