package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Planar direct convolution (vector kernel and its scalar twin) against a plain double-precision convolution:
 * forward with and without bias, and the weight gradient, with ranges split as two threads would split them.
 */
@Tag("parity")
class PlanarConvTest {
    /**
     * {images, C, H, W, O, kH, kW, sH, pH, pW, dH, dW}: the seed's first layers, rows narrower and wider than a
     * strip with ragged tails, channel counts off the 8- and 4-blocks, fewer taps than a tap block, strides and
     * dilations.
     */
    private static final int[][] CASES = {
        {2, 1, 28, 28, 32, 5, 5, 1, 2, 2, 1, 1},
        {2, 3, 32, 32, 32, 5, 5, 1, 2, 2, 1, 1},
        {3, 2, 9, 19, 9, 3, 3, 1, 1, 1, 2, 1},
        {1, 3, 11, 40, 5, 3, 4, 2, 0, 1, 1, 2},
        {2, 4, 5, 3, 3, 2, 3, 1, 0, 0, 1, 1},
        {1, 1, 6, 70, 12, 1, 3, 1, 0, 1, 1, 1},
        // 5-row filters: stride = dilation 2 (column tiles, ragged rows, 6 channels), stride 2 on dilation 1 (not).
        {2, 2, 13, 37, 6, 5, 3, 2, 2, 1, 2, 1},
        {1, 3, 20, 20, 5, 5, 5, 2, 2, 2, 1, 1},
    };

