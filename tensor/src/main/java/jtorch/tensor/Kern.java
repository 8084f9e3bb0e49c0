package jtorch.tensor;

import jtorch.simd.Conv;
import jtorch.simd.Elementwise;
import jtorch.simd.Gemm;

/**
 * Dispatches coarse-grained kernel calls on {@code float[]} or {@code double[]} buffers, so the CPU
 * convolution is written once for both dtypes. Each call does enough work that the type test is free.
 */
final class Kern {
    private Kern() {}

    static void gemm(boolean serial, boolean ta, boolean tb, int m, int n, int k, Object a, int aOff, int lda,
                     Object b, int bOff, int ldb, double beta, Object c, int cOff, int ldc) {
        if (a instanceof float[] af) {
            if (serial) {
                Gemm.sgemmSerial(ta, tb, m, n, k, 1f, af, aOff, lda, (float[]) b, bOff, ldb, (float) beta,
                        (float[]) c, cOff, ldc);
            } else {
                Gemm.sgemm(ta, tb, m, n, k, 1f, af, aOff, lda, (float[]) b, bOff, ldb, (float) beta,
                        (float[]) c, cOff, ldc);
            }
        } else if (serial) {
            Gemm.dgemmSerial(ta, tb, m, n, k, 1.0, (double[]) a, aOff, lda, (double[]) b, bOff, ldb, beta,
                    (double[]) c, cOff, ldc);
        } else {
            Gemm.dgemm(ta, tb, m, n, k, 1.0, (double[]) a, aOff, lda, (double[]) b, bOff, ldb, beta,
                    (double[]) c, cOff, ldc);
        }
    }

    static void im2col(Object x, int xOff, int c, int h, int w, int kH, int kW, ConvParams p, Object col) {
        if (x instanceof float[] xf) {
            Conv.im2col(xf, xOff, c, h, w, kH, kW, p.padH(), p.padW(), p.strideH(), p.strideW(), p.dilH(), p.dilW(),
                    (float[]) col, 0);
        } else {
            Conv.im2col((double[]) x, xOff, c, h, w, kH, kW, p.padH(), p.padW(), p.strideH(), p.strideW(), p.dilH(),
                    p.dilW(), (double[]) col, 0);
        }
    }

    static void col2im(Object col, int c, int h, int w, int kH, int kW, ConvParams p, Object x, int xOff) {
        if (col instanceof float[] cf) {
            Conv.col2im(cf, 0, c, h, w, kH, kW, p.padH(), p.padW(), p.strideH(), p.strideW(), p.dilH(), p.dilW(),
                    (float[]) x, xOff);
        } else {
            Conv.col2im((double[]) col, 0, c, h, w, kH, kW, p.padH(), p.padW(), p.strideH(), p.strideW(), p.dilH(),
                    p.dilW(), (double[]) x, xOff);
        }
    }

    /** y[off + i] = v for i in [0, n). */
    static void fill(Object y, int off, int n, double v) {
        if (y instanceof float[] f) {
            Elementwise.fill(n, (float) v, f, off);
        } else {
            Elementwise.fill(n, v, (double[]) y, off);
        }
    }

    /** y[yOff + i] += x[xOff + i]. */
    static void addTo(Object x, int xOff, Object y, int yOff, int n) {
        if (x instanceof float[] xf) {
            Elementwise.axpy(n, 1f, xf, xOff, (float[]) y, yOff);
        } else {
            Elementwise.axpy(n, 1.0, (double[]) x, xOff, (double[]) y, yOff);
        }
    }

    static double get(Object a, int i) {
        return a instanceof float[] f ? f[i] : ((double[]) a)[i];
    }

    /** Σ a[off + i] for i in [0, n). */
    static double sum(Object a, int off, int n) {
        return a instanceof float[] f ? jtorch.simd.Reduce.sum(n, f, off) : jtorch.simd.Reduce.sum(n, (double[]) a, off);
    }

    static void add(Object a, int i, double v) {
        if (a instanceof float[] f) {
            f[i] += (float) v;
        } else {
            ((double[]) a)[i] += v;
        }
    }
}
