package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScalarMathTest {
    @Test
    void erfMatchesTabulatedValues() {
        double[][] table = {
            {0.0, 0.0}, {1e-10, 1.1283791670955126e-10}, {0.1, 0.1124629160182849}, {0.5, 0.5204998778130465},
            {1.0, 0.8427007929497149}, {1.5, 0.9661051464753108}, {2.0, 0.9953222650189527},
            {2.9, 0.9999589021219005}, {3.0, 0.9999779095030014}, {3.5, 0.9999992569016276},
            {4.0, 0.9999999845827421}, {5.0, 0.9999999999984626}, {6.5, 1.0}
        };
        for (double[] row : table) {
            assertThat(ScalarMath.erf(row[0])).as("erf(%s)", row[0]).isCloseTo(row[1], within(2e-16 + 2e-15 * row[1]));
            assertThat(ScalarMath.erf(-row[0])).isCloseTo(-row[1], within(2e-16 + 2e-15 * row[1]));
        }
        assertThat(ScalarMath.erf(Double.NaN)).isNaN();
        assertThat(ScalarMath.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(ScalarMath.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
    }

    @Test
    void opsFollowPyTorch() {
        assertThat(ScalarMath.apply(UnaryOp.RELU, Float.NaN)).isNaN();
        assertThat(ScalarMath.apply(UnaryOp.ROUND, 2.5f)).isEqualTo(2f);
        assertThat(ScalarMath.apply(UnaryOp.ROUND, -0.5f)).isEqualTo(-0f);
        assertThat(ScalarMath.apply(UnaryOp.SIGMOID, -1000f)).isEqualTo(0f);
        assertThat(ScalarMath.apply(UnaryOp.SIGMOID, 1000f)).isEqualTo(1f);
        assertThat(ScalarMath.apply(UnaryOp.GELU_TANH, 1f)).isCloseTo(0.8411920f, within(1e-6f));
        assertThat(ScalarMath.apply(UnaryOp.GELU, 1f)).isCloseTo(0.8413447f, within(1e-6f));
        assertThat(ScalarMath.apply(BinaryOp.MAX, 1f, Float.NaN)).isNaN();
        assertThat(ScalarMath.apply(BinaryOp.MIN, Float.NaN, 1f)).isNaN();
        assertThat(ScalarMath.apply(BinaryOp.RSUB, 1f, 5f)).isEqualTo(4f);
        assertThat(ScalarMath.apply(BinaryOp.RDIV, 2f, 5f)).isEqualTo(2.5f);
        assertThat(ScalarMath.apply(CompareOp.NE, Float.NaN, Float.NaN)).isTrue();
        assertThat(ScalarMath.apply(CompareOp.EQ, Float.NaN, Float.NaN)).isFalse();
    }
}
