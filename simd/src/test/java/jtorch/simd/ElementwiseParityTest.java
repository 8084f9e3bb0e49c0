package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link VectorElementwise} against {@link ScalarElementwise} on awkward sizes with a different odd offset per
 * operand, at the width chosen by {@code -Djtorch.simd.vectorBits} (the build runs this at 128, 256 and 512).
 */
@Tag("parity")
class ElementwiseParityTest {
    private static final ElementwiseKernels SCALAR = new ScalarElementwise();
    private static final ElementwiseKernels VECTOR = new VectorElementwise();
    private static final int XO = 3;
    private static final int BO = 5;
    private static final int CO = 1;
    private static final int YO = 7;

    /** Ulp tolerance of the vector float op against the scalar one (see VectorMath; RSQRT rounds twice). */
    private static long ulpBound(UnaryOp op) {
        return switch (op) {
            case EXP, LOG, TANH -> 2;
            case SIGMOID -> 4;
            case RSQRT -> 1;
            default -> 0;
        };
    }

    /** Inputs in [-8, 8] (positive for LOG/SQRT/RSQRT now and then negative), with NaN, ±inf and ±0 sprinkled in. */
    private static float[] input(UnaryOp op, SplittableRandom rnd, int len) {
        float[] x = TestArrays.floats(rnd, len, -8f, 8f);
        for (int i = 0; i < len; i += 7) {
            x[i] = switch ((i / 7) % 5) {
                case 0 -> Float.NaN;
                case 1 -> Float.POSITIVE_INFINITY;
                case 2 -> Float.NEGATIVE_INFINITY;
                case 3 -> -0f;
                default -> 0f;
            };
        }
        return x;
    }

