package jtorch.simd;

/**
 * The Winograd F(2x2, 5x5) transforms one float at a time: the reference the vector kernels must equal bit for
 * bit. Each 2-D transform is two passes of a 1-D one through a small buffer, rows first, then columns.
 */
final class ScalarWinograd5x5 implements Winograd5x5Kernels {
    /** 1/6, 1/12, 1/24 and 2/3 as floats: G's entries that are not powers of two. */
    static final float SIXTH = 1f / 6;
    static final float TWELFTH = 1f / 12;
    static final float TWENTY_FOURTH = 1f / 24;
    static final float THIRD = 1f / 3;
    static final float TWO_THIRDS = 2f / 3;

    @Override
    public void weights(float[] wp, int cin, int cout, int c0, int c1, float[] u) {
        int bw = DirectConv.blockWidth();
        int cols = DirectConv.paddedWidth(cout);
        int tapStride = cin * bw;
        int xiStride = cin * cols;
        float[] h = new float[30];
        for (int c = c0; c < c1; c++) {
            for (int o = 0; o < cols; o++) {
                int g = o / bw * 25 * tapStride + c * bw + o % bw;
                int at = (o / bw * cin + c) * bw + o % bw;
                for (int j = 0; j < 5; j++) {
                    expand(wp, g + j * tapStride, 5 * tapStride, h, j, 5);
                }
                for (int i = 0; i < 6; i++) {
                    expand(h, 5 * i, 1, u, at + 6 * i * xiStride, xiStride);
                }
            }
        }
    }

    /** Six values G·a from five, {@code a_k = src[s + k·ss]}, into {@code dst[d + i·ds]}. */
    static void expand(float[] src, int s, int ss, float[] dst, int d, int ds) {
        float a0 = src[s];
        float a1 = src[s + ss];
        float a2 = src[s + 2 * ss];
        float a3 = src[s + 3 * ss];
        float a4 = src[s + 4 * ss];
        float e = a0 + a2 + a4;
        float o = a1 + a3;
        float p = a0 * TWENTY_FOURTH + a2 * SIXTH + a4 * TWO_THIRDS;
        float q = a1 * TWELFTH + a3 * THIRD;
        dst[d] = a0 * 0.25f;
        dst[d + ds] = (e + o) * -SIXTH;
        dst[d + 2 * ds] = (e - o) * -SIXTH;
        dst[d + 3 * ds] = p + q;
        dst[d + 4 * ds] = p - q;
        dst[d + 5 * ds] = a4;
    }

    @Override
    public void input(float[] x, int channels, int height, int width, int t0, int t1, float[] v, int tiles) {
        int row = width * channels;
        int xiStride = Winograd5x5.planeStride(tiles, channels);
        float[] e = new float[36];
        for (int t = t0; t < t1; t++) {
            int base = Winograd5x5.tileOrigin(t, channels, height, width);
            for (int ch = 0; ch < channels; ch++) {
                for (int i = 0; i < 6; i++) {
                    data(x, base + ch + i * row, channels, e, 6 * i, 1);
                }
                for (int k = 0; k < 6; k++) {
                    data(e, k, 6, v, t * channels + ch + k * xiStride, 6 * xiStride);
                }
            }
        }
    }

    /** Six values Bᵀ·d from six, {@code d_j = src[s + j·ss]}, into {@code dst[d + i·ds]}. */
    static void data(float[] src, int s, int ss, float[] dst, int d, int ds) {
        float d0 = src[s];
        float d1 = src[s + ss];
        float d2 = src[s + 2 * ss];
        float d3 = src[s + 3 * ss];
        float d4 = src[s + 4 * ss];
        float d5 = src[s + 5 * ss];
        float m = d4 - d2;
        float n = (d3 - d1) * 2f;
        dst[d] = d0 * 4f - d2 * 5f + d4;
        dst[d + ds] = d3 + d4 - (d1 + d2) * 4f;
        dst[d + 2 * ds] = d4 - d3 + (d1 - d2) * 4f;
        dst[d + 3 * ds] = m + n;
        dst[d + 4 * ds] = m - n;
        dst[d + 5 * ds] = d1 * 4f - d3 * 5f + d5;
    }

