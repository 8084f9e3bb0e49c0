package jtorch.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import jtorch.simd.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Winograd forward route against the direct route it replaces, on the same float32 inputs: close (the
 * bound scales with the 9·cin products summed per output), identical bits on 1, 2 and 3 threads (each tile is
 * one thread's; one thread always takes the banded path, more threads the all-tiles path when tiles are few), in
 * bands of tile rows that carry their shared input rows over, with padding 0, 1 and 2 and a short last band, and
 * taken only for the layers {@link CpuConvWinograd#supports} promises.
 */
class CpuConvWinogradTest {
    private final int saved = Parallel.getNumThreads();

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(saved);
    }

    @ParameterizedTest(name = "n={0} c={1} {2}x{3} o={4} pad={5}x{6} bias={7}")
    @CsvSource({
        "2, 16, 16, 16, 32, 1, 1, true",
        "1, 32, 18, 22, 48, 1, 1, true",
        "3, 16, 18, 14, 16, 0, 0, false",
        "1, 16, 20, 20, 32, 2, 2, true",
        "2, 16, 16, 18, 32, 1, 0, true",
        "6, 48, 12, 12, 16, 1, 1, true",
        "1, 64, 28, 28, 64, 1, 1, false",
        "3, 16, 512, 512, 16, 1, 1, true",
        "2, 16, 100, 60, 16, 2, 2, true",
        "1, 16, 98, 40, 16, 0, 0, false",
    })
    void matchesDirectRouteOnAnyThreadCount(int n, int c, int h, int w, int o, int padH, int padW, boolean withBias) {
        Generator gen = new Generator(n * 100 + c + o);
        NdArray x = Creation.randn(gen, DType.FLOAT32, n, c, h, w);
        NdArray wt = Creation.randn(gen, DType.FLOAT32, o, c, 3, 3);
        NdArray b = withBias ? Creation.randn(gen, DType.FLOAT32, o) : null;
        ConvParams p = new ConvParams(1, 1, padH, padW, 1, 1, 1);
        int oH = h + 2 * padH - 2;
        int oW = w + 2 * padW - 2;
        Parallel.setNumThreads(1);
        assertThat(CpuConvWinograd.supports(x, wt, p)).as("the shape takes the Winograd route").isTrue();
        NdArray direct = NdArray.zeros(DType.FLOAT32, n, o, oH, oW);
        CpuConvDirect.forward(x, wt, b, p, direct);
        float[] want = CpuStorage.floatsOf(direct);
        float[] first = null;
        for (int threads = 1; threads <= 3; threads++) {
            Parallel.setNumThreads(threads);
            NdArray y = NdArray.zeros(DType.FLOAT32, n, o, oH, oW);
            CpuConvWinograd.forward(x, wt, b, p, y);
            float[] got = CpuStorage.floatsOf(y);
            if (first == null) {
                first = got.clone();
                double tol = 1e-5 * Math.sqrt(9.0 * c);
                double worst = 0;
                for (int i = 0; i < want.length; i++) {
                    worst = Math.max(worst, Math.abs(got[i] - want[i]) / (1 + Math.abs(want[i])));
                }
                assertThat(worst).as("max relative difference from the direct route").isLessThanOrEqualTo(tol);
            } else {
                // Arrays.mismatch rather than containsExactly: AssertJ's diff is quadratic on 12 M floats.
                assertThat(Arrays.mismatch(got, first)).as("first differing float, %d threads against 1", threads)
                        .isEqualTo(-1);
            }
        }
    }

    @Test
    void declinesWhatItCannotCompute() {
        Parallel.setNumThreads(1);
        NdArray x = NdArray.zeros(DType.FLOAT32, 1, 16, 18, 18);
        NdArray w3 = NdArray.zeros(DType.FLOAT32, 16, 16, 3, 3);
        ConvParams same = new ConvParams(1, 1, 1, 1, 1, 1, 1);
        assertThat(CpuConvWinograd.supports(x, w3, same)).isTrue();
        // Stride, dilation, groups, kernel size, channel counts, odd output, dtype, too few tiles.
        assertThat(CpuConvWinograd.supports(x, w3, new ConvParams(2, 2, 1, 1, 1, 1, 1))).isFalse();
        assertThat(CpuConvWinograd.supports(x, w3, new ConvParams(1, 1, 2, 2, 2, 2, 1))).isFalse();
        assertThat(CpuConvWinograd.supports(x, NdArray.zeros(DType.FLOAT32, 16, 8, 3, 3),
                new ConvParams(1, 1, 1, 1, 1, 1, 2))).isFalse();
        assertThat(CpuConvWinograd.supports(x, NdArray.zeros(DType.FLOAT32, 16, 16, 5, 5), same)).isFalse();
        assertThat(CpuConvWinograd.supports(NdArray.zeros(DType.FLOAT32, 1, 24, 18, 18),
                NdArray.zeros(DType.FLOAT32, 16, 24, 3, 3), same)).isFalse();
        assertThat(CpuConvWinograd.supports(x, NdArray.zeros(DType.FLOAT32, 24, 16, 3, 3), same)).isFalse();
        assertThat(CpuConvWinograd.supports(NdArray.zeros(DType.FLOAT32, 1, 16, 17, 18), w3, same)).isFalse();
        assertThat(CpuConvWinograd.supports(NdArray.zeros(DType.FLOAT64, 1, 16, 18, 18),
                NdArray.zeros(DType.FLOAT64, 16, 16, 3, 3), same)).isFalse();
        assertThat(CpuConvWinograd.supports(NdArray.zeros(DType.FLOAT32, 1, 16, 14, 14), w3, same))
                .as("49 tiles").isFalse();
        Parallel.setNumThreads(2);
        assertThat(CpuConvWinograd.supports(x, w3, same)).as("81 tiles on two threads").isFalse();
    }
}
