package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Winograd F(2x2, 5x5): the scalar 1-D transforms against their matrices (G, Bᵀ, Aᵀ in double), the vector
 * kernels against the scalar twins bit for bit (every vector width, see simd/pom.xml), the whole pipeline with
 * {@link Winograd5x5#multiply} against a direct 5x5 convolution in double, and the facade's refusals.
 */
@Tag("parity")
class Winograd5x5Test {
    private static final double[][] G = {
        {1 / 4d, 0, 0, 0, 0},
        {-1 / 6d, -1 / 6d, -1 / 6d, -1 / 6d, -1 / 6d},
        {-1 / 6d, 1 / 6d, -1 / 6d, 1 / 6d, -1 / 6d},
        {1 / 24d, 1 / 12d, 1 / 6d, 1 / 3d, 2 / 3d},
        {1 / 24d, -1 / 12d, 1 / 6d, -1 / 3d, 2 / 3d},
        {0, 0, 0, 0, 1}};
    private static final double[][] BT = {
        {4, 0, -5, 0, 1, 0}, {0, -4, -4, 1, 1, 0}, {0, 4, -4, -1, 1, 0},
        {0, -2, -1, 2, 1, 0}, {0, 2, -1, -2, 1, 0}, {0, 4, 0, -5, 0, 1}};
    private static final double[][] AT = {{1, 1, 1, 1, 1, 0}, {0, 1, -1, 2, -2, 1}};
    /** F(5x5, 2x2)'s G' and A'ᵀ (same points; Bᵀ is shared). */
    private static final double[][] G2 = {{1 / 4d, 0}, {-1 / 6d, -1 / 6d}, {-1 / 6d, 1 / 6d}, {1 / 24d, 1 / 12d},
        {1 / 24d, -1 / 12d}, {0, 1}};
    private static final double[][] AT5 = {{1, 1, 1, 1, 1, 0}, {0, 1, -1, 2, -2, 0}, {0, 1, 1, 4, 4, 0},
        {0, 1, -1, 8, -8, 0}, {0, 1, 1, 16, 16, 1}};

    private final ScalarWinograd5x5 scalar = new ScalarWinograd5x5();
    private final VectorWinograd5x5 vector = new VectorWinograd5x5();

    private static void assertProduct(double[][] matrix, float[] in, float[] got, double tol) {
        for (int i = 0; i < matrix.length; i++) {
            double want = 0;
            for (int j = 0; j < in.length; j++) {
                want += matrix[i][j] * in[j];
            }
            assertThat((double) got[i]).as("row %d", i).isCloseTo(want, Offset.offset(tol));
        }
    }

    @Test
    void scalarTransformsMatchTheirMatrices() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            float[] g = TestArrays.floats(rnd, 5, -2f, 2f);
            float[] r = new float[6];
            ScalarWinograd5x5.expand(g, 0, 1, r, 0, 1);
            assertProduct(G, g, r, 1e-5);
            float[] d = TestArrays.floats(rnd, 6, -2f, 2f);
            ScalarWinograd5x5.data(d, 0, 1, r, 0, 1);
            assertProduct(BT, d, r, 1e-5);
            float[] s = TestArrays.floats(rnd, 6, -2f, 2f);
            float[] y = new float[2];
            ScalarWinograd5x5.result(s, 0, 1, y, 0, 1);
            assertProduct(AT, s, y, 1e-5);
            float[] a = TestArrays.floats(rnd, 2, -2f, 2f);
            ScalarWinograd5x5.spread(a, 0, 1, r, 0, 1);
            assertProduct(G2, a, r, 1e-5);
            float[] five = new float[5];
            ScalarWinograd5x5.collapse(s, 0, 1, five, 0, 1);
            assertProduct(AT5, s, five, 1e-4);
        }
    }

    @Test
    void vectorKernelsMatchScalarTwins() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int[] shape : new int[][] {{1, 16, 6, 6, 16}, {2, 32, 8, 10, 48}, {1, 48, 12, 6, 32}, {3, 16, 8, 8, 64}}) {
            int n = shape[0];
            int c = shape[1];
            int h = shape[2];
            int w = shape[3];
            int o = shape[4];
            int cols = DirectConv.paddedWidth(o);
            float[] wp = TestArrays.floats(rnd, cols * 25 * c, -1f, 1f);
            float[] uS = nans(36 * c * cols);
            float[] uV = nans(36 * c * cols);
            scalar.weights(wp, c, o, 0, c, uS);
            vector.weights(wp, c, o, 0, c, uV);
            assertThat(uV).as("weights %s", Arrays.toString(shape)).containsExactly(uS);
            assertThat(uS).as("every u written").doesNotContain(Float.NaN);

            float[] x = TestArrays.floats(rnd, n * h * w * c, -1f, 1f);
            int tiles = Winograd5x5.tiles(n, h, w);
            int t0 = tiles / 3;
            int t1 = tiles - tiles / 4;
            float[] vS = nans(36 * Winograd5x5.planeStride(tiles, c));
            float[] vV = nans(36 * Winograd5x5.planeStride(tiles, c));
            scalar.input(x, c, h, w, t0, t1, vS, tiles);
            vector.input(x, c, h, w, t0, t1, vV, tiles);
            assertThat(vV).as("input %s", Arrays.toString(shape)).containsExactly(vS);

            float[] m = TestArrays.floats(rnd, 36 * Winograd5x5.planeStride(tiles, cols), -1f, 1f);
            float[] yS = nans(n * (h - 4) * (w - 4) * cols);
            float[] yV = nans(n * (h - 4) * (w - 4) * cols);
            scalar.output(m, tiles, cols, h, w, t0, t1, yS);
            vector.output(m, tiles, cols, h, w, t0, t1, yV);
            assertThat(yV).as("output %s", Arrays.toString(shape)).containsExactly(yS);

            float[] gy = TestArrays.floats(rnd, n * (h - 4) * (w - 4) * cols, -1f, 1f);
            float[] gS = nans(36 * Winograd5x5.planeStride(tiles, cols));
            float[] gV = nans(36 * Winograd5x5.planeStride(tiles, cols));
            scalar.gradient(gy, cols, h, w, t0, t1, gS, tiles);
            vector.gradient(gy, cols, h, w, t0, t1, gV, tiles);
            assertThat(gV).as("gradient %s", Arrays.toString(shape)).containsExactly(gS);

            float[] sums = TestArrays.floats(rnd, 36 * c * cols, -1f, 1f);
            float[] dS = nans(25 * c * cols);
            float[] dV = nans(25 * c * cols);
            scalar.weightResult(sums, c, cols, 0, c, dS);
            vector.weightResult(sums, c, cols, 0, c, dV);
            assertThat(dV).as("weightResult %s", Arrays.toString(shape)).containsExactly(dS);
            assertThat(dS).as("every dw written").doesNotContain(Float.NaN);
        }
    }

    @Test
    void pipelineComputesA5x5Convolution() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 2;
        int c = 16;
        int h = 10;
        int w = 8;
        int o = 48;
        int cols = DirectConv.paddedWidth(o);
        float[] weights = TestArrays.floats(rnd, o * c * 25, -1f, 1f);
        float[] x = TestArrays.floats(rnd, n * h * w * c, -1f, 1f);
        float[] wp = new float[cols * 25 * c];
        DirectConv.packWeights(weights, 0, o, c, 5, 5, false, c, wp, 0);
        float[] u = new float[36 * c * cols];
        Winograd5x5.transformWeights(wp, c, o, 0, c, u);
        int tiles = Winograd5x5.tiles(n, h, w);
        float[] v = new float[36 * Winograd5x5.planeStride(tiles, c)];
        Winograd5x5.transformInput(x, n, c, h, w, 0, tiles, v, tiles);
        float[] m = new float[36 * Winograd5x5.planeStride(tiles, cols)];
        Winograd5x5.multiply(v, u, tiles, c, cols, m);
        float[] y = nans(n * (h - 4) * (w - 4) * cols);
        Winograd5x5.transformOutput(m, tiles, cols, n, h, w, 0, tiles, y);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < h - 4; r++) {
                for (int q = 0; q < w - 4; q++) {
                    for (int j = 0; j < o; j++) {
                        double want = 0;
                        for (int k = 0; k < c; k++) {
                            for (int a = 0; a < 5; a++) {
                                for (int b = 0; b < 5; b++) {
                                    want += (double) weights[((j * c + k) * 5 + a) * 5 + b]
                                            * x[((i * h + r + a) * w + q + b) * c + k];
                                }
                            }
                        }
                        float got = y[((i * (h - 4) + r) * (w - 4) + q) * cols + j];
                        assertThat((double) got).as("y[%d][%d][%d][%d]", i, r, q, j)
                                .isCloseTo(want, Offset.offset(2e-4));
                    }
                }
            }
        }
    }

    @Test
    void weightGradientPipelineComputesTheCorrelation() {
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 3;
        int c = 16;
        int h = 10;
        int w = 12;
        int o = 48;
        int cols = DirectConv.paddedWidth(o);
        int oh = h - 4;
        int ow = w - 4;
        float[] x = TestArrays.floats(rnd, n * h * w * c, -1f, 1f);
        float[] gy = new float[n * oh * ow * cols];
        for (int p = 0; p < n * oh * ow; p++) {
            for (int j = 0; j < o; j++) {
                gy[p * cols + j] = (float) (rnd.nextDouble() * 2 - 1);
            }
        }
        int tiles = Winograd5x5.tiles(n, h, w);
        float[] v = new float[36 * Winograd5x5.planeStride(tiles, c)];
        Winograd5x5.transformInput(x, n, c, h, w, 0, tiles, v, tiles);
        float[] g = new float[36 * Winograd5x5.planeStride(tiles, cols)];
        Winograd5x5.transformGradient(gy, n, cols, h, w, 0, tiles, g, tiles);
        float[] sums = new float[7 + 36 * c * cols];
        Winograd5x5.multiplyGradient(v, g, tiles, c, cols, sums, 7);
        float[] dw = nans(25 * c * cols);
        Winograd5x5.weightResult(Arrays.copyOfRange(sums, 7, sums.length), c, cols, 0, c, dw);
        for (int k = 0; k < c; k++) {
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    for (int j = 0; j < o; j++) {
                        double want = 0;
                        for (int i = 0; i < n; i++) {
                            for (int r = 0; r < oh; r++) {
                                for (int q = 0; q < ow; q++) {
                                    want += (double) x[((i * h + r + a) * w + q + b) * c + k]
                                            * gy[((i * oh + r) * ow + q) * cols + j];
                                }
                            }
                        }
                        float got = dw[((a * 5 + b) * c + k) * cols + j];
                        assertThat((double) got).as("dw[%d][%d][%d][%d]", k, a, b, j)
                                .isCloseTo(want, Offset.offset(2e-4));
                    }
                }
            }
        }
    }

    @Test
    void refusesWhatItCannotTransform() {
        float[] big = new float[1 << 18];
        assertThatThrownBy(() -> Winograd5x5.transformWeights(big, 8, 16, 0, 8, big))
                .hasMessageContaining("cin must be a positive multiple of 16, got 8");
        assertThatThrownBy(() -> Winograd5x5.transformWeights(big, 16, 16, 4, 20, big))
                .hasMessageContaining("channel range [4, 20)");
        assertThatThrownBy(() -> Winograd5x5.transformInput(big, 1, 16, 7, 8, 0, 1, big, 1))
                .hasMessageContaining("even and at least 6x6, got 7x8");
        assertThatThrownBy(() -> Winograd5x5.transformInput(big, 1, 16, 8, 8, 0, 5, big, 5))
                .hasMessageContaining("tile range [0, 5) is outside [0, 4)");
        assertThatThrownBy(() -> Winograd5x5.transformInput(big, 1, 16, 8, 8, 0, 4, big, 3))
                .hasMessageContaining("tile 4 is past the buffer's 3");
        assertThatThrownBy(() -> Winograd5x5.transformOutput(new float[10], 4, 16, 1, 8, 8, 0, 4, big))
                .hasMessageContaining("transformOutput: m is too short");
        assertThatThrownBy(() -> Winograd5x5.transformGradient(big, 1, 16, 8, 8, 0, 4, big, 3))
                .hasMessageContaining("tile 4 is past the buffer's 3");
        assertThatThrownBy(() -> Winograd5x5.multiplyGradient(big, big, 4, 16, 20, big, 0))
                .hasMessageContaining("cols must be a positive multiple of blockWidth()");
        assertThatThrownBy(() -> Winograd5x5.weightResult(big, 16, 32, 0, 17, big))
                .hasMessageContaining("channel range [0, 17)");
        assertThatThrownBy(() -> Winograd5x5.transformInput(new float[100], 1, 16, 8, 8, 0, 4, big, 4))
                .hasMessage("transformInput: x is too short: 1024 elements at offset=0 need 1024, but x.length=100");
    }

    private static float[] nans(int n) {
        float[] a = new float[n];
        Arrays.fill(a, Float.NaN);
        return a;
    }
}