    private static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
        }
        return a;
    }

    private static PlanarConvKernels kernels(boolean vector) {
        return vector ? new VectorPlanarConv() : new ScalarPlanarConv();
    }

    /** Zero-padded input at (image, channel, y, x) in padded coordinates. */
    private static double at(float[] x, int[] c, int i, int ch, int y, int xx) {
        int iy = y - c[8];
        int ix = xx - c[9];
        return iy < 0 || iy >= c[2] || ix < 0 || ix >= c[3] ? 0 : x[((i * c[1] + ch) * c[2] + iy) * c[3] + ix];
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 100, 101, 102, 103, 104, 105, 106, 107})
    void forwardAndWeightGradMatchPlainConvolution(int caseAndKernel) {
        int[] c = CASES[caseAndKernel % 100];
        PlanarConvKernels impl = kernels(caseAndKernel < 100);
        int n = c[0], ch = c[1], h = c[2], w = c[3], o = c[4], kH = c[5], kW = c[6];
        int sH = c[7], pH = c[8], pW = c[9], dH = c[10], dW = c[11];
        SplittableRandom r = new SplittableRandom(caseAndKernel);
        float[] x = random(r, n * ch * h * w);
        float[] wt = random(r, o * ch * kH * kW);
        float[] bias = random(r, o);
        PlanarConv.Layout g = new PlanarConv.Layout(n, ch, h + 2 * pH, w + 2 * pW, kH, kW, sH, dH, dW);
        int oH = g.outH();
        int oW = g.outW();
        int k = g.k();
        assertThat(k).isEqualTo(ch * kH * kW);

        // Padding, with slack before every buffer.
        float[] xp = new float[3 + n * ch * g.height() * g.width()];
        java.util.Arrays.fill(xp, Float.NaN);   // pad must overwrite every element it owns
        PlanarConv.pad(x, 0, n, ch, h, w, pH, pW, xp, 3);
        for (int i = 0; i < n; i++) {
            for (int cc = 0; cc < ch; cc++) {
                for (int y = 0; y < g.height(); y++) {
                    for (int xx = 0; xx < g.width(); xx++) {
                        assertThat((double) xp[3 + ((i * ch + cc) * g.height() + y) * g.width() + xx])
                                .isEqualTo(at(x, c, i, cc, y, xx));
                    }
                }
            }
        }
        float[] wp = new float[5 + PlanarConv.packedSize(o, k)];
        PlanarConv.packWeights(wt, 0, o, k, wp, 5);

        for (boolean withBias : new boolean[] {true, false}) {
            float[] out = new float[2 + n * o * oH * oW + 4];
            java.util.Arrays.fill(out, 7f);   // sentinels around the output must survive
            int half = n / 2;
            PlanarConv.forward(impl, g, xp, 3, wp, 5, o, withBias ? bias : null, 0, out, 2, 0, half);
            PlanarConv.forward(impl, g, xp, 3, wp, 5, o, withBias ? bias : null, 0, out, 2, half, n);
            assertThat(out[0]).isEqualTo(7f);
            assertThat(out[1]).isEqualTo(7f);
            assertThat(out[out.length - 1]).isEqualTo(7f);
            // Row ranges of each image, as threads split one image, give the same bits.
            float[] byRows = new float[out.length];
            java.util.Arrays.fill(byRows, 7f);
            for (int i = 0; i < n; i++) {
                int mid = oH / 2;
                PlanarConv.forwardRows(impl, g, xp, 3, wp, 5, o, withBias ? bias : null, 0, byRows, 2, i, mid, oH);
                PlanarConv.forwardRows(impl, g, xp, 3, wp, 5, o, withBias ? bias : null, 0, byRows, 2, i, 0, mid);
            }
            assertThat(byRows).containsExactly(out);
            for (int i = 0; i < n; i++) {
                for (int oc = 0; oc < o; oc++) {
                    for (int y = 0; y < oH; y++) {
                        for (int q = 0; q < oW; q++) {
                            double s = withBias ? bias[oc] : 0;
                            for (int cc = 0; cc < ch; cc++) {
                                for (int ky = 0; ky < kH; ky++) {
                                    for (int kx = 0; kx < kW; kx++) {
                                        s += wt[((oc * ch + cc) * kH + ky) * kW + kx]
                                                * at(x, c, i, cc, y * sH + ky * dH, q + kx * dW);
                                    }
                                }
                            }
                            float got = out[2 + ((i * o + oc) * oH + y) * oW + q];
                            assertThat((double) got).as("out[%d][%d][%d][%d] bias=%s", i, oc, y, q, withBias)
                                    .isCloseTo(s, org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(s))));
                        }
                    }
                }
            }
        }

        // Weight gradient, accumulated onto an existing gradient, blocks split in two ranges.
        float[] gy = random(r, n * o * oH * oW);
        float[] gw = new float[1 + o * k];
        java.util.Arrays.fill(gw, 0.5f);
        int blocks = PlanarConv.gradBlocks(o);
        int split = blocks / 2;
        float[] part = new float[PlanarConv.partialSize(blocks, k)];
        double[] biasSums = new double[o + 1];
        biasSums[o] = 7;
        weightGrad(impl, g, xp, gy, o, part, gw, 0, split, biasSums);
        weightGrad(impl, g, xp, gy, o, part, gw, split, blocks, biasSums);
        assertThat(gw[0]).isEqualTo(0.5f);
        // Bias sums: per channel, each image's Reduce.sum of its plane, added in image order (CpuConv's bias gradient).
        for (int oc = 0; oc < o; oc++) {
            double expect = 0;
            for (int i = 0; i < n; i++) {
                expect += Reduce.sum(oH * oW, gy, (i * o + oc) * oH * oW);
            }
            assertThat(biasSums[oc]).as("bias sum %d", oc).isEqualTo(expect);
        }
        assertThat(biasSums[o]).isEqualTo(7);
        for (int oc = 0; oc < o; oc++) {
            for (int t = 0; t < k; t++) {
                int cc = t / (kH * kW);
                int ky = t / kW % kH;
                int kx = t % kW;
                double s = 0.5;
                for (int i = 0; i < n; i++) {
                    for (int y = 0; y < oH; y++) {
                        for (int q = 0; q < oW; q++) {
                            s += gy[((i * o + oc) * oH + y) * oW + q] * at(x, c, i, cc, y * sH + ky * dH, q + kx * dW);
                        }
                    }
                }
                assertThat((double) gw[1 + oc * k + t]).as("gw[%d][%d]", oc, t)
                        .isCloseTo(s, org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(s))));
            }
        }
    }

    private static void weightGrad(PlanarConvKernels impl, PlanarConv.Layout g, float[] xp, float[] gy, int o,
                                   float[] part, float[] gw, int b0, int b1, double[] biasSums) {
        PlanarConv.weightGrad(impl, g, xp, 3, gy, 0, o, part, gw, 1, b0, b1, biasSums);
    }

    @Test
    void weightGradSumsDoNotDependOnTheBlockSplit() {
        PlanarConv.Layout g = new PlanarConv.Layout(3, 1, 32, 32, 5, 5, 1, 1, 1);
        SplittableRandom r = new SplittableRandom(9);
        float[] xp = random(r, 3 + 3 * 32 * 32);
        float[] gy = random(r, 3 * 32 * 28 * 28);
        int blocks = PlanarConv.gradBlocks(32);
        float[] part = new float[PlanarConv.partialSize(blocks, g.k())];
        float[] whole = new float[1 + 32 * 25];
        PlanarConv.weightGrad(g, xp, 3, gy, 0, 32, part, whole, 1, 0, blocks);
        float[] split = new float[1 + 32 * 25];
        for (int b = 0; b < blocks; b++) {
            PlanarConv.weightGrad(g, xp, 3, gy, 0, 32, part, split, 1, b, b + 1);
        }
        assertThat(split).containsExactly(whole);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void columnTilesSumInTheOrderOfTheTapTiles(boolean vector) {
        // weightGradColumn's (channel, tap) lanes equal weightGradImage's bit for bit: same additions, same order.
        PlanarConvKernels impl = kernels(vector);
        int o = 6;
        PlanarConv.Layout g = new PlanarConv.Layout(2, 2, 17, 37, 5, 5, 1, 1, 1);
        SplittableRandom r = new SplittableRandom(5);
        int plane = g.outH() * g.outW();
        float[] xp = random(r, 2 * g.imageSize());
        float[] gy = random(r, 2 * o * plane);
        int lanes = impl.lanes();
        int[] tapOff = g.tapOffsets();
        float[] taps = new float[2 * tapOff.length * 4 * lanes];
        float[] cols = new float[2 * 10 * 4 * 5 * lanes];
        for (int i = 0; i < 2; i++) {
            for (int b = 0; b < 2; b++) {
                int ocs = Math.min(4, o - 4 * b);
                int gImg = (i * o + 4 * b) * plane;
                for (int t = 0; t < tapOff.length / 4; t++) {
                    impl.weightGradImage(xp, i * g.imageSize(), g.width(), tapOff, 4 * t, gy, gImg, plane, ocs,
                            g.outH(), g.outW(), taps, (b * tapOff.length / 4 + t) * 16 * lanes);
                }
                for (int col = 0; col < 10; col++) {
                    impl.weightGradColumn(xp, i * g.imageSize(), g.width(), col / 5 * g.height() * g.width() + col % 5,
                            gy, gImg, plane, ocs, g.outH(), g.outW(), cols, (b * 10 + col) * 20 * lanes);
                }
            }
        }
        for (int oc = 0; oc < o; oc++) {
            for (int tap = 0; tap < g.k(); tap++) {
                int c = tap / 25;
                int ky = tap / 5 % 5;
                int kx = tap % 5;
                int atTaps = ((oc / 4 * tapOff.length / 4 + tap / 4) * 16 + (oc % 4) * 4 + tap % 4) * lanes;
                int atCols = ((oc / 4 * 10 + c * 5 + kx) * 20 + (oc % 4) * 5 + ky) * lanes;
                for (int l = 0; l < lanes; l++) {
                    assertThat(Float.floatToRawIntBits(cols[atCols + l])).as("oc %d tap %d lane %d", oc, tap, l)
                            .isEqualTo(Float.floatToRawIntBits(taps[atTaps + l]));
                }
            }
        }
    }

    @Test
    void badArgumentsNameWhatIsWrong() {
        PlanarConv.Layout g = new PlanarConv.Layout(1, 1, 8, 8, 3, 3, 1, 1, 1);
        float[] wp = new float[PlanarConv.packedSize(4, 9)];
        assertThatThrownBy(() -> PlanarConv.forward(g, new float[63], 0, wp, 0, 4, null, 0, new float[4 * 36], 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> PlanarConv.forward(g, new float[64], 0, wp, 0, 4, null, 0, new float[4 * 36], 0, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 2)");
        assertThatThrownBy(() -> PlanarConv.weightGrad(g, new float[64], 0, new float[4 * 36], 0, 4, new float[1],
                new float[36], 0, 0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("part");
        assertThatThrownBy(() -> new PlanarConv.Layout(1, 1, 2, 8, 3, 3, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smaller than the dilated kernel");
        assertThatThrownBy(() -> PlanarConv.pad(new float[10], 0, 1, 1, 4, 4, 1, 1, new float[36], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("src");
    }
}
