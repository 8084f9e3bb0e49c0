package jtorch.simd;

/**
 * {@code C = alpha * A * Bᵀ + beta * C} for a few rows of A, with A ({@code m x k}) and B ({@code n x k}) both
 * row-major: every element of C is the dot product of two contiguous rows. This is a linear layer's forward
 * ({@code x · Wᵀ}) at small batch, where the weight is read once and never packed. Arguments are validated by
 * {@link Gemm}; {@code beta == 0} means C is not read.
 */
interface RowDotKernel {
    void sgemmNT(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                 float beta, float[] c, int cOff, int ldc);
}
