package jtorch.simd;

/**
 * General matrix multiply, BLAS-style: {@code C = alpha * op(A) * op(B) + beta * C} on row-major arrays with
 * offsets and leading dimensions, in float ({@code sgemm}) and double ({@code dgemm}).
 *
 * <p>{@code op(A)} is {@code m x k} and {@code op(B)} is {@code k x n}. With {@code transA} A is stored
 * {@code k x m} (so {@code lda >= m}), otherwise {@code m x k} ({@code lda >= k}); likewise B. {@code ldc >= n}.
 * As in BLAS, {@code beta == 0} means C is only written, so NaN or garbage in C does not propagate. Elements of
 * C outside the {@code m x n} submatrix are never touched.
 *
 * <p>{@link #sgemm} and {@link #dgemm} split the work over {@link Parallel}; the {@code *Serial} variants run on
 * the calling thread, for callers that already parallelize at a higher level. The implementation (Vector API or
 * the scalar twin) is chosen once per JVM by {@link Simd}.
 */
public final class Gemm {
    private static final SgemmKernel SGEMM = Simd.choose(SgemmKernel.class, "VectorSgemm", ScalarGemm::new);
    private static final DgemmKernel DGEMM = Simd.choose(DgemmKernel.class, "VectorDgemm", ScalarGemm::new);
    private static final RowDotKernel ROW_DOT = Simd.choose(RowDotKernel.class, "VectorRowDot", ScalarRowDot::new);

    /**
     * Up to this many rows of A, {@code A · Bᵀ} (a linear layer at small batch) takes the unpacked row-dot path:
     * the product is bound by reading B once, which packing a transposed B panel by panel roughly doubles.
     * PERF: VGG16's Linear(25088, 4096) at batch 1, 2 threads: 34 ms packed, see {@link VectorRowDot}.
     */
    static final int ROW_DOT_MAX_M = 8;
    /**
     * Shortest rows for the row-dot path with up to 4 rows of A, and with 5 to 8. Each output ends in a sum of
     * lanes in lane order (16 lane reads at 512 bits), which dominates short rows. PERF: n = 4096, 2 threads,
     * row-dot vs packed: m 1-4, k = 128: 110-115 vs 89-91 us, k = 256: 122-124 vs 181-184; m = 8, k = 256: 238 vs
     * 200, k = 512: 291 vs 415.
     */
    static final int ROW_DOT_MIN_K = 256;
    static final int ROW_DOT_MIN_K_WIDE = 512;

    /**
     * Below this many multiply-adds (64^3, ~2.6 us of work on one core) the hand-off to a second thread costs about
     * as much as it saves; products this small run on the calling thread.
     */
    private static final long PARALLEL_MIN_WORK = 64L * 64 * 64;

