package jtorch.simd;

/**
 * A whole op(A), packed once for a multi-threaded SGEMM split by columns, so the threads share one packed
 * copy instead of each packing all of A (the scalar, strided part of packing).
 *
 * <p>Layout: for each k slab {@code pc} (of {@link VectorSgemm#KC}), the MR-row micro-panels of all
 * {@code roundUp(m, MR)} rows, slab {@code pc} starting at {@code pc * roundUp(m, MR)}; a block request of
 * {@link VectorSgemm}'s loop (rows from a multiple of MC, one whole slab) is then one contiguous copy.
 * Threads pack disjoint row panels in parallel first; the buffer belongs to the calling thread.
 *
 * <p>PERF: two threads, square NN SGEMM: each thread packing all of A cost ~10% of its time at n = 1024.
 */
final class SharedPackedA {
    private static final int MR = SgemmMicroKernel.MR;
    private static final int KC = VectorSgemm.KC;
    private static final ThreadLocal<float[][]> BUFFER = ThreadLocal.withInitial(() -> new float[1][0]);

    private SharedPackedA() {}

    /** Largest shared copy kept per calling thread, in floats (128 MiB); bigger products pack per thread. */
    private static final long MAX_FLOATS = 1L << 25;

    /** True when op(A) of this size is worth (and small enough) to pack once for all threads. */
    static boolean fits(int m, int k) {
        return (long) ((m + MR - 1) / MR * MR) * k <= MAX_FLOATS;
    }

    /** Packs op(A) (m x k) over the pool and returns an operand reading the shared copy. */
    static SgemmOperand.A pack(boolean transA, int m, int k, float[] a, int aOff, int lda) {
        int rows = (m + MR - 1) / MR * MR;
        float[][] holder = BUFFER.get();
        if (holder[0].length < (long) rows * k) {
            holder[0] = new float[rows * k];
        }
        float[] packed = holder[0];
        int panels = rows / MR;
        Parallel.forRange(0, panels, 1, (q0, q1) -> {
            int r0 = q0 * MR;
            int r1 = Math.min(m, q1 * MR);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                SgemmOperand.packArrayA(transA, a, aOff, lda, r0, pc, r1 - r0, kc, MR, packed, pc * rows + r0 * kc);
            }
        });
        return (i0, p0, mc, kc, mr, dst) -> {
            assert mr == MR && i0 % MR == 0 && (p0 % KC == 0) : "requests follow VectorSgemm's blocking";
            int count = (mc + MR - 1) / MR * MR * kc;
            System.arraycopy(packed, p0 * rows + i0 * kc, dst, 0, count);
        };
    }
}
