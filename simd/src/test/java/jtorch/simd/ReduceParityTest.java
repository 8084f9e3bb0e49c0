package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorReduce} against {@link ScalarReduce}. Sums and dots are held to the stated bound
 * {@code |v - s| <= n·2⁻²⁴·Σ|terms|} (s accumulates in double, so it is within 2⁻²⁴ relative of exact).
 */
@Tag("parity")
class ReduceParityTest {
    private static final ReduceKernels SCALAR = new ScalarReduce();
    private static final ReduceKernels VECTOR = new VectorReduce();
    private static final double EPS = Math.ulp(1f) / 2;   // 2^-24

    @Test
    void sumAndDotWithinTheStatedBound() {
        for (int n : TestArrays.SIZES) {
            SplittableRandom rnd = new SplittableRandom(n);
            float[] x = TestArrays.floats(rnd, n + 3, -10f, 10f);
            float[] b = TestArrays.floats(rnd, n + 5, -10f, 10f);
            double abs = 0;
            double absDot = 0;
            for (int i = 0; i < n; i++) {
                abs += Math.abs(x[3 + i]);
                absDot += Math.abs((double) x[3 + i] * b[5 + i]);
            }
            double tol = n * EPS * abs + EPS * abs;
            assertThat((double) VECTOR.sum(n, x, 3)).as("sum n=%d", n).isCloseTo(SCALAR.sum(n, x, 3), within(tol));
            double tolDot = n * EPS * absDot + EPS * absDot;
            assertThat((double) VECTOR.dot(n, x, 3, b, 5)).isCloseTo(SCALAR.dot(n, x, 3, b, 5), within(tolDot));
            assertThat((double) VECTOR.sumStrided(n / 2 + 1, x, 2, 2))
                    .isCloseTo(SCALAR.sumStrided(n / 2 + 1, x, 2, 2), within(tol));
            assertThat((double) VECTOR.sumStrided(n, x, 3, 1)).isCloseTo(SCALAR.sum(n, x, 3), within(tol));
            double[] dx = TestArrays.doubles(rnd, n + 3, -10, 10);
            double[] db = TestArrays.doubles(rnd, n + 5, -10, 10);
            assertThat(VECTOR.sum(n, dx, 3)).isCloseTo(SCALAR.sum(n, dx, 3), within(1e-13 * n));
            assertThat(VECTOR.dot(n, dx, 3, db, 5)).isCloseTo(SCALAR.dot(n, dx, 3, db, 5), within(1e-12 * n));
            assertThat(VECTOR.sumStrided(n / 2 + 1, dx, 1, 2))
                    .isCloseTo(SCALAR.sumStrided(n / 2 + 1, dx, 1, 2), within(1e-13 * n));
        }
    }

