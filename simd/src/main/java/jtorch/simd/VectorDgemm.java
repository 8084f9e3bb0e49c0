package jtorch.simd;

/**
 * DGEMM with the Vector API, blocked for the cache hierarchy in the manner of GotoBLAS/BLIS.
 *
 * <p>Loop nest, outermost first: {@code jc} over {@link #NC}-column slices of B (the packed {@code kc x nc}
 * B block stays in L2/L3), {@code pc} over {@link #KC}-deep slices of k, {@code ic} over {@link #MC}-row blocks of
 * A (the packed {@code mc x kc} A block stays in L2), then the macro-kernel: {@code jr} over B micro-panels
 * ({@code kc x NR}, stays in L1 while it meets every A micro-panel of the block) and {@code ir} over A
 * micro-panels ({@code MR x kc}), each pair multiplied by {@link DgemmMicroKernel#tile}. Only the first k slice
 * applies {@code beta}; later ones accumulate into C.
 *
 * <p>Packing buffers are per thread and reused, so a call allocates nothing once warm.
 */
final class VectorDgemm implements DgemmKernel {
    private static final int MR = DgemmMicroKernel.MR;
    private static final int NR = DgemmMicroKernel.NR;

    // PERF: blocking measured on this CPU (Zen 5, 48 KiB L1d, 1 MiB L2/core), SGEMM n = 512/1024/2048, one thread:
    // kc 256 x mc 192 gave 232/235/216 GFLOP/s; kc 128 lost 10-15% at n = 2048 and mc 384 with kc 128 lost 40% at
    // n >= 1024 (A block out of L2); kc 384 was within noise of 256. nc = 1024 keeps each thread's packed B block
    // (kc x nc = 1 MiB in float) the size of its L2: on two threads, n = 1024/2048 measured 452/426 GFLOP/s against
    // 330/221 with nc = 4096; one thread was unchanged (233/222 vs 235/227). These sweeps ran at load 1.6-4 on
    // shared cores, so differences under ~10% are noise. The B micro-panel (kc x NR = 32 KiB in float) stays in L1,
    // the A block (mc x kc = 192 KiB in float) in L2.
    // NOTE: DGEMM shares SGEMM's element counts, untuned: the B micro-panel is the same 32 KiB (NR is 16 doubles),
    // the A block doubles to 384 KiB, still inside L2. Measured 87 GFLOP/s at n = 1024 on one core (half of SGEMM's
    // lanes, so the expected ratio).
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
        double[] a = new double[0];
        double[] b = new double[0];
        final double[] tile = new double[MR * NR];

        double[] a(int size) {
            if (a.length < size) {
                a = new double[size];
            }
            return a;
        }

        double[] b(int size) {
            if (b.length < size) {
                b = new double[size];
            }
            return b;
        }
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        if ((long) m * n * k <= SMALL_WORK) {
            SCALAR.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        Buffers buf = BUFFERS.get();
        int kcMax = Math.min(k, KC);
        double[] pa = buf.a(roundUp(Math.min(m, MC), MR) * kcMax);
        double[] pb = buf.b(roundUp(Math.min(n, NC), NR) * kcMax);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                VectorPacking.packB(transB, b, bOff, ldb, pc, jc, kc, nc, NR, pb);
                double betaHere = pc == 0 ? beta : 1d;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    GemmPacking.packA(transA, a, aOff, lda, ic, pc, mc, kc, MR, pa, 0);
                    macroKernel(mc, nc, kc, alpha, pa, pb, betaHere, c, cOff + ic * ldc + jc, ldc, buf.tile);
                }
            }
        }
    }

    /** Multiplies a packed {@code mc x kc} A block by a packed {@code kc x nc} B block into C. */
    private static void macroKernel(int mc, int nc, int kc, double alpha, double[] pa, double[] pb, double beta,
                                    double[] c, int cBase, int ldc, double[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int ci = cBase + ir * ldc + jr;
                if (rows == MR && cols == NR) {
                    DgemmMicroKernel.tile(kc, pa, ir * kc, pb, jr * kc, alpha, beta, c, ci, ldc);
                } else {
                    DgemmMicroKernel.tile(kc, pa, ir * kc, pb, jr * kc, 1d, 0d, tile, 0, NR);
                    mergeEdge(rows, cols, alpha, tile, beta, c, ci, ldc);
                }
            }
        }
    }

    /** Writes the valid {@code rows x cols} corner of an edge tile into C. */
    private static void mergeEdge(int rows, int cols, double alpha, double[] tile, double beta,
                                  double[] c, int ci, int ldc) {
        for (int r = 0; r < rows; r++) {
            int row = ci + r * ldc;
            for (int j = 0; j < cols; j++) {
                // NOTE: fma, rounded exactly as the full tile's store, so a C element gets the same bits whether it
                // lands in a full or an edge tile; threaded and serial runs then agree bit for bit.
                if (beta == 0d) {
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
