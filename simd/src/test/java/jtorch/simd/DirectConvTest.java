package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Direct convolution (vector kernel and its scalar twin) against a plain double-precision convolution on
 * NCHW arrays: forward, weight gradient, and the stride-1 input gradient through transposed weights.
 */
@Tag("parity")
class DirectConvTest {
    /** {images, C, H, W, O, kH, kW, sH, sW, pH, pW, dH, dW}: the seed's layers, odd sizes, stride, dilation. */
    private static final int[][] CASES = {
        {2, 3, 32, 32, 32, 5, 5, 1, 1, 2, 2, 1, 1},
        {3, 32, 14, 14, 32, 5, 5, 1, 1, 2, 2, 1, 1},
        {2, 32, 7, 7, 64, 5, 5, 1, 1, 2, 2, 1, 1},
        {3, 1, 28, 28, 32, 5, 5, 1, 1, 2, 2, 1, 1},
        {2, 5, 11, 13, 7, 3, 3, 2, 2, 1, 1, 1, 1},
        {1, 4, 9, 10, 33, 3, 2, 1, 1, 2, 1, 2, 1},
        {2, 6, 9, 9, 10, 3, 3, 1, 1, 2, 2, 1, 2},
        {1, 2, 3, 3, 3, 3, 3, 1, 1, 0, 0, 1, 1},
    };

