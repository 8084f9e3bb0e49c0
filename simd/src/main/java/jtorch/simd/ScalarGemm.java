package jtorch.simd;

/**
 * The scalar twin of {@link VectorSgemm} and {@link VectorDgemm}: a plain triple loop. It is the test oracle,
 * the fallback when the Vector API is off ({@code -Djtorch.simd=false}), and the path the vector classes take
 * for products too small to be worth packing.
 */
final class ScalarGemm implements SgemmKernel, DgemmKernel {

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        // op(A)(i,p) sits at aOff + i*aRow + p*aCol; likewise op(B)(p,j).
        int aRow = transA ? 1 : lda;
        int aCol = transA ? lda : 1;
        int bRow = transB ? 1 : ldb;
        int bCol = transB ? ldb : 1;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + i * aRow + p * aCol] * b[bOff + p * bRow + j * bCol];
                }
                int ci = cOff + i * ldc + j;
                // NOTE: beta == 0 must not read C, so NaN or garbage in C does not propagate (as BLAS).
                if (beta == 0f) {
                    c[ci] = alpha * sum;
                } else {
                    c[ci] = alpha * sum + beta * c[ci];
                }
            }
        }
    }

    /**
     * Packs both operands whole with one-row / one-column panels (A row-major, B as Bᵀ row-major), then the
     * plain dot-product loop. The reference for every self-packing operand.
     */
    @Override
    public void sgemm(int m, int n, int k, float alpha, SgemmOperand.A a, SgemmOperand.B b, float beta,
                      float[] c, int cOff, int ldc) {
        float[] pa = new float[Math.max(1, m * k)];
        float[] pbT = new float[Math.max(1, n * k)];
        a.pack(0, 0, m, k, 1, pa);
        b.pack(0, 0, k, n, 1, pbT);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += pa[i * k + p] * pbT[j * k + p];
                }
                int ci = cOff + i * ldc + j;
                if (beta == 0f) {
                    c[ci] = alpha * sum;
                } else {
                    c[ci] = alpha * sum + beta * c[ci];
                }
            }
        }
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        int aRow = transA ? 1 : lda;
        int aCol = transA ? lda : 1;
        int bRow = transB ? 1 : ldb;
        int bCol = transB ? ldb : 1;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0d;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + i * aRow + p * aCol] * b[bOff + p * bRow + j * bCol];
                }
                int ci = cOff + i * ldc + j;
                if (beta == 0d) {
                    c[ci] = alpha * sum;
                } else {
                    c[ci] = alpha * sum + beta * c[ci];
                }
            }
        }
    }
}