    @Override
    public void output(float[] m, int tiles, int cols, int height, int width, int t0, int t1, float[] y) {
        int xiStride = Winograd5x5.planeStride(tiles, cols);
        int row = (width - 4) * cols;
        float[] a = new float[12];
        for (int t = t0; t < t1; t++) {
            int base = Winograd5x5.outputOrigin(t, cols, height, width);
            for (int o = 0; o < cols; o++) {
                for (int j = 0; j < 6; j++) {
                    result(m, t * cols + o + j * xiStride, 6 * xiStride, a, j, 6);
                }
                result(a, 0, 1, y, base + o, cols);
                result(a, 6, 1, y, base + o + row, cols);
            }
        }
    }

    /** Two values Aᵀ·s from six, {@code s_j = src[s + j·ss]}, into {@code dst[d]} and {@code dst[d + ds]}. */
    static void result(float[] src, int s, int ss, float[] dst, int d, int ds) {
        float s0 = src[s];
        float s1 = src[s + ss];
        float s2 = src[s + 2 * ss];
        float s3 = src[s + 3 * ss];
        float s4 = src[s + 4 * ss];
        float s5 = src[s + 5 * ss];
        dst[d] = s0 + (s1 + s2) + (s3 + s4);
        dst[d + ds] = s1 - s2 + (s3 - s4) * 2f + s5;
    }

    @Override
    public void gradient(float[] gy, int cols, int height, int width, int t0, int t1, float[] w, int tiles) {
        int xiStride = Winograd5x5.planeStride(tiles, cols);
        int row = (width - 4) * cols;
        float[] h = new float[12];
        for (int t = t0; t < t1; t++) {
            int base = Winograd5x5.outputOrigin(t, cols, height, width);
            for (int j = 0; j < cols; j++) {
                for (int q = 0; q < 2; q++) {
                    spread(gy, base + j + q * cols, row, h, q, 2);
                }
                for (int i = 0; i < 6; i++) {
                    spread(h, 2 * i, 1, w, t * cols + j + 6 * i * xiStride, xiStride);
                }
            }
        }
    }

    /** Six values G'·a from two (G' = G of F(5x5, 2x2)), {@code a_k = src[s + k·ss]}, into {@code dst[d + i·ds]}. */
    static void spread(float[] src, int s, int ss, float[] dst, int d, int ds) {
        float a0 = src[s];
        float a1 = src[s + ss];
        float e = a0 * TWENTY_FOURTH;
        float f = a1 * TWELFTH;
        dst[d] = a0 * 0.25f;
        dst[d + ds] = (a0 + a1) * -SIXTH;
        dst[d + 2 * ds] = (a0 - a1) * -SIXTH;
        dst[d + 3 * ds] = e + f;
        dst[d + 4 * ds] = e - f;
        dst[d + 5 * ds] = a1;
    }

    @Override
    public void weightResult(float[] m, int cin, int cols, int c0, int c1, float[] dw) {
        int xiStride = cin * cols;
        float[] a = new float[30];
        for (int c = c0; c < c1; c++) {
            for (int o = 0; o < cols; o++) {
                int at = c * cols + o;
                for (int j = 0; j < 6; j++) {
                    collapse(m, at + j * xiStride, 6 * xiStride, a, j, 6);
                }
                for (int r = 0; r < 5; r++) {
                    collapse(a, 6 * r, 1, dw, (r * 5 * cin + c) * cols + o, cin * cols);
                }
            }
        }
    }

    /** Five values A'ᵀ·s from six (A' = A of F(5x5, 2x2)), {@code s_j = src[s + j·ss]}, into {@code dst[d + i·ds]}. */
    static void collapse(float[] src, int s, int ss, float[] dst, int d, int ds) {
        float s0 = src[s];
        float s1 = src[s + ss];
        float s2 = src[s + 2 * ss];
        float s3 = src[s + 3 * ss];
        float s4 = src[s + 4 * ss];
        float s5 = src[s + 5 * ss];
        float p = s1 + s2;
        float q = s1 - s2;
        float u = s3 + s4;
        float v = s3 - s4;
        dst[d] = s0 + p + u;
        dst[d + ds] = q + v * 2f;
        dst[d + 2 * ds] = p + u * 4f;
        dst[d + 3 * ds] = q + v * 8f;
        dst[d + 4 * ds] = p + u * 16f + s5;
    }
}