    private static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
        }
        return a;
    }

    private static DirectConvKernels kernels(boolean vector) {
        return vector ? new VectorDirectConv() : new ScalarDirectConv();
    }

    /** Value of the zero-padded input at (image, channel, y, x) in padded coordinates. */
    private static double at(float[] x, int[] c, int i, int ch, int y, int xx) {
        int h = c[2];
        int w = c[3];
        int iy = y - c[9];
        int ix = xx - c[10];
        return iy < 0 || iy >= h || ix < 0 || ix >= w ? 0 : x[((i * c[1] + ch) * h + iy) * w + ix];
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 100, 101, 102, 103, 104, 105, 106, 107})
    void forwardAndGradientsMatchPlainConvolution(int caseAndKernel) {
        int[] c = CASES[caseAndKernel % 100];
        DirectConvKernels impl = kernels(caseAndKernel < 100);
        int n = c[0], ch = c[1], h = c[2], w = c[3], o = c[4], kH = c[5], kW = c[6];
        int sH = c[7], sW = c[8], pH = c[9], pW = c[10], dH = c[11], dW = c[12];
        SplittableRandom r = new SplittableRandom(caseAndKernel);
        float[] x = random(r, n * ch * h * w);
        float[] wt = random(r, o * ch * kH * kW);
        DirectConv.Layout g = new DirectConv.Layout(n, ch, h + 2 * pH, w + 2 * pW, kH, kW, sH, sW, dH, dW);
        int oH = g.outH();
        int oW = g.outW();
        int l = oH * oW;
        float[] gy = random(r, n * o * l);
        int nr = impl.blockWidth();
        int cols = (o + nr - 1) / nr * nr;
        int k = g.k();

        // Forward, with 3 elements of slack before every buffer.
        float[] xs = new float[3 + n * g.height() * g.width() * ch];
        toNhwc(x, n, ch, h, w, pH, pW, ch, xs, 3);
        float[] wp = new float[5 + cols * k];
        packWeights(impl, wt, o, ch, kH, kW, false, ch, wp, 5);
        float[] ys = new float[2 + n * l * cols];
        int half = g.pixels() / 2 + 1;   // two ranges, as two threads would split them
        DirectConv.forward(impl, g, xs, 3, wp, 5, cols, ys, 2, cols, 0, half);
        DirectConv.forward(impl, g, xs, 3, wp, 5, cols, ys, 2, cols, half, g.pixels());
        for (int i = 0; i < n; i++) {
            for (int oc = 0; oc < o; oc++) {
                for (int oy = 0; oy < oH; oy++) {
                    for (int ox = 0; ox < oW; ox++) {
                        double s = 0;
                        for (int cc = 0; cc < ch; cc++) {
                            for (int a = 0; a < kH; a++) {
                                for (int b = 0; b < kW; b++) {
                                    s += at(x, c, i, cc, oy * sH + a * dH, ox * sW + b * dW)
                                            * wt[((oc * ch + cc) * kH + a) * kW + b];
                                }
                            }
                        }
                        float got = ys[2 + ((i * oH + oy) * oW + ox) * cols + oc];
                        assertThat((double) got).as("y[%d,%d,%d,%d]", i, oc, oy, ox).isCloseTo(s, within(s, k));
                    }
                }
            }
        }

        // Weight gradient: taps split in two, rows split by image.
        float[] gs = new float[1 + n * l * cols];
        toNhwc(gy, n, o, oH, oW, 0, 0, cols, gs, 1);
        float[] gw = new float[4 + k * cols];
        int kHalf = k / 2;
        for (int i = 0; i < n; i++) {
            DirectConv.weightGrad(impl, g, xs, 3, gs, 1, cols, cols, gw, 4, cols, 0, kHalf, i * oH, (i + 1) * oH);
            DirectConv.weightGrad(impl, g, xs, 3, gs, 1, cols, cols, gw, 4, cols, kHalf, k, i * oH, (i + 1) * oH);
        }
        for (int oc = 0; oc < o; oc++) {
            for (int cc = 0; cc < ch; cc++) {
                for (int a = 0; a < kH; a++) {
                    for (int b = 0; b < kW; b++) {
                        double s = 0;
                        for (int i = 0; i < n; i++) {
                            for (int oy = 0; oy < oH; oy++) {
                                for (int ox = 0; ox < oW; ox++) {
                                    s += at(x, c, i, cc, oy * sH + a * dH, ox * sW + b * dW)
                                            * gy[((i * o + oc) * oH + oy) * oW + ox];
                                }
                            }
                        }
                        float got = gw[4 + ((a * kW + b) * ch + cc) * cols + oc];
                        assertThat((double) got).as("gw[%d,%d,%d,%d]", oc, cc, a, b)
                                .isCloseTo(s, within(s, n * l));
                    }
                }
            }
        }

        if (sH == 1 && sW == 1 && pH <= dH * (kH - 1) && pW <= dW * (kW - 1)) {
            checkInputGradient(impl, c, wt, gy, oH, oW);
        }
    }

    /** gx by transposed weights over gy padded by dil·(k-1) - pad, against the scatter definition. */
    private static void checkInputGradient(DirectConvKernels impl, int[] c, float[] wt, float[] gy, int oH, int oW) {
        int n = c[0], ch = c[1], h = c[2], w = c[3], o = c[4], kH = c[5], kW = c[6];
        int pH = c[9], pW = c[10], dH = c[11], dW = c[12];
        int qH = dH * (kH - 1) - pH;
        int qW = dW * (kW - 1) - pW;
        DirectConv.Layout g = new DirectConv.Layout(n, o, oH + 2 * qH, oW + 2 * qW, kH, kW, 1, 1, dH, dW);
        assertThat(g.outH()).isEqualTo(h);
        assertThat(g.outW()).isEqualTo(w);
        int nr = impl.blockWidth();
        int cols = (ch + nr - 1) / nr * nr;
        float[] gp = new float[n * g.height() * g.width() * o];
        toNhwc(gy, n, o, oH, oW, qH, qW, o, gp, 0);
        float[] wtp = new float[cols * g.k()];
        packWeights(impl, wt, o, ch, kH, kW, true, o, wtp, 0);
        float[] gx = new float[n * h * w * cols];
        DirectConv.forward(impl, g, gp, 0, wtp, 0, cols, gx, 0, cols, 0, g.pixels());
        double[] want = new double[n * ch * h * w];
        for (int i = 0; i < n; i++) {
            for (int oc = 0; oc < o; oc++) {
                for (int oy = 0; oy < oH; oy++) {
                    for (int ox = 0; ox < oW; ox++) {
                        double gv = gy[((i * o + oc) * oH + oy) * oW + ox];
                        for (int cc = 0; cc < ch; cc++) {
                            for (int a = 0; a < kH; a++) {
                                for (int b = 0; b < kW; b++) {
                                    int iy = oy - pH + a * dH;
                                    int ix = ox - pW + b * dW;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        want[((i * ch + cc) * h + iy) * w + ix] +=
                                                gv * wt[((oc * ch + cc) * kH + a) * kW + b];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int cc = 0; cc < ch; cc++) {
                for (int q = 0; q < h * w; q++) {
                    double s = want[(i * ch + cc) * h * w + q];
                    assertThat((double) gx[(i * h * w + q) * cols + cc]).as("gx[%d,%d,%d]", i, cc, q)
                            .isCloseTo(s, within(s, o * kH * kW));
                }
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double s, int terms) {
        return org.assertj.core.data.Offset.offset(1e-5 * Math.sqrt(terms) * (1 + Math.abs(s)));
    }

    /** The facade's transposes and packing at the kernel's block width (the facade uses the chosen one). */
    private static void toNhwc(float[] x, int n, int ch, int h, int w, int pH, int pW, int ld, float[] dst, int off) {
        DirectConv.toNhwc(x, 0, n, ch, h, w, pH, pW, ld, dst, off);
    }

    private static void packWeights(DirectConvKernels impl, float[] w, int cout, int cin, int kH, int kW,
                                    boolean transposed, int kc, float[] dst, int off) {
        // packWeights lays out blocks of the chosen kernel's width; repack when the twin under test differs.
        int nr = impl.blockWidth();
        int outs = transposed ? cin : cout;
        int ins = transposed ? cout : cin;
        int k = kH * kW * kc;
        float[] chosen = new float[DirectConv.paddedWidth(outs) * k];
        DirectConv.packWeights(w, 0, cout, cin, kH, kW, transposed, kc, chosen, 0);
        int cnr = DirectConv.blockWidth();
        for (int oc = 0; oc < outs; oc++) {
            for (int kk = 0; kk < k; kk++) {
                dst[off + (oc / nr) * k * nr + kk * nr + oc % nr] = chosen[(oc / cnr) * k * cnr + kk * cnr + oc % cnr];
            }
        }
        assertThat(ins).isLessThanOrEqualTo(kc);
    }

    /** packWeights against its definition, element by element, including the zero padding and what lies around. */
    @Test
    void packWeightsMatchesDefinition() {
        int nr = DirectConv.blockWidth();
        // {cout, cin, kH, kW, extra kChannels}: ragged blocks, one-tap and non-square windows, padded K.
        int[][] cases = {{40, 3, 5, 5, 0}, {7, 9, 3, 3, 2}, {64, 32, 1, 3, 0}, {33, 70, 3, 1, 1}, {5, 2, 2, 2, 0},
                {96, 64, 3, 3, 0}};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int[] c : cases) {
            int cout = c[0], cin = c[1], kH = c[2], kW = c[3], taps = kH * kW;
            float[] w = TestArrays.floats(rnd, 2 + cout * cin * taps, -1f, 1f);
            for (boolean transposed : new boolean[] {false, true}) {
                int outs = transposed ? cin : cout;
                int ins = transposed ? cout : cin;
                int kc = ins + c[4];
                int k = taps * kc;
                int size = DirectConv.paddedWidth(outs) * k;
                float[] dst = new float[3 + size + 4];
                java.util.Arrays.fill(dst, Float.NaN);
                assertThat(DirectConv.packWeights(w, 2, cout, cin, kH, kW, transposed, kc, dst, 3)).isEqualTo(size);
                for (int o = 0; o < DirectConv.paddedWidth(outs); o++) {
                    for (int t = 0; t < taps; t++) {
                        for (int ch = 0; ch < kc; ch++) {
                            float want = 0f;
                            if (o < outs && ch < ins) {
                                want = transposed ? w[2 + (ch * cin + o) * taps + taps - 1 - t]
                                        : w[2 + (o * cin + ch) * taps + t];
                            }
                            int at = 3 + (o / nr) * k * nr + (t * kc + ch) * nr + o % nr;
                            assertThat(dst[at]).as("cout=%d cin=%d %dx%d transposed=%s o=%d t=%d c=%d", cout, cin,
                                    kH, kW, transposed, o, t, ch).isEqualTo(want);
                        }
                    }
                }
                for (int i : new int[] {0, 1, 2, 3 + size, 3 + size + 3}) {
                    assertThat(dst[i]).as("outside the packed block").isNaN();
                }
            }
        }
    }

    /**
     * The block packer's twins (the vector one gathers half a block at a time) against its definition, each at its
     * own block width (the vector width follows the species under test).
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void packBlockMatchesDefinition(boolean vectorTwin) {
        DirectConvKernels impl = kernels(vectorTwin);
        int nr = impl.blockWidth();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        // {ins, taps, kChannels}, each packed as OIHW (taps forward) and transposed (taps backward).
        for (int[] c : new int[][] {{1, 1, 1}, {3, 9, 4}, {16, 9, 16}, {7, 25, 9}}) {
            int ins = c[0], taps = c[1], kc = c[2];
            for (boolean transposed : new boolean[] {false, true}) {
                int step = transposed ? taps : ins * taps;
                int cStep = transposed ? nr * taps : taps;
                int tapStep = transposed ? -1 : 1;
                int first = 1 + (transposed ? taps - 1 : 0);
                float[] w = TestArrays.floats(rnd, 2 + nr * ins * taps, -1f, 1f);
                float[] got = new float[2 + taps * kc * nr + 3];
                java.util.Arrays.fill(got, Float.NaN);
                float[] want = got.clone();
                for (int ch = 0; ch < ins; ch++) {
                    for (int t = 0; t < taps; t++) {
                        for (int j = 0; j < nr; j++) {
                            want[2 + (t * kc + ch) * nr + j] = w[first + ch * cStep + t * tapStep + j * step];
                        }
                    }
                }
                impl.packBlock(w, first, cStep, tapStep, step, ins, taps, got, 2, kc);
                assertThat(java.util.Arrays.mismatch(got, want)).as("ins=%d taps=%d transposed=%s", ins, taps,
                        transposed).isEqualTo(-1);
            }
        }
    }

    /**
     * One image large enough for the transposes to split its channels over threads (40 channels: two blocks of 16
     * and a ragged 8), against plain loops, on 1 and 3 threads; padding, the spare channels up to ld, the bias and
     * the accumulation included.
     */
    @Test
    void transposesOfOneLargeImageSplitOverThreads() {
        int saved = Parallel.getNumThreads();
        int ch = 40, h = 45, w = 61, pad = 2, ld = 48, hp = h + 2 * pad, wp = w + 2 * pad;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        float[] x = TestArrays.floats(rnd, 1 + ch * h * w, -1f, 1f);
        float[] bias = TestArrays.floats(rnd, 2 + ch, -1f, 1f);
        float[] start = TestArrays.floats(rnd, ch * h * w, -1f, 1f);
        try {
            for (int threads : new int[] {1, 3}) {
                Parallel.setNumThreads(threads);
                float[] nhwc = new float[hp * wp * ld];
                java.util.Arrays.fill(nhwc, Float.NaN);
                DirectConv.toNhwc(x, 1, 1, ch, h, w, pad, pad, ld, nhwc, 0);
                for (int y = 0; y < hp; y++) {
                    for (int xx = 0; xx < wp; xx++) {
                        for (int c = 0; c < ld; c++) {
                            boolean inside = y >= pad && y < pad + h && xx >= pad && xx < pad + w && c < ch;
                            float want = inside ? x[1 + (c * h + y - pad) * w + xx - pad] : 0f;
                            assertThat(nhwc[(y * wp + xx) * ld + c]).as("threads=%d y=%d x=%d c=%d", threads, y, xx, c)
                                    .isEqualTo(want);
                        }
                    }
                }
                // Back from the interior (ld floats per padded pixel would mix in the padding: use an unpadded copy).
                float[] flat = new float[h * w * ld];
                DirectConv.toNhwc(x, 1, 1, ch, h, w, 0, 0, ld, flat, 0);
                float[] back = start.clone();
                DirectConv.fromNhwc(flat, 0, ld, 1, ch, h * w, bias, 2, true, back, 0);
                for (int c = 0; c < ch; c++) {
                    for (int q = 0; q < h * w; q++) {
                        assertThat(back[c * h * w + q]).as("threads=%d c=%d q=%d", threads, c, q)
                                .isEqualTo(start[c * h * w + q] + (x[1 + c * h * w + q] + bias[2 + c]));
                    }
                }
            }
        } finally {
            Parallel.setNumThreads(saved);
        }
    }

    @Test
    void fromNhwcAddsBiasAndAccumulates() {
        float[] src = {1, 2, 0, 3, 4, 0};   // 1 image, hw 2, 2 channels, ld 3
        float[] dst = {10, 10, 10, 10};
        DirectConv.fromNhwc(src, 0, 3, 1, 2, 2, new float[] {0.5f, -1}, 0, true, dst, 0);
        assertThat(dst).containsExactly(11.5f, 13.5f, 11, 13);
        DirectConv.fromNhwc(src, 0, 3, 1, 2, 2, null, 0, false, dst, 0);
        assertThat(dst).containsExactly(1, 3, 2, 4);
    }

    @Test
    void badArgumentsAreNamed() {
        DirectConv.Layout g = new DirectConv.Layout(1, 2, 6, 6, 3, 3, 1, 1, 1, 1);
        int nr = DirectConv.blockWidth();
        assertThatThrownBy(() -> new DirectConv.Layout(1, 2, 2, 6, 3, 3, 1, 1, 1, 1))
                .hasMessageContaining("padded input 2x6 is smaller than the dilated kernel 3x3");
        assertThatThrownBy(() -> DirectConv.forward(g, new float[72], 0, new float[nr * 18], 0, nr, new float[10], 0,
                nr, 0, 16)).hasMessageContaining("forward: out is too short");
        assertThatThrownBy(() -> DirectConv.forward(g, new float[71], 0, new float[nr * 18], 0, nr,
                new float[16 * nr], 0, nr, 0, 16)).hasMessageContaining("forward: x is too short");
        assertThatThrownBy(() -> DirectConv.forward(g, new float[72], 0, new float[nr * 18], 0, nr,
                new float[16 * nr], 0, nr, 0, 17)).hasMessageContaining("p range [0, 17) must lie inside [0, 16]");
        assertThatThrownBy(() -> DirectConv.weightGrad(g, new float[72], 0, new float[16 * nr], 0, nr, nr + 1,
                new float[18 * nr], 0, nr, 0, 18, 0, 4)).hasMessageContaining("cols must be a non-negative multiple");
        assertThatThrownBy(() -> DirectConv.packWeights(new float[3], 0, 2, 2, 1, 1, false, 1, new float[nr], 0))
                .hasMessageContaining("kChannels must be >= 2");
        assertThatThrownBy(() -> DirectConv.toNhwc(new float[4], 0, 1, 2, 1, 2, 0, 0, 1, new float[4], 0))
                .hasMessageContaining("ld must be >= channels=2");
    }
}
