package jtorch.simd;

/** im2col and its adjoint; see {@link Conv} for layouts and semantics. */
interface ConvKernels {
    void im2col(float[] x, int xOff, int channels, int height, int width, int kH, int kW, int padH, int padW,
                int strideH, int strideW, int dilH, int dilW, float[] col, int colOff);

    void im2col(double[] x, int xOff, int channels, int height, int width, int kH, int kW, int padH, int padW,
                int strideH, int strideW, int dilH, int dilW, double[] col, int colOff);

    void col2im(float[] col, int colOff, int channels, int height, int width, int kH, int kW, int padH, int padW,
                int strideH, int strideW, int dilH, int dilW, float[] x, int xOff);

    void col2im(double[] col, int colOff, int channels, int height, int width, int kH, int kW, int padH, int padW,
                int strideH, int strideW, int dilH, int dilW, double[] x, int xOff);
}
