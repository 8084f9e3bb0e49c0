package jtorch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code A · Bᵀ} for a few rows of A as dot products of contiguous rows, 4 rows of A by 4 rows of B at a time:
 * 16 independent vector accumulators, summed across lanes once per block in lane order
 * ({@link VectorReduce#sumLanes}: reduceLanes(ADD) gives different bits before and after JIT compilation, so
 * two threads' halves of one product disagreed with the serial result, which RowDotTest caught). No packing: at batch 1–8 a linear
 * layer's product is bound by reading its weight, and the packed path first copied the transposed weight
 * panel by panel with scalar stores (VGG16's Linear(25088, 4096) at batch 1: 34 ms, 12 GB/s of weights).
 *
 * <p>A block's 4 rows of B are read from memory once; groups of A rows after the first re-read them from cache
 * (4 rows of a 25088-wide weight are 400 KB). Rows past m or n repeat the last valid row and are not stored,
 * so the loop has no branches; the wasted multiply-adds cost nothing in a memory-bound loop.
 */
final class VectorRowDot implements RowDotKernel {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final int L = F.length();

    @Override
    public void sgemmNT(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff,
                        int ldb, float beta, float[] c, int cOff, int ldc) {
        float[] sums = new float[16];
        int kv = k - k % L;
        for (int j0 = 0; j0 < n; j0 += 4) {
            int b0 = bOff + j0 * ldb;
            int b1 = bOff + Math.min(j0 + 1, n - 1) * ldb;
            int b2 = bOff + Math.min(j0 + 2, n - 1) * ldb;
            int b3 = bOff + Math.min(j0 + 3, n - 1) * ldb;
            for (int i0 = 0; i0 < m; i0 += 4) {
                int a0 = aOff + i0 * lda;
                int a1 = aOff + Math.min(i0 + 1, m - 1) * lda;
                int a2 = aOff + Math.min(i0 + 2, m - 1) * lda;
                int a3 = aOff + Math.min(i0 + 3, m - 1) * lda;
                block(a, a0, a1, a2, a3, b, b0, b1, b2, b3, kv, sums);
                int[] aRows = {a0, a1, a2, a3};
                int[] bRows = {b0, b1, b2, b3};
                for (int di = 0; di < 4 && i0 + di < m; di++) {
                    for (int dj = 0; dj < 4 && j0 + dj < n; dj++) {
                        float s = ScalarRowDot.dotTail(sums[4 * di + dj], a, aRows[di], b, bRows[dj], kv, k);
                        int ci = cOff + (i0 + di) * ldc + j0 + dj;
                        // NOTE: beta == 0 must not read C (BLAS), so NaN there does not propagate.
                        c[ci] = beta == 0f ? alpha * s : alpha * s + beta * c[ci];
                    }
                }
            }
        }
    }

    /** The 4x4 block's dot products over the first {@code kv} (a multiple of the lane count) elements. */
    private static void block(float[] a, int a0, int a1, int a2, int a3, float[] b, int b0, int b1, int b2, int b3,
                              int kv, float[] sums) {
        FloatVector s00 = FloatVector.zero(F), s01 = s00, s02 = s00, s03 = s00;
        FloatVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        FloatVector s20 = s00, s21 = s00, s22 = s00, s23 = s00;
        FloatVector s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        for (int p = 0; p < kv; p += L) {
            FloatVector w0 = FloatVector.fromArray(F, b, b0 + p);
            FloatVector w1 = FloatVector.fromArray(F, b, b1 + p);
            FloatVector w2 = FloatVector.fromArray(F, b, b2 + p);
            FloatVector w3 = FloatVector.fromArray(F, b, b3 + p);
            FloatVector x = FloatVector.fromArray(F, a, a0 + p);
            s00 = x.fma(w0, s00);
            s01 = x.fma(w1, s01);
            s02 = x.fma(w2, s02);
            s03 = x.fma(w3, s03);
            x = FloatVector.fromArray(F, a, a1 + p);
            s10 = x.fma(w0, s10);
            s11 = x.fma(w1, s11);
            s12 = x.fma(w2, s12);
            s13 = x.fma(w3, s13);
            x = FloatVector.fromArray(F, a, a2 + p);
            s20 = x.fma(w0, s20);
            s21 = x.fma(w1, s21);
            s22 = x.fma(w2, s22);
            s23 = x.fma(w3, s23);
            x = FloatVector.fromArray(F, a, a3 + p);
            s30 = x.fma(w0, s30);
            s31 = x.fma(w1, s31);
            s32 = x.fma(w2, s32);
            s33 = x.fma(w3, s33);
        }
        sums[0] = VectorReduce.sumLanes(s00);
        sums[1] = VectorReduce.sumLanes(s01);
        sums[2] = VectorReduce.sumLanes(s02);
        sums[3] = VectorReduce.sumLanes(s03);
        sums[4] = VectorReduce.sumLanes(s10);
        sums[5] = VectorReduce.sumLanes(s11);
        sums[6] = VectorReduce.sumLanes(s12);
        sums[7] = VectorReduce.sumLanes(s13);
        sums[8] = VectorReduce.sumLanes(s20);
        sums[9] = VectorReduce.sumLanes(s21);
        sums[10] = VectorReduce.sumLanes(s22);
        sums[11] = VectorReduce.sumLanes(s23);
        sums[12] = VectorReduce.sumLanes(s30);
        sums[13] = VectorReduce.sumLanes(s31);
        sums[14] = VectorReduce.sumLanes(s32);
        sums[15] = VectorReduce.sumLanes(s33);
    }
}
