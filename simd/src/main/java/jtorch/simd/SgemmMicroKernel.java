package jtorch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SGEMM register tile: a 8 x (2 x lanes) block of C held in 16 vector accumulators while it
 * streams one packed A micro-panel and one packed B micro-panel (see {@link GemmPacking}).
 *
 * <p>Each step of {@code p} loads two vectors of B, broadcasts 8 values of A and issues 16 FMAs.
 * Indices are {@code base + p * constant}, the form C2 proves in bounds once per loop, so the hot loop
 * has no range checks.
 *
 * <p>PERF: tile heights measured for SGEMM at n = 512/1024/2048 on one core (GFLOP/s, load ~2, noisy): MR = 6:
 * 224/213/204, MR = 8: 231/207/210, MR = 12: 224/201/200, so 8 (16 accumulators, the notes' shape) stays.
 * MR = 16 needs 32 accumulators plus the B vectors, more than the 32 zmm registers: C2 spills and boxes, and the
 * kernel drops to 1.4 GFLOP/s. Do not grow the tile without measuring. Three vectors wide (8 x 48, 24
 * accumulators), 2026-11-29: 238-241 GFLOP/s against 242-250 for this tile at n = 512/1024/2048.
 */
final class SgemmMicroKernel {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final int L = F.length();

    /** Rows of the register tile. */
    static final int MR = 8;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * L;

    private SgemmMicroKernel() {}

    /**
     * {@code C[0:MR, 0:NR] = alpha * Apanel * Bpanel + beta * C} for the tile at {@code cIdx} with row
     * stride {@code ldc}; {@code beta == 0} does not read C.
     */
    static void tile(int kc, float[] ap, int aIdx, float[] bp, int bIdx, float alpha, float beta,
                     float[] c, int cIdx, int ldc) {
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F);
        FloatVector c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F);
        FloatVector c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F);
        FloatVector c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F);
        FloatVector c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F);
        FloatVector c51 = FloatVector.zero(F);
        FloatVector c60 = FloatVector.zero(F);
        FloatVector c61 = FloatVector.zero(F);
        FloatVector c70 = FloatVector.zero(F);
        FloatVector c71 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            int ai = aIdx + p * MR;
            int bi = bIdx + p * NR;
            FloatVector b0 = FloatVector.fromArray(F, bp, bi);
            FloatVector b1 = FloatVector.fromArray(F, bp, bi + L);
            FloatVector a0 = FloatVector.broadcast(F, ap[ai + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(F, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(F, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(F, ap[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(F, ap[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(F, ap[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(F, ap[ai + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(F, ap[ai + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        // NOTE: the stores are written out here rather than in a helper: C2 stops inlining helpers in a method
        // this large (NodeCountInliningCutoff), and a non-inlined helper boxes every accumulator (~13 GFLOP/s).
        FloatVector va = FloatVector.broadcast(F, alpha);
        if (beta == 0f) {
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
            FloatVector vb = FloatVector.broadcast(F, beta);
            c00.fma(va, FloatVector.fromArray(F, c, cIdx + 0 * ldc).mul(vb)).intoArray(c, cIdx + 0 * ldc);
            c01.fma(va, FloatVector.fromArray(F, c, cIdx + 0 * ldc + L).mul(vb)).intoArray(c, cIdx + 0 * ldc + L);
            c10.fma(va, FloatVector.fromArray(F, c, cIdx + 1 * ldc).mul(vb)).intoArray(c, cIdx + 1 * ldc);
            c11.fma(va, FloatVector.fromArray(F, c, cIdx + 1 * ldc + L).mul(vb)).intoArray(c, cIdx + 1 * ldc + L);
            c20.fma(va, FloatVector.fromArray(F, c, cIdx + 2 * ldc).mul(vb)).intoArray(c, cIdx + 2 * ldc);
            c21.fma(va, FloatVector.fromArray(F, c, cIdx + 2 * ldc + L).mul(vb)).intoArray(c, cIdx + 2 * ldc + L);
            c30.fma(va, FloatVector.fromArray(F, c, cIdx + 3 * ldc).mul(vb)).intoArray(c, cIdx + 3 * ldc);
            c31.fma(va, FloatVector.fromArray(F, c, cIdx + 3 * ldc + L).mul(vb)).intoArray(c, cIdx + 3 * ldc + L);
            c40.fma(va, FloatVector.fromArray(F, c, cIdx + 4 * ldc).mul(vb)).intoArray(c, cIdx + 4 * ldc);
            c41.fma(va, FloatVector.fromArray(F, c, cIdx + 4 * ldc + L).mul(vb)).intoArray(c, cIdx + 4 * ldc + L);
            c50.fma(va, FloatVector.fromArray(F, c, cIdx + 5 * ldc).mul(vb)).intoArray(c, cIdx + 5 * ldc);
            c51.fma(va, FloatVector.fromArray(F, c, cIdx + 5 * ldc + L).mul(vb)).intoArray(c, cIdx + 5 * ldc + L);
            c60.fma(va, FloatVector.fromArray(F, c, cIdx + 6 * ldc).mul(vb)).intoArray(c, cIdx + 6 * ldc);
            c61.fma(va, FloatVector.fromArray(F, c, cIdx + 6 * ldc + L).mul(vb)).intoArray(c, cIdx + 6 * ldc + L);
            c70.fma(va, FloatVector.fromArray(F, c, cIdx + 7 * ldc).mul(vb)).intoArray(c, cIdx + 7 * ldc);
            c71.fma(va, FloatVector.fromArray(F, c, cIdx + 7 * ldc + L).mul(vb)).intoArray(c, cIdx + 7 * ldc + L);
        }
    }
}
