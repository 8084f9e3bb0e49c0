package jtorch.simd;

/** The three transforms of Winograd F(2x2, 5x5) convolution; see {@link Winograd5x5} for layouts. */
interface Winograd5x5Kernels {
    void weights(float[] wp, int cin, int cout, int c0, int c1, float[] u);

    void input(float[] x, int channels, int height, int width, int t0, int t1, float[] v, int tiles);

    void output(float[] m, int tiles, int cols, int height, int width, int t0, int t1, float[] y);

    void gradient(float[] gy, int cols, int height, int width, int t0, int t1, float[] w, int tiles);

    void weightResult(float[] m, int cin, int cols, int c0, int c1, float[] dw);
}