    @Test
    void maxMinArgmaxAndNaN() {
        for (int n : TestArrays.SIZES) {
            SplittableRandom rnd = new SplittableRandom(n);
            float[] x = TestArrays.floats(rnd, n + 3, -10f, 10f);
            // a tie for the maximum: argmax must report the first one
            x[3 + n / 2] = 20f;
            x[3 + n - 1] = 20f;
            assertThat(VECTOR.max(n, x, 3)).isEqualTo(SCALAR.max(n, x, 3));
            assertThat(VECTOR.min(n, x, 3)).isEqualTo(SCALAR.min(n, x, 3));
            assertThat(VECTOR.argmax(n, x, 3)).isEqualTo(SCALAR.argmax(n, x, 3)).isEqualTo(n == 1 ? 0 : n / 2);
            double[] dx = TestArrays.doubles(rnd, n + 3, -10, 10);
            assertThat(VECTOR.max(n, dx, 3)).isEqualTo(SCALAR.max(n, dx, 3));
            assertThat(VECTOR.min(n, dx, 3)).isEqualTo(SCALAR.min(n, dx, 3));
            assertThat(VECTOR.argmax(n, dx, 3)).isEqualTo(SCALAR.argmax(n, dx, 3));
            for (int at : new int[] {0, n / 3, n - 1}) {
                float[] y = x.clone();
                y[3 + at] = Float.NaN;
                if (at < n - 1) {
                    y[3 + n - 1] = Float.NaN;
                }
                assertThat(VECTOR.max(n, y, 3)).isNaN();
                assertThat(VECTOR.min(n, y, 3)).isNaN();
                assertThat(SCALAR.max(n, y, 3)).isNaN();
                assertThat(VECTOR.argmax(n, y, 3)).isEqualTo(SCALAR.argmax(n, y, 3)).isEqualTo(at);
            }
        }
        float[] allNegInf = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        assertThat(VECTOR.argmax(3, allNegInf, 0)).isZero();
        assertThat(VECTOR.max(3, allNegInf, 0)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Reduce.max(0, allNegInf, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowKernels() {
        for (int cols : TestArrays.SIZES) {
            int rows = 4;
            int ldx = cols + 2;
            int ldy = cols + 5;
            SplittableRandom rnd = new SplittableRandom(cols);
            float[] x = TestArrays.floats(rnd, 1 + rows * ldx, -20f, 20f);
            float[] ls = new float[rows + 1];
            float[] lv = new float[rows + 1];
            SCALAR.logSumExpRows(rows, cols, x, 1, ldx, ls, 1);
            VECTOR.logSumExpRows(rows, cols, x, 1, ldx, lv, 1);
            for (int r = 0; r <= rows; r++) {
                assertThat(lv[r]).isCloseTo(ls[r], within(2e-6f * (1 + Math.abs(ls[r]))));
            }
            float[] ys = new float[3 + rows * ldy];
            float[] yv = new float[3 + rows * ldy];
            SCALAR.softmaxRows(rows, cols, x, 1, ldx, ys, 3, ldy);
            VECTOR.softmaxRows(rows, cols, x, 1, ldx, yv, 3, ldy);
            // NOTE: the float kernel rounds x - max to float (the scalar twin does not), which alone costs up to
            // |x - max|·2^-24 relative: 2.4e-6 for this [-20, 20] input; plus 2 ulp of exp and the sum.
            for (int i = 0; i < ys.length; i++) {
                assertThat(yv[i]).as("softmax cols=%d at %d", cols, i).isCloseTo(ys[i], within(4e-6f * ys[i] + 1e-30f));
            }
            SCALAR.logSoftmaxRows(rows, cols, x, 1, ldx, ys, 3, ldy);
            VECTOR.logSoftmaxRows(rows, cols, x, 1, ldx, yv, 3, ldy);
            for (int i = 0; i < ys.length; i++) {
                assertThat(yv[i]).isCloseTo(ys[i], within(4e-6f * (1 + Math.abs(ys[i]))));
            }
            // in place
            float[] inPlace = x.clone();
            VECTOR.softmaxRows(rows, cols, inPlace, 1, ldx, inPlace, 1, ldx);
            VECTOR.softmaxRows(rows, cols, x, 1, ldx, yv, 1, ldx);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < cols; j++) {
                    assertThat(inPlace[1 + r * ldx + j]).isEqualTo(yv[1 + r * ldx + j]);
                }
            }
            double[] dx = TestArrays.doubles(rnd, 1 + rows * ldx, -20, 20);
            double[] dys = new double[3 + rows * ldy];
            double[] dyv = new double[3 + rows * ldy];
            SCALAR.logSoftmaxRows(rows, cols, dx, 1, ldx, dys, 3, ldy);
            VECTOR.logSoftmaxRows(rows, cols, dx, 1, ldx, dyv, 3, ldy);
            assertThat(dyv).containsExactly(dys);
        }
    }

    @Test
    void rowEdgeCasesFollowPyTorch() {
        float ninf = Float.NEGATIVE_INFINITY;
        float[] x = {
            ninf, ninf, ninf, ninf, ninf, ninf, ninf, ninf, ninf, ninf, ninf, ninf, ninf, ninf, ninf, ninf, ninf,
            1f, Float.POSITIVE_INFINITY, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f, 12f, 13f, 14f, 15f, 16f,
            1000f, 0f, ninf, -1000f, 1000f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f
        };
        for (ReduceKernels k : new ReduceKernels[] {SCALAR, VECTOR}) {
            float[] lse = new float[3];
            k.logSumExpRows(3, 17, x, 0, 17, lse, 0);
            assertThat(lse[0]).isEqualTo(ninf);
            assertThat(lse[1]).isEqualTo(Float.POSITIVE_INFINITY);
            assertThat(lse[2]).isCloseTo(1000f + (float) Math.log(2), within(1e-3f));
            float[] sm = new float[51];
            k.softmaxRows(3, 17, x, 0, 17, sm, 0, 17);
            assertThat(sm[0]).isNaN();
            assertThat(sm[34]).isEqualTo(0.5f);
            assertThat(sm[36]).isEqualTo(0f);
            assertThat(sm[35]).isEqualTo(0f);
            k.logSoftmaxRows(3, 17, x, 0, 17, sm, 0, 17);
            assertThat(sm[0]).isNaN();
            assertThat(sm[36]).isEqualTo(ninf);
            assertThat(sm[34]).isCloseTo(-(float) Math.log(2), within(1e-6f));
        }
    }
}
