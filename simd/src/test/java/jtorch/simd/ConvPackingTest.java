package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The implicit-GEMM operands against the explicit route: im2col materialized with {@link Conv#im2col}, then
 * an ordinary array GEMM. Same products, so results agree to rounding; both the vector and scalar kernels.
 */
@Tag("parity")
class ConvPackingTest {
    /** {C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, images, O}: the seed's shapes, strides, dilation, odd sizes. */
    private static final int[][] CASES = {
        {3, 32, 32, 5, 5, 1, 1, 2, 2, 1, 1, 2, 32},
        {32, 16, 16, 5, 5, 1, 1, 2, 2, 1, 1, 3, 32},
        {32, 8, 8, 5, 5, 1, 1, 2, 2, 1, 1, 3, 64},
        {5, 11, 13, 3, 3, 2, 2, 1, 1, 1, 1, 2, 7},
        {4, 9, 10, 3, 2, 1, 2, 1, 0, 2, 1, 3, 9},
        {2, 7, 7, 1, 1, 1, 1, 0, 0, 1, 1, 4, 17},
        {1, 28, 28, 5, 5, 1, 1, 2, 2, 1, 1, 32, 32},
    };

    private static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 106})
    void implicitGemmMatchesExplicitIm2col(int caseAndSlack) {
        // Cases 0-6 leave slack between and after the images; 100+i packs case i's images tightly, so a read
        // past the last image fails (the bug a Fashion-MNIST batch of 32 found: an empty arraycopy out of range).
        int index = caseAndSlack % 100;
        boolean tight = caseAndSlack >= 100;
        int[] c = CASES[index];
        int oh = Conv.outputSize(c[1], c[3], c[7], c[5], c[9]);
        int ow = Conv.outputSize(c[2], c[4], c[8], c[6], c[10]);
        ConvPacking.Geometry g = new ConvPacking.Geometry(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9],
                c[10], oh, ow);
        int images = c[11];
        int o = c[12];
        int k = g.k();
        int l = g.l();
        int n = images * l;
        SplittableRandom r = new SplittableRandom(index);
        int imageStride = c[0] * c[1] * c[2] + (tight ? 0 : 3);   // slack between images: strides are honoured
        int start = tight ? 0 : 5;
        float[] x = random(r, start + images * imageStride);
        float[] w = random(r, o * k);
        float[] gy = random(r, images * o * l);
        // Explicit: col [K, images*L], images side by side.
        float[] col = new float[k * n];
        float[] one = new float[k * l];
        for (int i = 0; i < images; i++) {
            Conv.im2col(x, start + i * imageStride, c[0], c[1], c[2], c[3], c[4], c[7], c[8], c[5], c[6], c[9], c[10],
                    one, 0);
            for (int p = 0; p < k; p++) {
                System.arraycopy(one, p * l, col, p * n + i * l, l);
            }
        }
        float[] gyT = new float[n * o];
        for (int i = 0; i < images; i++) {
            for (int oc = 0; oc < o; oc++) {
                for (int q = 0; q < l; q++) {
                    gyT[(i * l + q) * o + oc] = gy[i * o * l + oc * l + q];
                }
            }
        }
        float[] fwdRef = new float[o * n];
        new ScalarGemm().sgemm(false, false, o, n, k, 1f, w, 0, k, col, 0, n, 0f, fwdRef, 0, n);
        float[] gwRef = new float[k * o];
        new ScalarGemm().sgemm(false, false, k, o, n, 1f, col, 0, n, gyT, 0, o, 0f, gwRef, 0, o);
        for (SgemmKernel kernel : new SgemmKernel[] {new ScalarGemm(), new VectorSgemm()}) {
            float[] fwd = new float[o * n];
            kernel.sgemm(o, n, k, 1f, SgemmOperand.ofA(false, w, 0, k), ConvPacking.im2colB(x, start, imageStride, g), 0f,
                    fwd, 0, n);
            assertClose(fwd, fwdRef, k, kernel + " forward case " + index);
            float[] gw = new float[k * o];
            kernel.sgemm(k, o, n, 1f, ConvPacking.im2colA(x, start, imageStride, g),
                    ConvPacking.batchTransposedB(gy, 0, o * l, l), 0f, gw, 0, o);
            assertClose(gw, gwRef, n, kernel + " weight grad case " + index);
        }
    }

    private static void assertClose(float[] actual, float[] expected, int depth, String what) {
        float tol = 1e-6f * depth;
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("%s element %d", what, i)
                    .isLessThanOrEqualTo(tol * (1 + Math.abs(expected[i])));
        }
    }
}
