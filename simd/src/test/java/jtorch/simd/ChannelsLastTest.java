package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The planar/channels-last transposes, vector blocks and scalar twin, against the index formulas, bit for bit:
 * whole 16 x 16 blocks, ragged channel and pixel edges, rows that end inside a block, padding gaps, -0.0 and NaN.
 */
@Tag("parity")
class ChannelsLastTest {
    private static float[] values(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(20);
            a[i] = k == 0 ? -0f : k == 1 ? Float.NaN : (float) r.nextDouble(-2, 2);
        }
        return a;
    }

    @ParameterizedTest(name = "ch={0} rows={1}x{2} gap={3} ld={4}")
    @CsvSource({
        "32, 14, 14, 4, 32",
        "64, 7, 7, 4, 64",
        "32, 16, 16, 0, 32",
        "37, 5, 9, 2, 40",
        "16, 3, 16, 0, 16",
        "5, 4, 7, 1, 5",
        "48, 1, 45, 0, 48",
    })
    void toChannelsLastMatchesTheFormula(int ch, int h, int w, int gap, int ld) {
        int count = h * w;
        int plane = count + 3;   // planes farther apart than their pixels
        SplittableRandom r = new SplittableRandom(ch * 31 + w);
        float[] src = values(r, 2 + ch * plane);
        int dstLen = 5 + (count + h * gap) * ld;
        for (boolean vector : new boolean[] {true, false}) {
            ChannelsLastKernels k = vector ? new VectorChannelsLast() : new ScalarChannelsLast();
            float[] dst = new float[dstLen];
            java.util.Arrays.fill(dst, 9f);
            k.toChannelsLast(src, 2, plane, count, ch, dst, 5, ld, w, gap);
            float[] want = new float[dstLen];
            java.util.Arrays.fill(want, 9f);
            for (int q = 0; q < count; q++) {
                for (int c = 0; c < ch; c++) {
                    want[5 + (q + q / w * gap) * ld + c] = src[2 + c * plane + q];
                }
            }
            assertThat(bits(dst)).as("vector=%s", vector).containsExactly(bits(want));
        }
    }

    @ParameterizedTest(name = "ch={0} hw={1} plane={2} ld={3} bias={4} accumulate={5}")
    @CsvSource({
        "32, 196, 196, 32, true, false",
        "64, 49, 49, 64, false, true",
        "32, 256, 256, 32, true, true",
        "37, 45, 45, 40, true, false",
        "16, 16, 16, 16, false, false",
        "5, 7, 7, 8, true, true",
        "48, 112, 224, 48, true, false",
        "19, 40, 57, 20, false, true",
    })
    void fromChannelsLastMatchesTheFormula(int ch, int hw, int plane, int ld, boolean withBias, boolean accumulate) {
        SplittableRandom r = new SplittableRandom(ch * 17 + hw);
        float[] src = values(r, 3 + hw * ld);
        float[] bias = withBias ? values(r, 1 + ch) : null;
        float[] init = values(r, 4 + ch * plane + 2);
        for (boolean vector : new boolean[] {true, false}) {
            ChannelsLastKernels k = vector ? new VectorChannelsLast() : new ScalarChannelsLast();
            float[] dst = init.clone();
            k.fromChannelsLast(src, 3, ld, ch, hw, plane, bias, 1, accumulate, dst, 4);
            float[] want = init.clone();
            for (int q = 0; q < hw; q++) {
                for (int c = 0; c < ch; c++) {
                    float v = bias == null ? src[3 + q * ld + c] : src[3 + q * ld + c] + bias[1 + c];
                    int d = 4 + c * plane + q;
                    want[d] = accumulate ? v + init[d] : v;
                }
            }
            assertThat(bits(dst)).as("vector=%s", vector).containsExactly(bits(want));
        }
    }

    /** Raw bits, so -0.0 and NaN payloads compare exactly. */
    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Float.floatToRawIntBits(a[i]);
        }
        return b;
    }
}
