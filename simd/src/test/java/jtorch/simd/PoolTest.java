package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pooling: scalar twin against brute force and hand-computed PyTorch values; vector against scalar exactly. */
@Tag("parity")
class PoolTest {
    private static final PoolKernels SCALAR = new ScalarPool();
    private static final PoolKernels VECTOR = new VectorPool();

    /** {H, W, kH, kW, sH, sW, pH, pW, dH, dW}; the first ones hit the 2x2 fast path (odd W leaves a tail). */
    private static final int[][] CASES = {
        {32, 32, 2, 2, 2, 2, 0, 0, 1, 1}, {8, 64, 2, 2, 2, 2, 0, 0, 1, 1}, {5, 37, 2, 2, 2, 2, 0, 0, 1, 1},
        {3, 3, 2, 2, 2, 2, 0, 0, 1, 1}, {9, 11, 3, 3, 2, 2, 1, 1, 1, 1}, {9, 11, 3, 2, 1, 2, 1, 1, 2, 1},
        {7, 7, 3, 3, 3, 3, 1, 1, 1, 1},
        // Fashion-MNIST's poolings: whole rows narrower than a vector run masked.
        {28, 28, 2, 2, 2, 2, 0, 0, 1, 1}, {14, 14, 2, 2, 2, 2, 0, 0, 1, 1}, {7, 7, 2, 2, 2, 2, 0, 0, 1, 1},
        // Planes in whole 16-output blocks (MaxPool2x2Blocks): outW = 8, 4, 8, 16, 2, 1; then 8x4 (8 outputs) and a
        // 3x3-stride-2 pooling of the same output shape, which must not take that path.
        {16, 16, 2, 2, 2, 2, 0, 0, 1, 1}, {8, 8, 2, 2, 2, 2, 0, 0, 1, 1}, {4, 16, 2, 2, 2, 2, 0, 0, 1, 1},
        {2, 32, 2, 2, 2, 2, 0, 0, 1, 1}, {16, 4, 2, 2, 2, 2, 0, 0, 1, 1}, {32, 2, 2, 2, 2, 2, 0, 0, 1, 1},
        {8, 4, 2, 2, 2, 2, 0, 0, 1, 1}, {8, 8, 3, 3, 2, 2, 1, 1, 1, 1}
    };

    private static int out(int in, int k, int s, int p, int d) {
        return Conv.outputSize(in, k, p, s, d);
    }

    /** Brute force over every window position (padding included): greater-or-NaN wins, in row-major order. */
    private static void bruteMax(float[] x, int xo, int[] c, float[] y, int[] idx, int oh, int ow, int outW) {
        float best = Float.NEGATIVE_INFINITY;
        int at = -1;
        for (int kh = 0; kh < c[2]; kh++) {
            for (int kw = 0; kw < c[3]; kw++) {
                int ih = oh * c[4] - c[6] + kh * c[8];
                int iw = ow * c[5] - c[7] + kw * c[9];
                if (ih < 0 || ih >= c[0] || iw < 0 || iw >= c[1]) {
                    continue;
                }
                float v = x[xo + ih * c[1] + iw];
                if (at < 0) {
                    at = ih * c[1] + iw;   // first in-image element, kept when nothing beats -inf
                }
                if (v > best || Float.isNaN(v)) {
                    best = v;
                    at = ih * c[1] + iw;
                }
            }
        }
        y[oh * outW + ow] = best;
        idx[oh * outW + ow] = at;
    }

