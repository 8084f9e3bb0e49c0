package jtorch.simd;

/** The three transforms of Winograd F(2x2, 3x3) convolution; see {@link Winograd} for layouts. */
interface WinogradKernels {
    void weights(float[] wp, int cin, int cout, int c0, int c1, float[] u);

    void input(float[] x, int channels, int height, int width, int t0, int t1, float[] v, int first, int count);

    void output(float[] m, int first, int count, int channels, int height, int width, int t0, int t1, float[] y);
}
