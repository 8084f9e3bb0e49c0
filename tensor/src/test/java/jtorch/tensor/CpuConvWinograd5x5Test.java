package jtorch.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import jtorch.simd.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Winograd route against the direct route it replaces, forward and input gradient (F(2x2, 5x5)) and weight
 * gradient (F(5x5, 2x2)), on the same float32 inputs: close (the bound scales with the square root of the
 * products summed per output), identical bits on 1, 2 and 3 threads (a tile's result does not depend on which
 * tiles share its call; the weight gradient's groups of chunks are fixed), with padding 0 to 4, chunks of one and of
 * several images, groups of one and several chunks, and taken only for the layers the route promises.
 */
class CpuConvWinograd5x5Test {
    private final int saved = Parallel.getNumThreads();

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(saved);
    }

    @ParameterizedTest(name = "n={0} c={1} {2}x{3} o={4} pad={5}x{6} bias={7}")
    @CsvSource({
        "4, 32, 16, 16, 32, 2, 2, true",
        "9, 32, 8, 8, 64, 2, 2, true",
        "3, 16, 14, 14, 16, 2, 2, false",
        "3, 16, 12, 10, 48, 0, 0, true",
        "2, 48, 10, 12, 16, 1, 3, true",
        "3, 16, 6, 8, 32, 4, 4, false",
        "2, 16, 40, 24, 16, 2, 2, true",
    })
    void forwardMatchesDirectRouteOnAnyThreadCount(int n, int c, int h, int w, int o, int padH, int padW,
                                                   boolean withBias) {
        Generator gen = new Generator(n * 100 + c + o);
        NdArray x = Creation.randn(gen, DType.FLOAT32, n, c, h, w);
        NdArray wt = Creation.randn(gen, DType.FLOAT32, o, c, 5, 5);
        NdArray b = withBias ? Creation.randn(gen, DType.FLOAT32, o) : null;
        ConvParams p = new ConvParams(1, 1, padH, padW, 1, 1, 1);
        int oH = h + 2 * padH - 4;
        int oW = w + 2 * padW - 4;
        Parallel.setNumThreads(1);
        assertThat(CpuConvWinograd5x5.supports(x, wt, p)).as("the shape takes the Winograd route").isTrue();
        NdArray direct = NdArray.zeros(DType.FLOAT32, n, o, oH, oW);
        CpuConvDirect.forward(x, wt, b, p, direct);
        assertSameOnAnyThreadCount(CpuStorage.floatsOf(direct), 25 * c, () -> {
            NdArray y = NdArray.zeros(DType.FLOAT32, n, o, oH, oW);
            CpuConvWinograd5x5.forward(x, wt, b, p, y);
            return CpuStorage.floatsOf(y);
        });
    }

    @ParameterizedTest(name = "n={0} c={1} {2}x{3} o={4} pad={5}x{6}")
    @CsvSource({
        "4, 32, 16, 16, 32, 2, 2",
        "9, 32, 8, 8, 64, 2, 2",
        "3, 16, 14, 14, 16, 2, 2",
        "3, 16, 12, 10, 48, 0, 0",
        "2, 48, 8, 10, 16, 1, 3",
        "3, 16, 6, 8, 32, 4, 4",
    })
    void inputGradMatchesDirectRouteOnAnyThreadCount(int n, int c, int h, int w, int o, int padH, int padW) {
        Generator gen = new Generator(n * 200 + c + o);
        ConvParams p = new ConvParams(1, 1, padH, padW, 1, 1, 1);
        int oH = h + 2 * padH - 4;
        int oW = w + 2 * padW - 4;
        NdArray gy = Creation.randn(gen, DType.FLOAT32, n, o, oH, oW);
        NdArray wt = Creation.randn(gen, DType.FLOAT32, o, c, 5, 5);
        NdArray start = Creation.randn(gen, DType.FLOAT32, n, c, h, w);
        Parallel.setNumThreads(1);
        NdArray gx0 = NdArray.zeros(DType.FLOAT32, n, c, h, w);
        assertThat(CpuConvWinograd5x5.supportsInputGrad(wt, p, gx0)).as("the shape takes the Winograd route")
                .isTrue();
        // Both routes add into gx: start from the same non-zero values.
        NdArray direct = copyOf(start);
        CpuConvDirect.inputGrad(gy, wt, p, direct);
        assertSameOnAnyThreadCount(CpuStorage.floatsOf(direct), 25 * o, () -> {
            NdArray gx = copyOf(start);
            CpuConvWinograd5x5.inputGrad(gy, wt, p, gx);
            return CpuStorage.floatsOf(gx);
        });
    }

    @ParameterizedTest(name = "n={0} c={1} {2}x{3} o={4} pad={5}x{6}")
    @CsvSource({
        "64, 32, 16, 16, 32, 2, 2",
        "20, 32, 8, 8, 64, 2, 2",
        "3, 16, 14, 14, 16, 2, 2",
        "5, 16, 12, 10, 48, 0, 0",
        "2, 48, 10, 12, 16, 1, 3",
        "1, 16, 6, 8, 32, 4, 4",
    })
    void weightGradMatchesDirectRouteOnAnyThreadCount(int n, int c, int h, int w, int o, int padH, int padW) {
        Generator gen = new Generator(n * 300 + c + o);
        ConvParams p = new ConvParams(1, 1, padH, padW, 1, 1, 1);
        int oH = h + 2 * padH - 4;
        int oW = w + 2 * padW - 4;
        NdArray x = Creation.randn(gen, DType.FLOAT32, n, c, h, w);
        NdArray gy = Creation.randn(gen, DType.FLOAT32, n, o, oH, oW);
        NdArray wt = Creation.randn(gen, DType.FLOAT32, o, c, 5, 5);
        NdArray start = Creation.randn(gen, DType.FLOAT32, o, c, 5, 5);
        Parallel.setNumThreads(1);
        assertThat(CpuConvWinograd5x5.supportsWeightGrad(x, wt, p)).as("the shape takes the Winograd route")
                .isTrue();
        // Both routes add into gw: start from the same non-zero values.
        NdArray direct = copyOf(start);
        CpuConvDirect.weightGrad(gy, x, wt, p, direct);
        assertSameOnAnyThreadCount(CpuStorage.floatsOf(direct), n * oH * oW, () -> {
            NdArray gw = copyOf(start);
            CpuConvWinograd5x5.weightGrad(gy, x, wt, p, gw);
            return CpuStorage.floatsOf(gw);
        });
    }

    private static NdArray copyOf(NdArray a) {
        NdArray c = NdArray.zeros(DType.FLOAT32, a.shape());
        System.arraycopy(CpuStorage.floatsOf(a), a.offset(), CpuStorage.floatsOf(c), 0, a.numel());
        return c;
    }

    private static void assertSameOnAnyThreadCount(float[] want, int summed, java.util.function.Supplier<float[]> run) {
        float[] first = null;
        for (int threads = 1; threads <= 3; threads++) {
            Parallel.setNumThreads(threads);
            float[] got = run.get();
            if (first == null) {
                first = got.clone();
                // Normwise: Winograd's rounding scales with the transformed operands, not with each (possibly
                // cancelling) sum, so the difference is measured against the largest value of the result.
                double tol = 2e-6 * Math.sqrt(summed);
                double worst = 0;
                double scale = 1;
                for (float v : want) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < want.length; i++) {
                    worst = Math.max(worst, Math.abs(got[i] - want[i]) / scale);
                }
                assertThat(worst).as("largest difference from the direct route over the largest value")
                        .isLessThanOrEqualTo(tol);
            } else {
                assertThat(Arrays.mismatch(got, first)).as("first differing float, %d threads against 1", threads)
                        .isEqualTo(-1);
            }
        }
    }

    @Test
    void declinesWhatItCannotCompute() {
        Parallel.setNumThreads(1);
        NdArray x = NdArray.zeros(DType.FLOAT32, 2, 16, 16, 16);
        NdArray w5 = NdArray.zeros(DType.FLOAT32, 32, 16, 5, 5);
        ConvParams same = new ConvParams(1, 1, 2, 2, 1, 1, 1);
        assertThat(CpuConvWinograd5x5.supports(x, w5, same)).isTrue();
        assertThat(CpuConvWinograd5x5.supportsInputGrad(w5, same, x)).isTrue();
        // Stride, dilation, groups, kernel size, channel counts, odd output, dtype, too few images.
        assertThat(CpuConvWinograd5x5.supports(x, w5, new ConvParams(2, 2, 2, 2, 1, 1, 1))).isFalse();
        assertThat(CpuConvWinograd5x5.supportsInputGrad(w5, new ConvParams(2, 2, 2, 2, 1, 1, 1), x)).isFalse();
        assertThat(CpuConvWinograd5x5.supports(x, w5, new ConvParams(1, 1, 4, 4, 2, 2, 1))).isFalse();
        assertThat(CpuConvWinograd5x5.supports(x, NdArray.zeros(DType.FLOAT32, 32, 8, 5, 5),
                new ConvParams(1, 1, 2, 2, 1, 1, 2))).isFalse();
        assertThat(CpuConvWinograd5x5.supports(x, NdArray.zeros(DType.FLOAT32, 32, 16, 3, 3), same)).isFalse();
        assertThat(CpuConvWinograd5x5.supports(NdArray.zeros(DType.FLOAT32, 2, 24, 16, 16),
                NdArray.zeros(DType.FLOAT32, 32, 24, 5, 5), same)).isFalse();
        assertThat(CpuConvWinograd5x5.supports(x, NdArray.zeros(DType.FLOAT32, 24, 16, 5, 5), same)).isFalse();
        assertThat(CpuConvWinograd5x5.supportsInputGrad(NdArray.zeros(DType.FLOAT32, 24, 16, 5, 5), same, x))
                .isFalse();
        assertThat(CpuConvWinograd5x5.supports(NdArray.zeros(DType.FLOAT32, 2, 16, 15, 16), w5, same)).isFalse();
        assertThat(CpuConvWinograd5x5.supportsInputGrad(w5, same, NdArray.zeros(DType.FLOAT32, 2, 16, 15, 16)))
                .isFalse();
        assertThat(CpuConvWinograd5x5.supportsInputGrad(w5, new ConvParams(1, 1, 5, 5, 1, 1, 1), x))
                .as("padding past the kernel").isFalse();
        assertThat(CpuConvWinograd5x5.supportsWeightGrad(x, w5, same)).isTrue();
        assertThat(CpuConvWinograd5x5.supportsWeightGrad(x, NdArray.zeros(DType.FLOAT32, 24, 16, 5, 5), same))
                .isFalse();
        assertThat(CpuConvWinograd5x5.supportsWeightGrad(NdArray.zeros(DType.FLOAT32, 2, 16, 15, 16), w5, same))
                .isFalse();
        assertThat(CpuConvWinograd5x5.supportsWeightGrad(NdArray.zeros(DType.FLOAT32, 64, 256, 56, 56),
                NdArray.zeros(DType.FLOAT32, 256, 256, 5, 5), same)).as("sums past SLAB_FLOATS").isFalse();
        assertThat(CpuConvWinograd5x5.supports(NdArray.zeros(DType.FLOAT64, 2, 16, 16, 16),
                NdArray.zeros(DType.FLOAT64, 32, 16, 5, 5), same)).isFalse();
        Parallel.setNumThreads(3);
        assertThat(CpuConvWinograd5x5.supports(x, w5, same)).as("2 images on three threads").isFalse();
    }
}
