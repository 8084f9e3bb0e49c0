package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The facade's argument checks, and its handling of empty and degenerate products. */
class GemmValidationTest {
    private final float[] a = new float[6];
    private final float[] b = new float[12];
    private final float[] c = new float[8];

    /** A valid 2x4x3 call (A 2x3, B 3x4, C 2x4) with one argument changed by the caller. */
    private void sgemm(boolean transA, int m, int n, int k, float[] a, int aOff, int lda, int ldb, float[] c,
                       int ldc) {
        Gemm.sgemm(transA, false, m, n, k, 1f, a, aOff, lda, b, 0, ldb, 0f, c, 0, ldc);
    }

    private static void assertRejects(ThrowingCallable call, String... fragments) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).message().contains(fragments);
    }

    @Test
    void validCallPasses() {
        sgemm(false, 2, 4, 3, a, 0, 3, 4, c, 4);
    }

    @Test
    void negativeSizes() {
        assertRejects(() -> sgemm(false, -1, 4, 3, a, 0, 3, 4, c, 4), "m must be >= 0", "-1");
        assertRejects(() -> sgemm(false, 2, -4, 3, a, 0, 3, 4, c, 4), "n must be >= 0");
        assertRejects(() -> sgemm(false, 2, 4, -3, a, 0, 3, 4, c, 4), "k must be >= 0");
    }

    @Test
    void leadingDimensionsTooSmall() {
        assertRejects(() -> sgemm(false, 2, 4, 3, a, 0, 2, 4, c, 4), "lda", "got lda=2");
        assertRejects(() -> sgemm(true, 3, 4, 2, a, 0, 2, 4, new float[12], 4), "lda", "transA");
        assertRejects(() -> sgemm(false, 2, 4, 3, a, 0, 3, 3, c, 4), "ldb");
        assertRejects(() -> sgemm(false, 2, 4, 3, a, 0, 3, 4, c, 3), "ldc");
    }

    @Test
    void arraysTooShortOrNull() {
        assertRejects(() -> sgemm(false, 2, 4, 3, new float[5], 0, 3, 4, c, 4), "a is too short", "length=5");
        assertRejects(() -> sgemm(false, 2, 4, 3, a, 1, 3, 4, c, 4), "a is too short", "aOff=1");
        assertRejects(() -> sgemm(false, 2, 4, 3, a, 0, 3, 4, new float[7], 4), "c is too short");
        assertRejects(() -> Gemm.sgemm(false, false, 2, 4, 3, 1f, a, 0, 3, new float[11], 0, 4, 0f, c, 0, 4),
                "b is too short");
        assertRejects(() -> sgemm(false, 2, 4, 3, null, 0, 3, 4, c, 4), "a must not be null");
        assertRejects(() -> sgemm(false, 2, 4, 3, a, -1, 3, 4, c, 4), "aOff must be >= 0");
        assertRejects(() -> Gemm.dgemmSerial(false, false, 2, 2, 2, 1, new double[4], 0, 2, new double[4], 0, 2,
                0, new double[3], 0, 2), "c is too short");
    }

    @Test
    void emptyProductScalesC() {
        float[] cc = {1f, 2f, Float.NaN, 4f};
        Gemm.sgemm(false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0f, cc, 0, 2);
        assertThat(cc).containsExactly(0f, 0f, 0f, 0f);
        double[] cd = {1, 2, 3, 4};
        Gemm.dgemm(false, false, 2, 2, 2, 0, new double[4], 0, 2, new double[4], 0, 2, 3, cd, 0, 2);
        assertThat(cd).containsExactly(3, 6, 9, 12);
    }

    @Test
    void emptyCIsANoOp() {
        Gemm.sgemm(false, false, 0, 5, 3, 1f, new float[0], 0, 3, new float[15], 0, 5, 0f, new float[0], 0, 5);
        Gemm.sgemm(false, false, 3, 0, 3, 1f, new float[9], 0, 3, new float[0], 0, 1, 0f, new float[0], 0, 1);
    }

    @Test
    void facadeMatchesOracleOnSmallProduct() {
        float[] aa = {1, 2, 3, 4, 5, 6};          // 2x3
        float[] bb = {1, 0, 0, 1, 1, 1};          // 3x2
        float[] cc = new float[4];
        Gemm.sgemm(false, false, 2, 2, 3, 1f, aa, 0, 3, bb, 0, 2, 0f, cc, 0, 2);
        assertThat(cc).containsExactly(4f, 5f, 10f, 11f);
    }
}
