package jtorch.simd;

import java.util.SplittableRandom;

/** Random operands with padding, odd offsets and sentinels outside the C submatrix, for the GEMM tests. */
final class GemmTestData {
    /** Value written outside the C submatrix; a kernel that touches it is caught by exact comparison. */
    static final float SENTINEL = 777.25f;

    final boolean transA;
    final boolean transB;
    final int m;
    final int n;
    final int k;
    final int aOff;
    final int lda;
    final int bOff;
    final int ldb;
    final int cOff;
    final int ldc;
    final float[] a;
    final float[] b;
    final float[] c;

    GemmTestData(boolean transA, boolean transB, int m, int n, int k, long seed, boolean nanInC) {
        SplittableRandom rnd = new SplittableRandom(seed);
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.aOff = 3;
        this.bOff = 5;
        this.cOff = 7;
        this.lda = (transA ? m : k) + 2;
        this.ldb = (transB ? k : n) + 3;
        this.ldc = n + 4;
        int aRows = transA ? k : m;
        int bRows = transB ? n : k;
        this.a = new float[aOff + aRows * lda + 1];
        this.b = new float[bOff + bRows * ldb + 1];
        this.c = new float[cOff + m * ldc + 2];
        fill(rnd, a);
        fill(rnd, b);
        for (int i = 0; i < c.length; i++) {
            c[i] = SENTINEL;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOff + i * ldc + j] = nanInC ? Float.NaN : (float) (rnd.nextDouble() * 2 - 1);
            }
        }
    }

    /** True when index {@code idx} of C lies inside the m x n submatrix. */
    boolean insideC(int idx) {
        int rel = idx - cOff;
        if (rel < 0 || rel >= m * ldc) {
            return false;
        }
        return rel % ldc < n;
    }

    double[] toDouble(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }

    private static void fill(SplittableRandom rnd, float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
    }
}
