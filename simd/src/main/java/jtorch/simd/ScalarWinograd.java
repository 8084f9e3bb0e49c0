package jtorch.simd;

/**
 * The scalar twin of {@link VectorWinograd}: the same additions in the same order, one channel at a time, so the
 * two agree bit for bit (the parity test's reference).
 */
final class ScalarWinograd implements WinogradKernels {
    @Override
    public void weights(float[] wp, int cin, int cout, int c0, int c1, float[] u) {
        int bw = DirectConv.blockWidth();
        float[] g = new float[9];
        float[] r = new float[16];
        for (int c = c0; c < c1; c++) {
            for (int o = 0; o < cout; o++) {
                int base = o / bw * 9 * cin * bw + c * bw + o % bw;
                for (int tap = 0; tap < 9; tap++) {
                    g[tap] = wp[base + tap * cin * bw];
                }
                Winograd.kernel(g, r);
                for (int xi = 0; xi < 16; xi++) {
                    u[(xi * cin + c) * cout + o] = r[xi];
                }
            }
        }
    }

    @Override
    public void input(float[] x, int channels, int height, int width, int t0, int t1, float[] v, int first,
                      int count) {
        int tc = count;
        float[] d = new float[16];
        float[] r = new float[16];
        for (int t = t0; t < t1; t++) {
            int base = Winograd.tileOrigin(t, channels, height, width);
            for (int ch = 0; ch < channels; ch++) {
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        d[i * 4 + j] = x[base + (i * width + j) * channels + ch];
                    }
                }
                Winograd.data(d, r);
                for (int xi = 0; xi < 16; xi++) {
                    v[(xi * tc + t - first) * channels + ch] = r[xi];
                }
            }
        }
    }

    @Override
    public void output(float[] m, int first, int count, int channels, int height, int width, int t0, int t1,
                       float[] y) {
        int tc = count;
        float[] s = new float[16];
        float[] r = new float[4];
        for (int t = t0; t < t1; t++) {
            int base = Winograd.outputOrigin(t, channels, height, width);
            int row = (width - 2) * channels;
            for (int oc = 0; oc < channels; oc++) {
                for (int xi = 0; xi < 16; xi++) {
                    s[xi] = m[(xi * tc + t - first) * channels + oc];
                }
                Winograd.result(s, r);
                y[base + oc] = r[0];
                y[base + channels + oc] = r[1];
                y[base + row + oc] = r[2];
                y[base + row + channels + oc] = r[3];
            }
        }
    }
}
