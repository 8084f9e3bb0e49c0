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

    // PERF: blocking measured on this CPU (Zen 5, 48 KiB L1d, 1 MiB L2/core), SGEMM n = 512/1024/2048, one thread:
    // kc 256 x mc 192 gave 232/235/216 GFLOP/s; kc 128 lost 10-15% at n = 2048 and mc 384 with kc 128 lost 40% at
    // n >= 1024 (A block out of L2); kc 384 was within noise of 256. nc = 1024 keeps each thread's packed B block
    // (kc x nc = 1 MiB in float) the size of its L2: on two threads, n = 1024/2048 measured 452/426 GFLOP/s against
    // 330/221 with nc = 4096; one thread was unchanged (233/222 vs 235/227). These sweeps ran at load 1.6-4 on
    // shared cores, so differences under ~10% are noise. The B micro-panel (kc x NR = 32 KiB in float) stays in L1,
    // the A block (mc x kc = 192 KiB in float) in L2.
    /** Depth of a k slice. */
    static final int KC = 256;
    /** Rows of A per packed block; a multiple of MR. */
    static final int MC = 192 / MR * MR;
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
        float[] pb = buf.b(roundUp(Math.min(n, NC), NR) * kcMax);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                b.pack(pc, jc, kc, nc, NR, pb);
                float betaHere = pc == 0 ? beta : 1f;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    a.pack(ic, pc, mc, kc, MR, pa);
                    macroKernel(mc, nc, kc, alpha, pa, pb, betaHere, c, cOff + ic * ldc + jc, ldc, buf.tile);
                }
            }
        }
    }

    /** Multiplies a packed {@code mc x kc} A block by a packed {@code kc x nc} B block into C. */
    private static void macroKernel(int mc, int nc, int kc, float alpha, float[] pa, float[] pb, float beta,
                                    float[] c, int cBase, int ldc, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int ci = cBase + ir * ldc + jr;
                if (rows == MR && cols == NR) {
                    SgemmMicroKernel.tile(kc, pa, ir * kc, pb, jr * kc, alpha, beta, c, ci, ldc);
                } else {
                    SgemmMicroKernel.tile(kc, pa, ir * kc, pb, jr * kc, 1f, 0f, tile, 0, NR);
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
