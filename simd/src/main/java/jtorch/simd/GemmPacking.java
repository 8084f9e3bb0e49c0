package jtorch.simd;

/**
 * Copies blocks of op(A) and op(B) into the contiguous, zero-padded panels the GEMM micro-kernels read.
 *
 * <p>Packed A: the {@code mc x kc} block as {@code ceil(mc/mr)} micro-panels; micro-panel {@code q} starts at
 * {@code q*mr*kc} and holds, for each {@code p}, the {@code mr} values {@code A(q*mr + r, p)}. Packed B: the
 * {@code kc x nc} block as {@code ceil(nc/nr)} micro-panels; micro-panel {@code q} starts at {@code q*nr*kc} and
 * holds, for each {@code p}, the {@code nr} values {@code B(p, q*nr + j)}. Rows and columns past the edge of the
 * matrix are zeros, so the micro-kernel has a single shape and edge tiles cost nothing but wasted lanes.
 *
 * <p>Packing handles the four transpose combinations, which is why the micro-kernel needs no variants.
 */
final class GemmPacking {
    private GemmPacking() {}

    /** Packs {@code op(A)[i0 : i0+mc, p0 : p0+kc]} into {@code dst} from {@code dstOff} (mr-row micro-panels). */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int p0, int mc, int kc, int mr,
                      float[] dst, int dstOff) {
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int d = dstOff + ir * kc;
            if (transA) {
                // A is stored k x m: the mr values of one p are contiguous.
                int src = aOff + p0 * lda + i0 + ir;
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(a, src, dst, d, rows);
                    for (int r = rows; r < mr; r++) {
                        dst[d + r] = 0f;
                    }
                    src += lda;
                    d += mr;
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    int src = aOff + (i0 + ir + r) * lda + p0;
                    int dr = d + r;
                    for (int p = 0; p < kc; p++) {
                        dst[dr] = a[src + p];
                        dr += mr;
                    }
                }
                for (int r = rows; r < mr; r++) {
                    int dr = d + r;
                    for (int p = 0; p < kc; p++) {
                        dst[dr] = 0f;
                        dr += mr;
                    }
                }
            }
        }
    }

    /** Packs {@code op(B)[p0 : p0+kc, j0 : j0+nc]} into {@code dst} from {@code dstOff} (nr-column micro-panels). */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int j0, int kc, int nc, int nr,
                      float[] dst, int dstOff) {
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            int d = dstOff + jr * kc;
            if (transB) {
                // B is stored n x k: one column of op(B) is contiguous in memory.
                for (int j = 0; j < cols; j++) {
                    int src = bOff + (j0 + jr + j) * ldb + p0;
                    int dj = d + j;
                    for (int p = 0; p < kc; p++) {
                        dst[dj] = b[src + p];
                        dj += nr;
                    }
                }
                for (int j = cols; j < nr; j++) {
                    int dj = d + j;
                    for (int p = 0; p < kc; p++) {
                        dst[dj] = 0f;
                        dj += nr;
                    }
                }
            } else {
                int src = bOff + p0 * ldb + j0 + jr;
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, src, dst, d, cols);
                    for (int j = cols; j < nr; j++) {
                        dst[d + j] = 0f;
                    }
                    src += ldb;
                    d += nr;
                }
            }
        }
    }

    /** Packs {@code op(A)[i0 : i0+mc, p0 : p0+kc]} into {@code dst} from {@code dstOff} (mr-row micro-panels). */
    static void packA(boolean transA, double[] a, int aOff, int lda, int i0, int p0, int mc, int kc, int mr,
                      double[] dst, int dstOff) {
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int d = dstOff + ir * kc;
            if (transA) {
                int src = aOff + p0 * lda + i0 + ir;
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(a, src, dst, d, rows);
                    for (int r = rows; r < mr; r++) {
                        dst[d + r] = 0d;
                    }
                    src += lda;
                    d += mr;
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    int src = aOff + (i0 + ir + r) * lda + p0;
                    int dr = d + r;
                    for (int p = 0; p < kc; p++) {
                        dst[dr] = a[src + p];
                        dr += mr;
                    }
                }
                for (int r = rows; r < mr; r++) {
                    int dr = d + r;
                    for (int p = 0; p < kc; p++) {
                        dst[dr] = 0d;
                        dr += mr;
                    }
                }
            }
        }
    }

    /** Packs {@code op(B)[p0 : p0+kc, j0 : j0+nc]} into {@code dst} from {@code dstOff} (nr-column micro-panels). */
    static void packB(boolean transB, double[] b, int bOff, int ldb, int p0, int j0, int kc, int nc, int nr,
                      double[] dst, int dstOff) {
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            int d = dstOff + jr * kc;
            if (transB) {
                for (int j = 0; j < cols; j++) {
                    int src = bOff + (j0 + jr + j) * ldb + p0;
                    int dj = d + j;
                    for (int p = 0; p < kc; p++) {
                        dst[dj] = b[src + p];
                        dj += nr;
                    }
                }
                for (int j = cols; j < nr; j++) {
                    int dj = d + j;
                    for (int p = 0; p < kc; p++) {
                        dst[dj] = 0d;
                        dj += nr;
                    }
                }
            } else {
                int src = bOff + p0 * ldb + j0 + jr;
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, src, dst, d, cols);
                    for (int j = cols; j < nr; j++) {
                        dst[d + j] = 0d;
                    }
                    src += ldb;
                    d += nr;
                }
            }
        }
    }
}
