package jtorch.simd;

/**
 * A single-threaded DGEMM implementation behind {@link Gemm}: {@code C = alpha * op(A) * op(B) + beta * C},
 * row-major. Arguments are already validated by the facade; implementations only {@code assert}.
 * {@code beta == 0} means C is not read.
 */
interface DgemmKernel {
    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
               double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
               double beta, double[] c, int cOff, int ldc);
}
