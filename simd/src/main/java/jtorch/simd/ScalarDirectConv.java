package jtorch.simd;

/** Plain-Java twin of {@link VectorDirectConv}: the oracle for its parity test and the fallback. */
final class ScalarDirectConv implements DirectConvKernels {
    /** Same width as the 512-bit vector tile, so both kernels see the same packed layouts in the tests. */
    private static final int NR = 32;

    @Override
    public int blockWidth() {
        return NR;
    }

    @Override
    public void tile(float[] a, int[] rowBase, int[] outerA, int[] outerB, int nOuter, int inner, int aStride,
                     float[] b, int bOff, int bStride, boolean accumulate, float[] c, int cOff, int ldc) {
        float[] acc = new float[DirectConv.ROWS * NR];
        for (int o = 0; o < nOuter; o++) {
            for (int i = 0; i < inner; i++) {
                int bi = bOff + outerB[o] + i * bStride;
                for (int r = 0; r < DirectConv.ROWS; r++) {
                    float av = a[rowBase[r] + outerA[o] + i * aStride];
                    for (int j = 0; j < NR; j++) {
                        acc[r * NR + j] += av * b[bi + j];
                    }
                }
            }
        }
        for (int r = 0; r < DirectConv.ROWS; r++) {
            for (int j = 0; j < NR; j++) {
                int ci = cOff + r * ldc + j;
                c[ci] = accumulate ? c[ci] + acc[r * NR + j] : acc[r * NR + j];
            }
        }
    }

    @Override
    public void tileDense(float[] a, int[] rowBase, int[] outerA, int[] outerB, int nOuter, int inner, float[] b,
                          int bOff, float[] c, int cOff, int ldc) {
        tile(a, rowBase, outerA, outerB, nOuter, inner, 1, b, bOff, NR, false, c, cOff, ldc);
    }

    @Override
    public void tileGather(float[] a, int[] pix, int n, int aOff, float[] b, int bOff, int ldb, float[] c, int cOff,
                           int ldc) {
        float[] acc = new float[DirectConv.ROWS * NR];
        for (int i = 0; i < n; i++) {
            int bi = bOff + i * ldb;
            for (int r = 0; r < DirectConv.ROWS; r++) {
                float av = a[pix[i] + aOff + r];
                for (int j = 0; j < NR; j++) {
                    acc[r * NR + j] += av * b[bi + j];
                }
            }
        }
        for (int r = 0; r < DirectConv.ROWS; r++) {
            for (int j = 0; j < NR; j++) {
                c[cOff + r * ldc + j] += acc[r * NR + j];
            }
        }
    }

    @Override
    public void packBlock(float[] w, int s, int cStep, int tapStep, int step, int ins, int taps, float[] dst, int d,
                          int kChannels) {
        packColumns(w, s, cStep, tapStep, step, ins, taps, dst, d, kChannels, NR, NR);
    }

    /**
     * {@link #packBlock} for the first {@code width} columns of a block {@code nr} wide: the scalar twin, and the
     * facade's last, partial block whatever the kernel (its other columns are left as they are).
     */
    static void packColumns(float[] w, int s, int cStep, int tapStep, int step, int ins, int taps, float[] dst, int d,
                            int kChannels, int nr, int width) {
        for (int c = 0; c < ins; c++) {
            for (int t = 0; t < taps; t++) {
                int at = d + (t * kChannels + c) * nr;
                int from = s + c * cStep + t * tapStep;
                for (int j = 0; j < width; j++) {
                    dst[at + j] = w[from + j * step];
                }
            }
        }
    }
}
