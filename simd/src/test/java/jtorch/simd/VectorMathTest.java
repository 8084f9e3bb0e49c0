package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tests the ulp bounds stated in {@link VectorMath}'s javadoc, over the whole float range and the edges. */
@Tag("parity")
class VectorMathTest {
    private static final float[] EDGES = {
        0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, -Float.MIN_NORMAL, 1e-40f, -1e-40f, 1e-30f, -1e-30f, 1e-8f, -1e-8f, 0.5f, -0.5f, 0.625f,
        -0.625f, 1f, -1f, 2f, 10f, -10f, 20f, -20f, 44f, -44f, 87.3f, -87.3f, 88f, -88f, 88.72f, -88.72f, 88.73f,
        -88.73f, 89f, -89f, 100f, -100f, 103.9f, -103.9f, 104f, -104f, 200f, -200f, Float.MAX_VALUE,
        -Float.MAX_VALUE
    };

    enum Fn {
        EXP(UnaryOp.EXP, 2), LOG(UnaryOp.LOG, 2), TANH(UnaryOp.TANH, 2), SIGMOID(UnaryOp.SIGMOID, 4);

        final UnaryOp op;
        final long bound;

        Fn(UnaryOp op, long bound) {
            this.op = op;
            this.bound = bound;
        }
    }

    private static float[] vector(Fn fn, float[] x) {
        int l = VectorSpeciesHolder.F.length();
        float[] in = java.util.Arrays.copyOf(x, (x.length + l - 1) / l * l);
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i += l) {
            FloatVector v = FloatVector.fromArray(VectorSpeciesHolder.F, in, i);
            FloatVector r = switch (fn) {
                case EXP -> VectorMath.exp(v);
                case LOG -> VectorMath.log(v);
                case TANH -> VectorMath.tanh(v);
                case SIGMOID -> VectorMath.sigmoid(v);
            };
            r.intoArray(out, i);
        }
        return out;
    }

    private static void check(Fn fn, float[] x) {
        float[] y = vector(fn, x);
        for (int i = 0; i < x.length; i++) {
            float ref = ScalarMath.apply(fn.op, x[i]);
            long d = TestArrays.ulps(y[i], ref);
            int k = i;
            assertThat(d).as(() -> fn + "(" + x[k] + ") = " + y[k] + ", reference " + ref).isLessThanOrEqualTo(fn.bound);
        }
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void edgeCases(Fn fn) {
        check(fn, EDGES);
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void randomBitPatternsCoverTheWholeRange(Fn fn) {
        SplittableRandom rnd = new SplittableRandom(fn.ordinal());
        float[] x = new float[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Float.intBitsToFloat(rnd.nextInt());
        }
        check(fn, x);
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void denseOverTheInterestingRange(Fn fn) {
        SplittableRandom rnd = new SplittableRandom(100 + fn.ordinal());
        float lo = fn == Fn.LOG ? 0f : -105f;
        float hi = fn == Fn.LOG ? 4f : 90f;
        check(fn, TestArrays.floats(rnd, 200_000, lo, hi));
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void specialValuesAreExact(Fn fn) {
        float[] x = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, -1f};
        float[] y = vector(fn, x);
        switch (fn) {
            case EXP -> assertThat(new float[] {y[0], y[1], y[2], y[3], y[4]})
                    .containsExactly(Float.NaN, Float.POSITIVE_INFINITY, 0f, 1f, 1f);
            case LOG -> assertThat(new float[] {y[0], y[1], y[3], y[4], y[5]}).containsExactly(
                    Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN);
            case TANH -> assertThat(new float[] {y[0], y[1], y[2], y[3]}).containsExactly(Float.NaN, 1f, -1f, 0f);
            case SIGMOID -> assertThat(new float[] {y[0], y[1], y[2], y[3]}).containsExactly(Float.NaN, 1f, 0f, 0.5f);
        }
        if (fn == Fn.TANH) {
            assertThat(Float.floatToRawIntBits(y[4])).isEqualTo(Float.floatToRawIntBits(-0f));
        }
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void sigmoidNeverNaNForLargeMagnitudes(Fn fn) {
        if (fn != Fn.SIGMOID) {
            return;
        }
        float[] x = {1e4f, -1e4f, 1e30f, -1e30f, Float.MAX_VALUE, -Float.MAX_VALUE, 89f, -89f, -150f};
        for (float v : vector(fn, x)) {
            assertThat(v).isNotNaN().isBetween(0f, 1f);
        }
    }
}
