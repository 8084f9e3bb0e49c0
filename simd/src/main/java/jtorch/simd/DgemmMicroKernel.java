package jtorch.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The DGEMM register tile: a 8 x (2 x lanes) block of C held in 16 vector accumulators while it
 * streams one packed A micro-panel and one packed B micro-panel (see {@link GemmPacking}).
 *
 * <p>Each step of {@code p} loads two vectors of B, broadcasts 8 values of A and issues 16 FMAs.
 * Indices are {@code base + p * constant}, the form C2 proves in bounds once per loop, so the hot loop
 * has no range checks.
 *
 * <p>PERF: tile heights measured for SGEMM at n = 512/1024/2048 on one core (GFLOP/s, load ~2, noisy): MR = 6:
 * 224/213/204, MR = 8: 231/207/210, MR = 12: 224/201/200, so 8 (16 accumulators, the notes' shape) stays.
 * MR = 16 needs 32 accumulators plus the B vectors, more than the 32 zmm registers: C2 spills and boxes, and the
 * kernel drops to 1.4 GFLOP/s. Do not grow the tile without measuring.
 */
final class DgemmMicroKernel {
    private static final VectorSpecies<Double> D = VectorSpeciesHolder.D;
    private static final int L = D.length();

    /** Rows of the register tile. */
    static final int MR = 8;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * L;

    private DgemmMicroKernel() {}

    /**
     * {@code C[0:MR, 0:NR] = alpha * Apanel * Bpanel + beta * C} for the tile at {@code cIdx} with row
     * stride {@code ldc}; {@code beta == 0} does not read C.
     */
    static void tile(int kc, double[] ap, int aIdx, double[] bp, int bIdx, double alpha, double beta,
                     double[] c, int cIdx, int ldc) {
        DoubleVector c00 = DoubleVector.zero(D);
        DoubleVector c01 = DoubleVector.zero(D);
        DoubleVector c10 = DoubleVector.zero(D);
        DoubleVector c11 = DoubleVector.zero(D);
        DoubleVector c20 = DoubleVector.zero(D);
        DoubleVector c21 = DoubleVector.zero(D);
        DoubleVector c30 = DoubleVector.zero(D);
        DoubleVector c31 = DoubleVector.zero(D);
        DoubleVector c40 = DoubleVector.zero(D);
        DoubleVector c41 = DoubleVector.zero(D);
        DoubleVector c50 = DoubleVector.zero(D);
        DoubleVector c51 = DoubleVector.zero(D);
        DoubleVector c60 = DoubleVector.zero(D);
        DoubleVector c61 = DoubleVector.zero(D);
        DoubleVector c70 = DoubleVector.zero(D);
        DoubleVector c71 = DoubleVector.zero(D);
        for (int p = 0; p < kc; p++) {
            int ai = aIdx + p * MR;
            int bi = bIdx + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(D, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, bp, bi + L);
            DoubleVector a0 = DoubleVector.broadcast(D, ap[ai + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(D, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(D, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(D, ap[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(D, ap[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(D, ap[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(D, ap[ai + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(D, ap[ai + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        // NOTE: the stores are written out here rather than in a helper: C2 stops inlining helpers in a method
        // this large (NodeCountInliningCutoff), and a non-inlined helper boxes every accumulator (~13 GFLOP/s).
        DoubleVector va = DoubleVector.broadcast(D, alpha);
        if (beta == 0d) {
            c00.mul(va).intoArray(c, cIdx + 0 * ldc);
            c01.mul(va).intoArray(c, cIdx + 0 * ldc + L);
            c10.mul(va).intoArray(c, cIdx + 1 * ldc);
            c11.mul(va).intoArray(c, cIdx + 1 * ldc + L);
            c20.mul(va).intoArray(c, cIdx + 2 * ldc);
            c21.mul(va).intoArray(c, cIdx + 2 * ldc + L);
            c30.mul(va).intoArray(c, cIdx + 3 * ldc);
            c31.mul(va).intoArray(c, cIdx + 3 * ldc + L);
            c40.mul(va).intoArray(c, cIdx + 4 * ldc);
            c41.mul(va).intoArray(c, cIdx + 4 * ldc + L);
            c50.mul(va).intoArray(c, cIdx + 5 * ldc);
            c51.mul(va).intoArray(c, cIdx + 5 * ldc + L);
            c60.mul(va).intoArray(c, cIdx + 6 * ldc);
            c61.mul(va).intoArray(c, cIdx + 6 * ldc + L);
            c70.mul(va).intoArray(c, cIdx + 7 * ldc);
            c71.mul(va).intoArray(c, cIdx + 7 * ldc + L);
        } else {
            DoubleVector vb = DoubleVector.broadcast(D, beta);
            c00.fma(va, DoubleVector.fromArray(D, c, cIdx + 0 * ldc).mul(vb)).intoArray(c, cIdx + 0 * ldc);
            c01.fma(va, DoubleVector.fromArray(D, c, cIdx + 0 * ldc + L).mul(vb)).intoArray(c, cIdx + 0 * ldc + L);
            c10.fma(va, DoubleVector.fromArray(D, c, cIdx + 1 * ldc).mul(vb)).intoArray(c, cIdx + 1 * ldc);
            c11.fma(va, DoubleVector.fromArray(D, c, cIdx + 1 * ldc + L).mul(vb)).intoArray(c, cIdx + 1 * ldc + L);
            c20.fma(va, DoubleVector.fromArray(D, c, cIdx + 2 * ldc).mul(vb)).intoArray(c, cIdx + 2 * ldc);
            c21.fma(va, DoubleVector.fromArray(D, c, cIdx + 2 * ldc + L).mul(vb)).intoArray(c, cIdx + 2 * ldc + L);
            c30.fma(va, DoubleVector.fromArray(D, c, cIdx + 3 * ldc).mul(vb)).intoArray(c, cIdx + 3 * ldc);
            c31.fma(va, DoubleVector.fromArray(D, c, cIdx + 3 * ldc + L).mul(vb)).intoArray(c, cIdx + 3 * ldc + L);
            c40.fma(va, DoubleVector.fromArray(D, c, cIdx + 4 * ldc).mul(vb)).intoArray(c, cIdx + 4 * ldc);
            c41.fma(va, DoubleVector.fromArray(D, c, cIdx + 4 * ldc + L).mul(vb)).intoArray(c, cIdx + 4 * ldc + L);
            c50.fma(va, DoubleVector.fromArray(D, c, cIdx + 5 * ldc).mul(vb)).intoArray(c, cIdx + 5 * ldc);
            c51.fma(va, DoubleVector.fromArray(D, c, cIdx + 5 * ldc + L).mul(vb)).intoArray(c, cIdx + 5 * ldc + L);
            c60.fma(va, DoubleVector.fromArray(D, c, cIdx + 6 * ldc).mul(vb)).intoArray(c, cIdx + 6 * ldc);
            c61.fma(va, DoubleVector.fromArray(D, c, cIdx + 6 * ldc + L).mul(vb)).intoArray(c, cIdx + 6 * ldc + L);
            c70.fma(va, DoubleVector.fromArray(D, c, cIdx + 7 * ldc).mul(vb)).intoArray(c, cIdx + 7 * ldc);
            c71.fma(va, DoubleVector.fromArray(D, c, cIdx + 7 * ldc + L).mul(vb)).intoArray(c, cIdx + 7 * ldc + L);
        }
    }
}
