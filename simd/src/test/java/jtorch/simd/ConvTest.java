package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** im2col/col2im: scalar twin against a direct convolution, vector against scalar bit for bit. */
@Tag("parity")
class ConvTest {
    private static final ConvKernels SCALAR = new ScalarConv();
    private static final ConvKernels VECTOR = new VectorConv();

    /** {C, H, W, kH, kW, padH, padW, strideH, strideW, dilH, dilW}: the CIFAR 5x5 pad-2, strided, dilated, odd. */
    private static final int[][] CASES = {
        {3, 32, 32, 5, 5, 2, 2, 1, 1, 1, 1}, {2, 9, 11, 3, 3, 1, 1, 1, 1, 1, 1}, {2, 9, 11, 3, 3, 1, 1, 2, 2, 1, 1},
        {3, 7, 8, 3, 2, 0, 1, 1, 3, 2, 1}, {1, 5, 5, 3, 3, 2, 2, 1, 1, 2, 2}, {2, 17, 33, 1, 1, 0, 0, 1, 1, 1, 1},
        {1, 4, 3, 5, 5, 3, 3, 1, 1, 1, 1}, {2, 6, 19, 2, 4, 1, 0, 2, 1, 1, 3}
    };

    @Test
    void outputSizeIsPyTorchs() {
        assertThat(Conv.outputSize(32, 5, 2, 1, 1)).isEqualTo(32);
        assertThat(Conv.outputSize(32, 3, 1, 2, 1)).isEqualTo(16);
        assertThat(Conv.outputSize(7, 3, 0, 2, 2)).isEqualTo(2);
        assertThat(Conv.outputSize(2, 5, 0, 1, 1)).isEqualTo(0);
    }

    @Test
    void im2colTimesWeightsIsTheDirectConvolution() {
        for (int[] c : CASES) {
            int ch = c[0];
            int h = c[1];
            int w = c[2];
            int kH = c[3];
            int kW = c[4];
            int outH = Conv.outputSize(h, kH, c[5], c[7], c[9]);
            int outW = Conv.outputSize(w, kW, c[6], c[8], c[10]);
            int outC = 3;
            SplittableRandom rnd = new SplittableRandom(h * w);
            float[] x = TestArrays.floats(rnd, 2 + ch * h * w, -1f, 1f);
            float[] wt = TestArrays.floats(rnd, outC * ch * kH * kW, -1f, 1f);
            int k = ch * kH * kW;
            int p = outH * outW;
            float[] col = new float[3 + k * p];
            SCALAR.im2col(x, 2, ch, h, w, kH, kW, c[5], c[6], c[7], c[8], c[9], c[10], col, 3);
            for (int o = 0; o < outC; o++) {
                for (int oh = 0; oh < outH; oh++) {
                    for (int ow = 0; ow < outW; ow++) {
                        double direct = 0;
                        for (int ci = 0; ci < ch; ci++) {
                            for (int kh = 0; kh < kH; kh++) {
                                for (int kw = 0; kw < kW; kw++) {
                                    int ih = oh * c[7] - c[5] + kh * c[9];
                                    int iw = ow * c[8] - c[6] + kw * c[10];
                                    if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                                        direct += wt[((o * ch + ci) * kH + kh) * kW + kw] * x[2 + (ci * h + ih) * w + iw];
                                    }
                                }
                            }
                        }
                        double gemm = 0;
                        for (int r = 0; r < k; r++) {
                            gemm += wt[o * k + r] * col[3 + r * p + oh * outW + ow];
                        }
                        assertThat(gemm).isCloseTo(direct, within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void vectorMatchesScalarAndCol2imIsTheAdjoint() {
        for (int[] c : CASES) {
            int ch = c[0];
            int h = c[1];
            int w = c[2];
            int outH = Conv.outputSize(h, c[3], c[5], c[7], c[9]);
            int outW = Conv.outputSize(w, c[4], c[6], c[8], c[10]);
            int colLen = ch * c[3] * c[4] * outH * outW;
            SplittableRandom rnd = new SplittableRandom(7 + h);
            float[] x = TestArrays.floats(rnd, 5 + ch * h * w, -1f, 1f);
            float[] cs = new float[1 + colLen];
            float[] cv = new float[1 + colLen];
            java.util.Arrays.fill(cv, Float.NaN);   // every element must be written
            cv[0] = 0f;
            SCALAR.im2col(x, 5, ch, h, w, c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], cs, 1);
            VECTOR.im2col(x, 5, ch, h, w, c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], cv, 1);
            assertThat(cv).containsExactly(cs);

            float[] g = TestArrays.floats(rnd, 1 + colLen, -1f, 1f);
            float[] x0 = TestArrays.floats(rnd, 5 + ch * h * w, -1f, 1f);
            float[] xs = x0.clone();
            float[] xv = x0.clone();
            SCALAR.col2im(g, 1, ch, h, w, c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], xs, 5);
            VECTOR.col2im(g, 1, ch, h, w, c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], xv, 5);
            assertThat(xv).containsExactly(xs);
            // <im2col(x), g> == <x, col2im(g)>
            double lhs = 0;
            for (int i = 0; i < colLen; i++) {
                lhs += (double) cs[1 + i] * g[1 + i];
            }
            double rhs = 0;
            for (int i = 0; i < ch * h * w; i++) {
                rhs += (double) x[5 + i] * (xs[5 + i] - x0[5 + i]);
            }
            assertThat(rhs).isCloseTo(lhs, within(1e-4 * (1 + Math.abs(lhs))));

            double[] dx = TestArrays.doubles(rnd, 5 + ch * h * w, -1, 1);
            double[] dcs = new double[1 + colLen];
            double[] dcv = new double[1 + colLen];
            SCALAR.im2col(dx, 5, ch, h, w, c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], dcs, 1);
            VECTOR.im2col(dx, 5, ch, h, w, c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], dcv, 1);
            assertThat(dcv).containsExactly(dcs);
        }
    }
}
