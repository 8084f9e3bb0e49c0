package jtorch.simd;

/** The scalar twin of {@link VectorRowDot}: the plain dot-product loop of {@link ScalarGemm}. */
final class ScalarRowDot implements RowDotKernel {
    private static final ScalarGemm GEMM = new ScalarGemm();

    @Override
    public void sgemmNT(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff,
                        int ldb, float beta, float[] c, int cOff, int ldc) {
        GEMM.sgemm(false, true, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** Adds {@code a[i] * b[i]} for i in {@code [from, k)} to {@code sum}, in order (the vector kernel's tail). */
    static float dotTail(float sum, float[] a, int aRow, float[] b, int bRow, int from, int k) {
        for (int p = from; p < k; p++) {
            sum += a[aRow + p] * b[bRow + p];
        }
        return sum;
    }
}