    private static void assertUlps(float[] expected, float[] actual, long bound, String what) {
        for (int i = 0; i < expected.length; i++) {
            int k = i;
            assertThat(TestArrays.ulps(expected[i], actual[i]))
                    .as(() -> what + " at " + k + ": scalar " + expected[k] + " vector " + actual[k])
                    .isLessThanOrEqualTo(bound);
        }
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryFloat(UnaryOp op) {
        for (int n : TestArrays.SIZES) {
            float[] x = input(op, new SplittableRandom(n), n + XO);
            float[] ys = new float[n + YO];
            float[] yv = new float[n + YO];
            SCALAR.unary(op, n, x, XO, ys, YO);
            VECTOR.unary(op, n, x, XO, yv, YO);
            assertUlps(ys, yv, ulpBound(op), op + " n=" + n);
            float[] inPlace = x.clone();
            VECTOR.unary(op, n, inPlace, XO, inPlace, XO);
            assertThat(Arrays.copyOfRange(inPlace, XO, XO + n)).containsExactly(Arrays.copyOfRange(yv, YO, YO + n));
        }
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryDouble(UnaryOp op) {
        for (int n : TestArrays.SIZES) {
            double[] x = TestArrays.doubles(new SplittableRandom(n), n + XO, -8, 8);
            x[XO] = Double.NaN;
            double[] ys = new double[n + YO];
            double[] yv = new double[n + YO];
            SCALAR.unary(op, n, x, XO, ys, YO);
            VECTOR.unary(op, n, x, XO, yv, YO);
            assertThat(yv).as("%s n=%d", op, n).containsExactly(ys);
        }
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryAndScalarForms(BinaryOp op) {
        for (int n : TestArrays.SIZES) {
            SplittableRandom rnd = new SplittableRandom(n);
            float[] a = input(UnaryOp.NEG, rnd, n + XO);
            float[] b = TestArrays.floats(rnd, n + BO, -3f, 3f);
            b[BO] = Float.NaN;
            float[] ys = new float[n + YO];
            float[] yv = new float[n + YO];
            SCALAR.binary(op, n, a, XO, b, BO, ys, YO);
            VECTOR.binary(op, n, a, XO, b, BO, yv, YO);
            assertThat(yv).as("%s n=%d", op, n).containsExactly(ys);
            for (float s : new float[] {2f, -0.5f, 0f, Float.NaN}) {
                SCALAR.binaryScalar(op, n, a, XO, s, ys, YO);
                VECTOR.binaryScalar(op, n, a, XO, s, yv, YO);
                assertThat(yv).as("%s scalar %s n=%d", op, s, n).containsExactly(ys);
            }
            float[] inPlace = a.clone();
            VECTOR.binary(op, n, inPlace, XO, b, BO, inPlace, XO);
            SCALAR.binary(op, n, a, XO, b, BO, ys, YO);
            assertThat(Arrays.copyOfRange(inPlace, XO, XO + n)).containsExactly(Arrays.copyOfRange(ys, YO, YO + n));

            double[] da = TestArrays.doubles(rnd, n + XO, -4, 4);
            double[] db = TestArrays.doubles(rnd, n + BO, -3, 3);
            double[] dys = new double[n + YO];
            double[] dyv = new double[n + YO];
            SCALAR.binary(op, n, da, XO, db, BO, dys, YO);
            VECTOR.binary(op, n, da, XO, db, BO, dyv, YO);
            assertThat(dyv).containsExactly(dys);
            SCALAR.binaryScalar(op, n, da, XO, 2.0, dys, YO);
            VECTOR.binaryScalar(op, n, da, XO, 2.0, dyv, YO);
            assertThat(dyv).containsExactly(dys);
        }
    }

    @Test
    void fusedForms() {
        for (int n : TestArrays.SIZES) {
            SplittableRandom rnd = new SplittableRandom(n);
            float[] a = TestArrays.floats(rnd, n + XO, -2f, 2f);
            float[] b = TestArrays.floats(rnd, n + BO, -2f, 2f);
            float[] c = TestArrays.floats(rnd, n + CO, -2f, 2f);
            float[] y0 = TestArrays.floats(rnd, n + YO, -2f, 2f);
            float[] ys = y0.clone();
            float[] yv = y0.clone();
            SCALAR.axpy(n, 0.3f, a, XO, ys, YO);
            VECTOR.axpy(n, 0.3f, a, XO, yv, YO);
            assertThat(yv).containsExactly(ys);
            SCALAR.axpby(n, 0.3f, a, XO, -1.7f, ys, YO);
            VECTOR.axpby(n, 0.3f, a, XO, -1.7f, yv, YO);
            assertThat(yv).containsExactly(ys);
            SCALAR.fma(n, a, XO, b, BO, c, CO, ys, YO);
            VECTOR.fma(n, a, XO, b, BO, c, CO, yv, YO);
            assertThat(yv).containsExactly(ys);
            SCALAR.scaleShift(n, a, XO, 1.25f, -0.5f, ys, YO);
            VECTOR.scaleShift(n, a, XO, 1.25f, -0.5f, yv, YO);
            assertThat(yv).containsExactly(ys);
            SCALAR.fill(n, 4.5f, ys, YO);
            VECTOR.fill(n, 4.5f, yv, YO);
            assertThat(yv).containsExactly(ys);
            // fma in place on its addend: y = a*b + y
            float[] inPlace = c.clone();
            VECTOR.fma(n, a, XO, b, BO, inPlace, CO, inPlace, CO);
            SCALAR.fma(n, a, XO, b, BO, c, CO, ys, YO);
            assertThat(Arrays.copyOfRange(inPlace, CO, CO + n)).containsExactly(Arrays.copyOfRange(ys, YO, YO + n));

            double[] da = TestArrays.doubles(rnd, n + XO, -2, 2);
            double[] db = TestArrays.doubles(rnd, n + BO, -2, 2);
            double[] dc = TestArrays.doubles(rnd, n + CO, -2, 2);
            double[] dys = TestArrays.doubles(rnd, n + YO, -2, 2);
            double[] dyv = dys.clone();
            SCALAR.axpy(n, 0.3, da, XO, dys, YO);
            VECTOR.axpy(n, 0.3, da, XO, dyv, YO);
            SCALAR.axpby(n, 0.3, da, XO, -1.7, dys, YO);
            VECTOR.axpby(n, 0.3, da, XO, -1.7, dyv, YO);
            SCALAR.fma(n, da, XO, db, BO, dc, CO, dys, YO);
            VECTOR.fma(n, da, XO, db, BO, dc, CO, dyv, YO);
            SCALAR.scaleShift(n, dyv, YO, 1.5, 0.25, dys, YO);
            VECTOR.scaleShift(n, dyv.clone(), YO, 1.5, 0.25, dyv, YO);
            assertThat(dyv).containsExactly(dys);
        }
    }

    @ParameterizedTest
    @EnumSource(CompareOp.class)
    void compareForms(CompareOp op) {
        for (int n : TestArrays.SIZES) {
            SplittableRandom rnd = new SplittableRandom(n);
            float[] a = input(UnaryOp.NEG, rnd, n + XO);
            float[] b = TestArrays.floats(rnd, n + BO, -8f, 8f);
            for (int i = 0; i < n; i += 3) {
                b[BO + i] = a[XO + i];   // ties
            }
            boolean[] ys = new boolean[n + YO];
            boolean[] yv = new boolean[n + YO];
            SCALAR.compare(op, n, a, XO, b, BO, ys, YO);
            VECTOR.compare(op, n, a, XO, b, BO, yv, YO);
            assertThat(yv).as("%s n=%d", op, n).containsExactly(ys);
            SCALAR.compareScalar(op, n, a, XO, 0f, ys, YO);
            VECTOR.compareScalar(op, n, a, XO, 0f, yv, YO);
            assertThat(yv).containsExactly(ys);
            double[] da = TestArrays.doubles(rnd, n + XO, -1, 1);
            double[] db = TestArrays.doubles(rnd, n + BO, -1, 1);
            SCALAR.compare(op, n, da, XO, db, BO, ys, YO);
            VECTOR.compare(op, n, da, XO, db, BO, yv, YO);
            assertThat(yv).containsExactly(ys);
        }
    }

    @Test
    void whereAndReluBackward() {
        for (int n : TestArrays.SIZES) {
            SplittableRandom rnd = new SplittableRandom(n);
            boolean[] cond = TestArrays.booleans(rnd, n + CO);
            float[] a = TestArrays.floats(rnd, n + XO, -2f, 2f);
            float[] b = TestArrays.floats(rnd, n + BO, -2f, 2f);
            float[] ys = new float[n + YO];
            float[] yv = new float[n + YO];
            SCALAR.where(n, cond, CO, a, XO, b, BO, ys, YO);
            VECTOR.where(n, cond, CO, a, XO, b, BO, yv, YO);
            assertThat(yv).containsExactly(ys);
            float[] out = input(UnaryOp.RELU, rnd, n + BO);
            SCALAR.reluBackward(n, a, XO, out, BO, ys, YO);
            VECTOR.reluBackward(n, a, XO, out, BO, yv, YO);
            assertThat(yv).containsExactly(ys);
            for (int i = 0; i < n; i++) {
                float y = out[BO + i];
                float expect = y > 0 || y != y ? a[XO + i] : 0f;
                assertThat(yv[YO + i]).isEqualTo(expect);
            }
            double[] da = TestArrays.doubles(rnd, n + XO, -2, 2);
            double[] db = TestArrays.doubles(rnd, n + BO, -2, 2);
            double[] dys = new double[n + YO];
            double[] dyv = new double[n + YO];
            SCALAR.where(n, cond, CO, da, XO, db, BO, dys, YO);
            VECTOR.where(n, cond, CO, da, XO, db, BO, dyv, YO);
            SCALAR.reluBackward(n, da, XO, db, BO, dys, YO);
            VECTOR.reluBackward(n, da, XO, db, BO, dyv, YO);
            assertThat(dyv).containsExactly(dys);
        }
    }
}
