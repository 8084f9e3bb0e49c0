package jtorch.simd;

/**
 * im2col / col2im for 2-d convolution as unfold + GEMM, in PyTorch's layouts.
 *
 * <p>Input: one image, plane-major {@code [C][H][W]} at {@code xOff}. Column buffer: {@code [C·kH·kW][outH·outW]}
 * at {@code colOff}, row {@code (c·kH + kh)·kW + kw}, column {@code oh·outW + ow} (torch's {@code unfold}
 * layout), holding {@code x[c][oh·strideH - padH + kh·dilH][ow·strideW - padW + kw·dilW]}, or 0 outside the
 * image (zero padding). outH/outW are {@link #outputSize}. Batches: call once per image.
 *
 * <p>The vector kernel copies each in-image span of an output row in one pass (vector copy when
 * strideW = 1) and zero-fills the padding columns around it.
 */
public final class Conv {
    private static final ConvKernels IMPL = Simd.choose(ConvKernels.class, "VectorConv", ScalarConv::new);

    private Conv() {}

    /** {@code floor((in + 2·pad - dil·(k-1) - 1) / stride) + 1}, PyTorch's output size (not below 0). */
    public static int outputSize(int in, int k, int pad, int stride, int dil) {
        return Math.max(0, Math.floorDiv(in + 2 * pad - dil * (k - 1) - 1, stride) + 1);
    }

    /** Writes every element of the column buffer (see class comment). */
    public static void im2col(float[] x, int xOff, int channels, int height, int width, int kH, int kW, int padH,
                              int padW, int strideH, int strideW, int dilH, int dilW, float[] col, int colOff) {
        checkGeometry("im2col", channels, height, width, kH, kW, padH, padW, strideH, strideW, dilH, dilW);
        Checks.span("im2col", "x", x, "xOff", xOff, (long) channels * height * width);
        Checks.span("im2col", "col", col, "colOff", colOff, (long) channels * kH * kW
                * outputSize(height, kH, padH, strideH, dilH) * outputSize(width, kW, padW, strideW, dilW));
        IMPL.im2col(x, xOff, channels, height, width, kH, kW, padH, padW, strideH, strideW, dilH, dilW, col, colOff);
    }

    /** Double version of {@link #im2col(float[], int, int, int, int, int, int, int, int, int, int, int, int, float[], int)}. */
    public static void im2col(double[] x, int xOff, int channels, int height, int width, int kH, int kW, int padH,
                              int padW, int strideH, int strideW, int dilH, int dilW, double[] col, int colOff) {
        checkGeometry("im2col", channels, height, width, kH, kW, padH, padW, strideH, strideW, dilH, dilW);
        Checks.span("im2col", "x", x, "xOff", xOff, (long) channels * height * width);
        Checks.span("im2col", "col", col, "colOff", colOff, (long) channels * kH * kW
                * outputSize(height, kH, padH, strideH, dilH) * outputSize(width, kW, padW, strideW, dilW));
        IMPL.im2col(x, xOff, channels, height, width, kH, kW, padH, padW, strideH, strideW, dilH, dilW, col, colOff);
    }

    /**
     * The adjoint of im2col (torch's {@code fold}): ACCUMULATES, {@code x += fold(col)}; padding entries of col
     * are dropped. Contributions to one input element are added in column-buffer order.
     */
    public static void col2im(float[] col, int colOff, int channels, int height, int width, int kH, int kW,
                              int padH, int padW, int strideH, int strideW, int dilH, int dilW, float[] x, int xOff) {
        checkGeometry("col2im", channels, height, width, kH, kW, padH, padW, strideH, strideW, dilH, dilW);
        Checks.span("col2im", "x", x, "xOff", xOff, (long) channels * height * width);
        Checks.span("col2im", "col", col, "colOff", colOff, (long) channels * kH * kW
                * outputSize(height, kH, padH, strideH, dilH) * outputSize(width, kW, padW, strideW, dilW));
        IMPL.col2im(col, colOff, channels, height, width, kH, kW, padH, padW, strideH, strideW, dilH, dilW, x, xOff);
    }

    /** Double version of col2im; accumulates into x. */
    public static void col2im(double[] col, int colOff, int channels, int height, int width, int kH, int kW,
                              int padH, int padW, int strideH, int strideW, int dilH, int dilW, double[] x,
                              int xOff) {
        checkGeometry("col2im", channels, height, width, kH, kW, padH, padW, strideH, strideW, dilH, dilW);
        Checks.span("col2im", "x", x, "xOff", xOff, (long) channels * height * width);
        Checks.span("col2im", "col", col, "colOff", colOff, (long) channels * kH * kW
                * outputSize(height, kH, padH, strideH, dilH) * outputSize(width, kW, padW, strideW, dilW));
        IMPL.col2im(col, colOff, channels, height, width, kH, kW, padH, padW, strideH, strideW, dilH, dilW, x, xOff);
    }

    private static void checkGeometry(String op, int channels, int height, int width, int kH, int kW, int padH,
                                      int padW, int strideH, int strideW, int dilH, int dilW) {
        Checks.nonNegative(op, "channels", channels);
        Checks.nonNegative(op, "height", height);
        Checks.nonNegative(op, "width", width);
        Checks.window(op, kH, kW, strideH, strideW, padH, padW, dilH, dilW);
    }
}
