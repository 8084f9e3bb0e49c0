package jtorch.simd;

/**
 * A whole op(B), packed once for a multi-threaded SGEMM split by rows, so the threads read one packed copy
 * instead of each packing all of B. {@link VectorSgemm} reads its blocks in place ({@link
 * SgemmOperand.B#packedArray}): no per-thread copy at all.
 *
 * <p>Layout: {@link VectorSgemm}'s blocks in order, column block {@code jc} (of {@link VectorSgemm#NC}) then k slab
 * {@code pc} (of {@link VectorSgemm#KC}); block {@code (jc, pc)} starts at {@code jc·k + pc·roundUp(nc, NR)} and
 * holds its NR-column micro-panels, {@code kc x NR} each, zero-padded past {@code n}. Threads pack disjoint panels
 * in parallel; the buffer belongs to the calling thread.
 *
 * <p>PERF: two threads, square NN SGEMM split by rows (GemmSplit): each thread packed all of B, 4 MB at n = 1024.
 * JMH GemmBenchmark, n = 1024, alternating: 467-474 GFLOP/s packing per thread, 478-486 shared; n = 2048 468-480
 * either way.
 */
final class SharedPackedB {
    private static final int NR = SgemmMicroKernel.NR;
    private static final int KC = VectorSgemm.KC;
    private static final int NC = VectorSgemm.NC;
    private static final ThreadLocal<float[][]> BUFFER = ThreadLocal.withInitial(() -> new float[1][0]);

    /** Largest shared copy kept per calling thread, in floats (128 MiB); bigger products pack per thread. */
    private static final long MAX_FLOATS = 1L << 25;

    private SharedPackedB() {}

    /** True when op(B) of this size is small enough to pack once for all threads. */
    static boolean fits(int k, int n) {
        return (long) roundUp(n) * k <= MAX_FLOATS;
    }

    private static int roundUp(int n) {
        return (n + NR - 1) / NR * NR;
    }

    /** Where block (pc, jc) starts: every block before column jc is NC (a multiple of NR) wide. */
    private static int offset(int k, int n, int pc, int jc) {
        return jc * k + pc * roundUp(Math.min(NC, n - jc));
    }

    /** Packs op(B) (k x n) over the pool and returns an operand whose blocks the kernel reads in place. */
    static SgemmOperand.B pack(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        float[][] holder = BUFFER.get();
        if (holder[0].length < (long) roundUp(n) * k) {
            holder[0] = new float[roundUp(n) * k];
        }
        float[] packed = holder[0];
        Parallel.forRange(0, roundUp(n) / NR, 1, (q0, q1) -> {
            int end = Math.min(n, q1 * NR);
            for (int j = q0 * NR; j < end; ) {
                int jc = j / NC * NC;
                int stop = Math.min(end, Math.min(n, jc + NC));
                for (int pc = 0; pc < k; pc += KC) {
                    int kc = Math.min(KC, k - pc);
                    SgemmOperand.packArrayB(transB, b, bOff, ldb, pc, j, kc, stop - j, NR, packed,
                            offset(k, n, pc, jc) + (j - jc) * kc);
                }
                j = stop;
            }
        });
        return new SgemmOperand.B() {
            @Override
            public void pack(int p0, int j0, int kc, int nc, int nr, float[] dst) {
                SgemmOperand.packArrayB(transB, b, bOff, ldb, p0, j0, kc, nc, nr, dst, 0);
            }

            @Override
            public float[] packedArray() {
                return packed;
            }

            @Override
            public int packedOffset(int p0, int j0) {
                assert p0 % KC == 0 && j0 % NC == 0 : "requests follow VectorSgemm's blocking";
                return offset(k, n, p0, j0);
            }
        };
    }
}