    private static float[] withSpecials(SplittableRandom rnd, int n) {
        float[] x = TestArrays.floats(rnd, n, -4f, 4f);
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(40);
            if (r == 0) {
                x[i] = Float.NaN;
            } else if (r < 3) {
                x[i] = Float.NEGATIVE_INFINITY;
            } else if (r < 6) {
                x[i] = 1f;   // ties
            }
        }
        return x;
    }

    @Test
    void maxPoolMatchesBruteForceAndVectorMatchesScalar() {
        for (int[] c : CASES) {
            int planes = 3;
            int outH = out(c[0], c[2], c[4], c[6], c[8]);
            int outW = out(c[1], c[3], c[5], c[7], c[9]);
            int plane = c[0] * c[1];
            int oplane = outH * outW;
            float[] x = withSpecials(new SplittableRandom(plane), 1 + planes * plane);
            float[] ys = new float[2 + planes * oplane];
            float[] yv = new float[2 + planes * oplane];
            int[] as = new int[3 + planes * oplane];
            int[] av = new int[3 + planes * oplane];
            SCALAR.maxPool2dForward(planes, x, 1, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], outH,
                    outW, ys, 2, as, 3);
            VECTOR.maxPool2dForward(planes, x, 1, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], outH,
                    outW, yv, 2, av, 3);
            assertThat(yv).containsExactly(ys);
            assertThat(av).containsExactly(as);
            for (int p = 0; p < planes; p++) {
                float[] yb = new float[oplane];
                int[] ib = new int[oplane];
                for (int oh = 0; oh < outH; oh++) {
                    for (int ow = 0; ow < outW; ow++) {
                        bruteMax(x, 1 + p * plane, c, yb, ib, oh, ow, outW);
                    }
                }
                for (int i = 0; i < oplane; i++) {
                    assertThat(Float.valueOf(ys[2 + p * oplane + i])).isEqualTo(Float.valueOf(yb[i]));
                    assertThat(as[3 + p * oplane + i]).isEqualTo(ib[i]);
                }
            }
            float[] gy = TestArrays.floats(new SplittableRandom(1), 2 + planes * oplane, -1f, 1f);
            float[] gs = new float[4 + planes * plane];
            float[] gv = new float[4 + planes * plane];
            SCALAR.maxPool2dBackward(planes, gy, 2, as, 3, outH, outW, gs, 4, c[0], c[1]);
            VECTOR.maxPool2dBackward(planes, gy, 2, av, 3, outH, outW, gv, 4, c[0], c[1]);
            assertThat(gv).containsExactly(gs);
            boolean tiled = c[2] == 2 && c[3] == 2 && c[4] == 2 && c[5] == 2 && c[6] == 0 && c[7] == 0 && c[8] == 1
                    && c[9] == 1 && c[0] == 2 * outH && c[1] == 2 * outW;
            if (tiled) {
                // The 2x2 backward into a zeroed gx equals the scatter.
                for (PoolKernels k : new PoolKernels[] {SCALAR, VECTOR}) {
                    float[] gw = new float[4 + planes * plane];
                    k.maxPool2x2Backward(planes, gy, 2, as, 3, outH, outW, gw, 4);
                    assertThat(gw).as("%s %dx%d", k.getClass().getSimpleName(), c[0], c[1]).containsExactly(gs);
                }
                if (MaxPool2x2Blocks.supports(c[0], c[1], outH, outW)) {
                    // The block kernel writes every element itself: NaN poison, outside the planes too, is replaced
                    // inside them only.
                    float[] gw = new float[4 + planes * plane + 3];
                    java.util.Arrays.fill(gw, Float.NaN);
                    MaxPool2x2Blocks.backward(planes, gy, 2, as, 3, outH, outW, gw, 4);
                    assertThat(java.util.Arrays.copyOfRange(gw, 4, 4 + planes * plane))
                            .containsExactly(java.util.Arrays.copyOfRange(gs, 4, 4 + planes * plane));
                    assertThat(gw[3]).isNaN();
                    assertThat(gw[4 + planes * plane]).isNaN();
                }
            }
            double total = 0;
            for (float g : gs) {
                total += g;
            }
            double expect = 0;
            for (int i = 0; i < planes * oplane; i++) {
                expect += gy[2 + i];
            }
            assertThat(total).isCloseTo(expect, within(1e-4));
        }
    }

    @Test
    void theCifarPoolingsTakeTheBlockKernels() {
        // So the tiled cases above compare MaxPool2x2Blocks, not the scalar fallback, with the scalar twin, on
        // 16-lane vectors (the 128-bit run, 4 lanes, takes the row kernel and the scalar backward).
        boolean wide = VectorSpeciesHolder.F.length() == 16;
        assertThat(MaxPool2x2Blocks.supports(32, 32, 16, 16)).isEqualTo(wide);
        assertThat(MaxPool2x2Blocks.supports(16, 16, 8, 8)).isEqualTo(wide);
        assertThat(MaxPool2x2Blocks.supports(8, 8, 4, 4)).isEqualTo(wide);
    }

    @Test
    void doubleMaxPoolMatchesFloatIndices() {
        int[] c = {9, 11, 3, 3, 2, 2, 1, 1, 1, 1};
        int outH = out(c[0], c[2], c[4], c[6], c[8]);
        int outW = out(c[1], c[3], c[5], c[7], c[9]);
        float[] x = TestArrays.floats(new SplittableRandom(5), 2 * 99, -1f, 1f);
        double[] dx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dx[i] = x[i];
        }
        float[] y = new float[2 * outH * outW];
        double[] dy = new double[2 * outH * outW];
        int[] a = new int[y.length];
        int[] da = new int[y.length];
        VECTOR.maxPool2dForward(2, x, 0, 9, 11, 3, 3, 2, 2, 1, 1, 1, 1, outH, outW, y, 0, a, 0);
        VECTOR.maxPool2dForward(2, dx, 0, 9, 11, 3, 3, 2, 2, 1, 1, 1, 1, outH, outW, dy, 0, da, 0);
        assertThat(da).containsExactly(a);
        for (int i = 0; i < y.length; i++) {
            assertThat(dy[i]).isEqualTo(y[i]);
        }
    }

    /** 4x4 input 1..16, kernel 3, stride 2, pad 1, ceil_mode output 3x3: values from avg_pool2d's formula. */
    @Test
    void avgPoolCeilModeAndPaddingFollowPyTorch() {
        float[] x = new float[16];
        for (int i = 0; i < 16; i++) {
            x[i] = i + 1;
        }
        for (PoolKernels k : new PoolKernels[] {SCALAR, VECTOR}) {
            float[] inc = new float[9];
            float[] exc = new float[9];
            k.avgPool2dForward(1, x, 0, 4, 4, 3, 3, 2, 2, 1, 1, 3, 3, true, inc, 0);
            k.avgPool2dForward(1, x, 0, 4, 4, 3, 3, 2, 2, 1, 1, 3, 3, false, exc, 0);
            // (0,0): window rows/cols [-1,2) -> pool size 9, in-image {1,2,5,6}
            assertThat(inc[0]).isCloseTo(14f / 9, within(1e-6f));
            assertThat(exc[0]).isCloseTo(3.5f, within(1e-6f));
            // (0,1): cols [1,4) -> pool 9, in-image {2,3,4,6,7,8}
            assertThat(inc[1]).isCloseTo(30f / 9, within(1e-6f));
            assertThat(exc[1]).isCloseTo(5f, within(1e-6f));
            // (1,2): rows [1,4), cols [3,5) clipped at W+pad=5 -> pool 6, in-image {8,12,16}
            assertThat(inc[5]).isCloseTo(6f, within(1e-6f));
            assertThat(exc[5]).isCloseTo(12f, within(1e-6f));
            // (2,2): rows/cols [3,5) -> pool 4, in-image {16}
            assertThat(inc[8]).isCloseTo(4f, within(1e-6f));
            assertThat(exc[8]).isCloseTo(16f, within(1e-6f));
            float[] g = new float[16];
            float[] gy = new float[9];
            gy[8] = 1f;
            k.avgPool2dBackward(1, gy, 0, 4, 4, 3, 3, 2, 2, 1, 1, 3, 3, true, g, 0);
            assertThat(g[15]).isEqualTo(0.25f);
            k.avgPool2dBackward(1, gy, 0, 4, 4, 3, 3, 2, 2, 1, 1, 3, 3, false, g, 0);
            assertThat(g[15]).isEqualTo(1.25f);   // accumulated
        }
    }

    @Test
    void avgPoolVectorMatchesScalarAndBackwardIsTheAdjoint() {
        for (int[] c : CASES) {
            int planes = 2;
            int outH = out(c[0], c[2], c[4], c[6], 1);
            int outW = out(c[1], c[3], c[5], c[7], 1);
            int plane = c[0] * c[1];
            int oplane = outH * outW;
            SplittableRandom rnd = new SplittableRandom(plane);
            float[] x = TestArrays.floats(rnd, 1 + planes * plane, -1f, 1f);
            float[] gy = TestArrays.floats(rnd, 2 + planes * oplane, -1f, 1f);
            for (boolean inc : new boolean[] {true, false}) {
                float[] ys = new float[2 + planes * oplane];
                float[] yv = new float[2 + planes * oplane];
                SCALAR.avgPool2dForward(planes, x, 1, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], outH, outW, inc,
                        ys, 2);
                VECTOR.avgPool2dForward(planes, x, 1, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], outH, outW, inc,
                        yv, 2);
                assertThat(yv).containsExactly(ys);
                float[] gs = new float[1 + planes * plane];
                float[] gv = new float[1 + planes * plane];
                SCALAR.avgPool2dBackward(planes, gy, 2, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], outH, outW,
                        inc, gs, 1);
                VECTOR.avgPool2dBackward(planes, gy, 2, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], outH, outW,
                        inc, gv, 1);
                assertThat(gv).containsExactly(gs);
                double lhs = 0;
                double rhs = 0;
                for (int i = 0; i < planes * oplane; i++) {
                    lhs += (double) ys[2 + i] * gy[2 + i];
                }
                for (int i = 0; i < planes * plane; i++) {
                    rhs += (double) x[1 + i] * gs[1 + i];
                }
                assertThat(rhs).isCloseTo(lhs, within(1e-4));
                double[] dx = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    dx[i] = x[i];
                }
                double[] dy = new double[ys.length];
                VECTOR.avgPool2dForward(planes, dx, 1, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], outH, outW,
                        inc, dy, 2);
                for (int i = 0; i < dy.length; i++) {
                    assertThat(dy[i]).isCloseTo(ys[i], within(1e-6));
                }
            }
        }
    }
}