    private Gemm() {}

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} in float, on up to {@link Parallel#getNumThreads()} threads.
     *
     * @param transA whether A is stored transposed ({@code k x m})
     * @param transB whether B is stored transposed ({@code n x k})
     * @param m rows of op(A) and C
     * @param n columns of op(B) and C
     * @param k columns of op(A), rows of op(B)
     * @param alpha scale of the product
     * @param a A's elements
     * @param aOff index of A(0,0) in {@code a}
     * @param lda row stride of A as stored
     * @param b B's elements
     * @param bOff index of B(0,0) in {@code b}
     * @param ldb row stride of B as stored
     * @param beta scale of C's old value; 0 means C is not read
     * @param c C's elements
     * @param cOff index of C(0,0) in {@code c}
     * @param ldc row stride of C
     * @throws IllegalArgumentException on negative sizes, too-small leading dimensions, negative offsets, or
     *         arrays too short for the described matrices
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        checkS(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (degenerateS(m, n, k, alpha, beta, c, cOff, ldc)) {
            return;
        }
        if (rowDot(transA, transB, m, k)) {
            int grain = (int) Math.max(4, PARALLEL_MIN_WORK / ((long) m * k));
            Parallel.forRange(0, n, grain, (lo, hi) -> ROW_DOT.sgemmNT(m, hi - lo, k, alpha, a, aOff, lda, b,
                    bOff + lo * ldb, ldb, beta, c, cOff + lo, ldc));
            return;
        }
        GemmSplit split = GemmSplit.of(m, n, k, PARALLEL_MIN_WORK, transA, transB);
        if (split == null) {
            SGEMM.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (split.overColumns() && SGEMM instanceof VectorSgemm && SharedPackedA.fits(m, k)) {
            SgemmOperand.A packedA = SharedPackedA.pack(transA, m, k, a, aOff, lda);
            Parallel.forRange(0, split.units(), 1, (u0, u1) -> {
                int lo = split.start(u0);
                int hi = split.start(u1);
                int bAt = transB ? bOff + lo * ldb : bOff + lo;
                SGEMM.sgemm(m, hi - lo, k, alpha, packedA, SgemmOperand.ofB(transB, b, bAt, ldb), beta, c, cOff + lo,
                        ldc);
            });
            return;
        }
        if (!split.overColumns() && SGEMM instanceof VectorSgemm && SharedPackedB.fits(k, n)) {
            SgemmOperand.B packedB = SharedPackedB.pack(transB, k, n, b, bOff, ldb);
            Parallel.forRange(0, split.units(), 1, (u0, u1) -> {
                int lo = split.start(u0);
                int hi = split.start(u1);
                int aAt = transA ? aOff + lo : aOff + lo * lda;
                SGEMM.sgemm(hi - lo, n, k, alpha, SgemmOperand.ofA(transA, a, aAt, lda), packedB, beta,
                        c, cOff + lo * ldc, ldc);
            });
            return;
        }
        Parallel.forRange(0, split.units(), 1, (u0, u1) -> {
            int lo = split.start(u0);
            int hi = split.start(u1);
            if (split.overColumns()) {
                int bAt = transB ? bOff + lo * ldb : bOff + lo;
                SGEMM.sgemm(transA, transB, m, hi - lo, k, alpha, a, aOff, lda, b, bAt, ldb, beta, c, cOff + lo, ldc);
            } else {
                int aAt = transA ? aOff + lo : aOff + lo * lda;
                SGEMM.sgemm(transA, transB, hi - lo, n, k, alpha, a, aAt, lda, b, bOff, ldb, beta,
                        c, cOff + lo * ldc, ldc);
            }
        });
    }

    /** {@code C = alpha * op(A) * op(B) + beta * C} in double; arguments as {@link #sgemm}. */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        checkD(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (degenerateD(m, n, k, alpha, beta, c, cOff, ldc)) {
            return;
        }
        GemmSplit split = GemmSplit.of(m, n, k, PARALLEL_MIN_WORK, transA, transB);
        if (split == null) {
            DGEMM.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        Parallel.forRange(0, split.units(), 1, (u0, u1) -> {
            int lo = split.start(u0);
            int hi = split.start(u1);
            if (split.overColumns()) {
                int bAt = transB ? bOff + lo * ldb : bOff + lo;
                DGEMM.dgemm(transA, transB, m, hi - lo, k, alpha, a, aOff, lda, b, bAt, ldb, beta, c, cOff + lo, ldc);
            } else {
                int aAt = transA ? aOff + lo : aOff + lo * lda;
                DGEMM.dgemm(transA, transB, hi - lo, n, k, alpha, a, aAt, lda, b, bOff, ldb, beta,
                        c, cOff + lo * ldc, ldc);
            }
        });
    }

    /** As {@link #sgemm}, on the calling thread only. */
    public static void sgemmSerial(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                   float beta, float[] c, int cOff, int ldc) {
        checkS(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (degenerateS(m, n, k, alpha, beta, c, cOff, ldc)) {
            return;
        }
        if (rowDot(transA, transB, m, k)) {
            ROW_DOT.sgemmNT(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        SGEMM.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** Whether an sgemm of this form takes the row-dot path (the same choice threaded and serial). */
    static boolean rowDot(boolean transA, boolean transB, int m, int k) {
        return !transA && transB && (m <= 4 ? k >= ROW_DOT_MIN_K : m <= ROW_DOT_MAX_M && k >= ROW_DOT_MIN_K_WIDE);
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} in float on the calling thread, with operands that pack
     * themselves (implicit GEMM: e.g. convolution's im2col matrix, never materialized). {@code op(A)} is
     * {@code m x k}, {@code op(B)} {@code k x n}; C is row-major with leading dimension {@code ldc}.
     *
     * @throws IllegalArgumentException on negative sizes, a null operand, or C too short
     */
    public static void sgemmSerial(int m, int n, int k, float alpha, SgemmOperand.A a, SgemmOperand.B b,
                                   float beta, float[] c, int cOff, int ldc) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("sgemm: operand " + (a == null ? "a" : "b") + " is null");
        }
        GemmChecks.checkOutput(m, n, k, c == null ? -1 : c.length, cOff, ldc);
        if (degenerateS(m, n, k, alpha, beta, c, cOff, ldc)) {
            return;
        }
        SGEMM.sgemm(m, n, k, alpha, a, b, beta, c, cOff, ldc);
    }

    /** As {@link #dgemm}, on the calling thread only. */
    public static void dgemmSerial(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                   double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                   double beta, double[] c, int cOff, int ldc) {
        checkD(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (degenerateD(m, n, k, alpha, beta, c, cOff, ldc)) {
            return;
        }
        DGEMM.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    private static void checkS(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                               float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        GemmChecks.check(transA, transB, m, n, k, a == null ? -1 : a.length, aOff, lda,
                b == null ? -1 : b.length, bOff, ldb, c == null ? -1 : c.length, cOff, ldc);
    }

    private static void checkD(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOff, int lda,
                               double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        GemmChecks.check(transA, transB, m, n, k, a == null ? -1 : a.length, aOff, lda,
                b == null ? -1 : b.length, bOff, ldb, c == null ? -1 : c.length, cOff, ldc);
    }

    /** Handles empty C and a vanishing product ({@code k == 0} or {@code alpha == 0}): C = beta * C. */
    private static boolean degenerateS(int m, int n, int k, float alpha, float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return true;
        }
        if (k != 0 && alpha != 0f) {
            return false;
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0f ? 0f : beta * c[row + j];
            }
        }
        return true;
    }

    private static boolean degenerateD(int m, int n, int k, double alpha, double beta, double[] c, int cOff,
                                       int ldc) {
        if (m == 0 || n == 0) {
            return true;
        }
        if (k != 0 && alpha != 0d) {
            return false;
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0d ? 0d : beta * c[row + j];
            }
        }
        return true;
    }
}
