package jtorch.simd;

/**
 * A single-threaded SGEMM implementation behind {@link Gemm}: {@code C = alpha * op(A) * op(B) + beta * C},
 * row-major. Arguments are already validated by the facade; implementations only {@code assert}.
 * {@code beta == 0} means C is not read.
 */
interface SgemmKernel {
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);

    /** {@code C = alpha * op(A) * op(B) + beta * C} with self-packing operands (see {@link SgemmOperand}). */
    void sgemm(int m, int n, int k, float alpha, SgemmOperand.A a, SgemmOperand.B b, float beta,
               float[] c, int cOff, int ldc);
}
