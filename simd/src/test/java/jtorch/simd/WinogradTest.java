package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Winograd F(2x2, 3x3): the scalar transforms against their matrix definitions (G g Gᵀ, Bᵀ d B, Aᵀ s A in
 * double), the vector kernels against the scalar twins bit for bit (every vector width, see simd/pom.xml), the
 * whole pipeline (with a plain triple loop for the 16 products) against a direct 3x3 convolution in double, and
 * the facade's refusals.
 */
@Tag("parity")
class WinogradTest {
    private static final double[][] G = {{1, 0, 0}, {.5, .5, .5}, {.5, -.5, .5}, {0, 0, 1}};
    private static final double[][] BT = {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}};
    private static final double[][] AT = {{1, 1, 1, 0}, {0, 1, -1, -1}};

    private final ScalarWinograd scalar = new ScalarWinograd();
    private final VectorWinograd vector = new VectorWinograd();

    /** L x M (row-major, m columns) times its transpose's shape: left · x · rightᵀ. */
    private static double[] sandwich(double[][] left, float[] x, int rows, int cols, double[][] right) {
        double[] r = new double[left.length * right.length];
        for (int i = 0; i < left.length; i++) {
            for (int j = 0; j < right.length; j++) {
                double s = 0;
                for (int p = 0; p < rows; p++) {
                    for (int q = 0; q < cols; q++) {
                        s += left[i][p] * x[p * cols + q] * right[j][q];
                    }
                }
                r[i * right.length + j] = s;
            }
        }
        return r;
    }

    private static void assertNear(float[] got, double[] want, double tol) {
        for (int i = 0; i < want.length; i++) {
            assertThat((double) got[i]).as("element %d", i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(tol));
        }
    }

    @Test
    void scalarTransformsMatchTheirMatrices() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            float[] g = TestArrays.floats(rnd, 9, -2f, 2f);
            float[] r = new float[16];
            Winograd.kernel(g, r);
            assertNear(r, sandwich(G, g, 3, 3, G), 1e-5);
            float[] d = TestArrays.floats(rnd, 16, -2f, 2f);
            Winograd.data(d, r);
            assertNear(r, sandwich(BT, d, 4, 4, BT), 1e-5);
            float[] s = TestArrays.floats(rnd, 16, -2f, 2f);
            float[] y = new float[4];
            Winograd.result(s, y);
            assertNear(y, sandwich(AT, s, 4, 4, AT), 1e-5);
        }
    }

    @Test
    void vectorKernelsMatchScalarTwins() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int[] shape : new int[][] {{1, 16, 4, 4, 16}, {2, 32, 6, 8, 48}, {1, 48, 10, 6, 32}, {3, 16, 8, 8, 64}}) {
            int n = shape[0];
            int c = shape[1];
            int h = shape[2];
            int w = shape[3];
            int o = shape[4];
            float[] wp = TestArrays.floats(rnd, DirectConv.paddedWidth(o) * 9 * c, -1f, 1f);
            float[] uS = nans(16 * c * o);
            float[] uV = nans(16 * c * o);
            scalar.weights(wp, c, o, 0, c, uS);
            vector.weights(wp, c, o, 0, c, uV);
            assertThat(uV).as("weights %s", Arrays.toString(shape)).containsExactly(uS);
            assertThat(uS).as("every u written").doesNotContain(Float.NaN);

            float[] x = TestArrays.floats(rnd, n * h * w * c, -1f, 1f);
            int tiles = Winograd.tiles(n, h, w);
            // A middle range into a buffer laid out for all tiles, and a range into its own buffer.
            int t0 = tiles / 3;
            int t1 = tiles - tiles / 4;
            float[] vS = nans(16 * tiles * c);
            float[] vV = nans(16 * tiles * c);
            scalar.input(x, c, h, w, t0, t1, vS, 0, tiles);
            vector.input(x, c, h, w, t0, t1, vV, 0, tiles);
            assertThat(vV).as("input %s", Arrays.toString(shape)).containsExactly(vS);
            float[] own = nans(16 * (t1 - t0) * c);
            vector.input(x, c, h, w, t0, t1, own, t0, t1 - t0);
            for (int xi = 0; xi < 16; xi++) {
                assertThat(Arrays.copyOfRange(own, xi * (t1 - t0) * c, (xi + 1) * (t1 - t0) * c))
                        .containsExactly(Arrays.copyOfRange(vS, (xi * tiles + t0) * c, (xi * tiles + t1) * c));
            }

            float[] m = TestArrays.floats(rnd, 16 * tiles * o, -1f, 1f);
            float[] yS = nans(n * (h - 2) * (w - 2) * o);
            float[] yV = nans(n * (h - 2) * (w - 2) * o);
            scalar.output(m, 0, tiles, o, h, w, t0, t1, yS);
            vector.output(m, 0, tiles, o, h, w, t0, t1, yV);
            assertThat(yV).as("output %s", Arrays.toString(shape)).containsExactly(yS);
        }
    }

    @Test
    void pipelineComputesA3x3Convolution() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 2;
        int c = 16;
        int h = 8;
        int w = 10;
        int o = 32;
        float[] weights = TestArrays.floats(rnd, o * c * 9, -1f, 1f);
        float[] x = TestArrays.floats(rnd, n * h * w * c, -1f, 1f);
        float[] wp = new float[DirectConv.paddedWidth(o) * 9 * c];
        DirectConv.packWeights(weights, 0, o, c, 3, 3, false, c, wp, 0);
        float[] u = new float[16 * c * o];
        Winograd.transformWeights(wp, c, o, 0, c, u);
        int tiles = Winograd.tiles(n, h, w);
        float[] v = new float[16 * tiles * c];
        Winograd.transformInput(x, n, c, h, w, 0, tiles, v);
        float[] m = new float[16 * tiles * o];
        for (int xi = 0; xi < 16; xi++) {
            for (int t = 0; t < tiles; t++) {
                for (int j = 0; j < o; j++) {
                    float s = 0;
                    for (int k = 0; k < c; k++) {
                        s += v[(xi * tiles + t) * c + k] * u[(xi * c + k) * o + j];
                    }
                    m[(xi * tiles + t) * o + j] = s;
                }
            }
        }
        float[] y = nans(n * (h - 2) * (w - 2) * o);
        Winograd.transformOutput(m, 0, tiles, n, o, h, w, 0, tiles, y);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < h - 2; r++) {
                for (int q = 0; q < w - 2; q++) {
                    for (int j = 0; j < o; j++) {
                        double want = 0;
                        for (int k = 0; k < c; k++) {
                            for (int a = 0; a < 3; a++) {
                                for (int b = 0; b < 3; b++) {
                                    want += (double) weights[((j * c + k) * 3 + a) * 3 + b]
                                            * x[((i * h + r + a) * w + q + b) * c + k];
                                }
                            }
                        }
                        float got = y[((i * (h - 2) + r) * (w - 2) + q) * o + j];
                        assertThat((double) got).as("y[%d][%d][%d][%d]", i, r, q, j)
                                .isCloseTo(want, org.assertj.core.data.Offset.offset(1e-4));
                    }
                }
            }
        }
    }

    @Test
    void refusesWhatItCannotTransform() {
        float[] big = new float[1 << 16];
        assertThatThrownBy(() -> Winograd.transformWeights(big, 8, 16, 0, 8, big))
                .hasMessageContaining("cin must be a positive multiple of 16, got 8");
        assertThatThrownBy(() -> Winograd.transformWeights(big, 16, 16, 4, 20, big))
                .hasMessageContaining("channel range [4, 20)");
        assertThatThrownBy(() -> Winograd.transformInput(big, 1, 16, 5, 6, 0, 1, big))
                .hasMessageContaining("even and at least 4x4, got 5x6");
        assertThatThrownBy(() -> Winograd.transformInput(big, 1, 16, 6, 6, 0, 5, big))
                .hasMessageContaining("tile range [0, 5) is outside [0, 4)");
        assertThatThrownBy(() -> Winograd.transformInput(big, 1, 16, 6, 6, 0, 4, big, 1, 3))
                .hasMessageContaining("tiles [0, 4) are not within the buffer's [1, 4)");
        assertThatThrownBy(() -> Winograd.transformOutput(new float[10], 0, 4, 1, 16, 6, 6, 0, 4, big))
                .hasMessage("transformOutput: m is too short: 1024 elements at offset=0 need 1024, but m.length=10");
        assertThatThrownBy(() -> Winograd.transformInput(new float[100], 1, 16, 6, 6, 0, 4, big))
                .hasMessage("transformInput: x is too short: 576 elements at offset=0 need 576, but x.length=100");
    }

    private static float[] nans(int n) {
        float[] a = new float[n];
        Arrays.fill(a, Float.NaN);
        return a;
    }
}
