package jtorch.simd;

/**
 * SGEMM with the Vector API, blocked for the cache hierarchy in the manner of GotoBLAS/BLIS.
 *
 * <p>Loop nest, outermost first: {@code jc} over {@link #NC}-column slices of B (the packed {@code kc x nc}
 * B block stays in L2/L3), {@code pc} over {@link #KC}-deep slices of k, {@code ic} over {@link #MC}-row blocks of
 * A (the packed {@code mc x kc} A block stays in L2), then the macro-kernel: {@code jr} over B micro-panels
 * ({@code kc x NR}, stays in L1 while it meets every A micro-panel of the block) and {@code ir} over A
 * micro-panels ({@code MR x kc}), each pair multiplied by {@link SgemmMicroKernel#tile}. Only the first k slice
 * applies {@code beta}; later ones accumulate into C.
 *
 * <p>Packing buffers are per thread and reused, so a call allocates nothing once warm.
 */
final class VectorSgemm implements SgemmKernel {
    private static final int MR = SgemmMicroKernel.MR;
    private static final int NR = SgemmMicroKernel.NR;

    // PERF: blocking measured on this CPU (Zen 5, 48 KiB L1d, 1 MiB L2/core), SGEMM n = 512/1024/2048.
    // kc is deep on purpose: every k slice reads and writes all of C again, and each register tile waits for its
    // 16 lines of C at the end of its k loop (Java has no prefetch instruction; OpenBLAS prefetches them). With
    // kc 256 a tile ran 256 steps per wait and n = 2048 made 8 passes over C; with kc 1024, 1024 steps and 2.
    // One thread, alternating runs (2026-11-29): kc 256 x mc 192 gave 225-226/223 GFLOP/s at n = 1024/2048;
    // kc 512 x mc 96 237-243/236; kc 1024 x mc 64 239-250/236-244; kc 2048 x mc 32-48 243-248/242-246;
    // kc 768 x mc 64 237-238/235. Two threads, n = 512/1024/2048: kc 256 x mc 192 420-430/420-438/419-428,
    // kc 1024 x mc 64 448-455/471/465-467 (nc 512: 396-450/471/462-468; nc 256: 422-444/459-464/444-447).
    // mc shrinks as kc grows so that the packed A block (mc x kc = 256 KiB in float) and the B micro-panel
    // (kc x NR = 128 KiB, streamed from L2 now, not L1) share the L2; the packed B block (kc x nc, 4 MiB) lives
    // in L3. Earlier sweeps at kc 256: kc 128 lost 10-15% at n = 2048, mc 384 lost 40% (A out of L2), nc 4096
    // on two threads 330/221 at n = 1024/2048 (the two B blocks thrash). Differences under ~3% are noise here.
    // Not packing A (broadcasting from A's rows, as the direct convolution's tile does): 232-237/207/239-246 against
    // 243-245/247/241-247 at n = 512/1024/2048; at n = 1024 the tile's 8 rows are 4 KiB apart, in one L1 set.
    // The heap on transparent huge pages (-XX:+UseTransparentHugePages; numpy madvises its arrays): medians within 1%.
    /** Depth of a k slice. */
    static final int KC = 1024;
    /** Rows of A per packed block; a multiple of MR. */
    static final int MC = 64 / MR * MR;
    /** Columns of B per packed block; a multiple of NR. */
    static final int NC = 1024 / NR * NR;

    /** Below this many multiply-adds, packing costs more than it saves: use the scalar loop. */
    private static final long SMALL_WORK = 4096;

    private static final ScalarGemm SCALAR = new ScalarGemm();
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** One thread's packing buffers, grown on demand and kept for the thread's lifetime. */
    private static final class Buffers {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[MR * NR];

        float[] a(int size) {
            if (a.length < size) {
                a = new float[size];
            }
            return a;
        }

        float[] b(int size) {
            if (b.length < size) {
                b = new float[size];
            }
            return b;
        }
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if ((long) m * n * k <= SMALL_WORK) {
            SCALAR.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        sgemm(m, n, k, alpha, SgemmOperand.ofA(transA, a, aOff, lda), SgemmOperand.ofB(transB, b, bOff, ldb), beta,
                c, cOff, ldc);
    }

    @Override
    public void sgemm(int m, int n, int k, float alpha, SgemmOperand.A a, SgemmOperand.B b, float beta,
                      float[] c, int cOff, int ldc) {
        Buffers buf = BUFFERS.get();
        int kcMax = Math.min(k, KC);
        float[] pa = buf.a(roundUp(Math.min(m, MC), MR) * kcMax);
        float[] shared = b.packedArray();
        float[] pb = shared == null ? buf.b(roundUp(Math.min(n, NC), NR) * kcMax) : null;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float[] bBlock = pb;
                int bAt = 0;
                if (shared == null) {
                    b.pack(pc, jc, kc, nc, NR, pb);
                } else {
                    bBlock = shared;
                    bAt = b.packedOffset(pc, jc);
                }
                float betaHere = pc == 0 ? beta : 1f;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    a.pack(ic, pc, mc, kc, MR, pa);
                    macroKernel(mc, nc, kc, alpha, pa, bBlock, bAt, betaHere, c, cOff + ic * ldc + jc, ldc,
                            buf.tile);
                }
            }
        }
    }

    /** Multiplies a packed {@code mc x kc} A block by a packed {@code kc x nc} B block (at pb[pbOff]) into C. */
    private static void macroKernel(int mc, int nc, int kc, float alpha, float[] pa, float[] pb, int pbOff,
                                    float beta, float[] c, int cBase, int ldc, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int ci = cBase + ir * ldc + jr;
                if (rows == MR && cols == NR) {
                    SgemmMicroKernel.tile(kc, pa, ir * kc, pb, pbOff + jr * kc, alpha, beta, c, ci, ldc);
                } else {
                    SgemmMicroKernel.tile(kc, pa, ir * kc, pb, pbOff + jr * kc, 1f, 0f, tile, 0, NR);
                    mergeEdge(rows, cols, alpha, tile, beta, c, ci, ldc);
                }
            }
        }
    }

    /** Writes the valid {@code rows x cols} corner of an edge tile into C. */
    private static void mergeEdge(int rows, int cols, float alpha, float[] tile, float beta,
                                  float[] c, int ci, int ldc) {
        for (int r = 0; r < rows; r++) {
            int row = ci + r * ldc;
            for (int j = 0; j < cols; j++) {
                // NOTE: fma, rounded exactly as the full tile's store, so a C element gets the same bits whether it
                // lands in a full or an edge tile; threaded and serial runs then agree bit for bit.
                if (beta == 0f) {
                    c[row + j] = alpha * tile[r * NR + j];
                } else {
                    c[row + j] = Math.fma(alpha, tile[r * NR + j], beta * c[row + j]);
                }
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
