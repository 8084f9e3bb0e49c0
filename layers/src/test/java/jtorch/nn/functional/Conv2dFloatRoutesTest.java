package jtorch.nn.functional;

import static org.assertj.core.api.Assertions.assertThat;

import jtorch.Tensor;
import jtorch.Torch;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;
import jtorch.tensor.Generator;
import jtorch.simd.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The float32 convolution routes (planar kernels for up to 4 input channels, direct NHWC kernels, implicit GEMM,
 * im2col + GEMM for the input gradient at stride 2) against the float64 route, forward and all three gradients,
 * on one and two threads and on batches smaller than the thread count (where the direct route splits pixels
 * instead of images).
 */
class Conv2dFloatRoutesTest {
    private final int saved = Parallel.getNumThreads();

    @AfterEach
    void restoreThreads() {
        Torch.setNumThreads(saved);
    }

    @ParameterizedTest(name = "n={0} c={1} {2}x{3} o={4} k={5}x{6} s={7} p={8}x{9} d={10} g={11} threads={12}")
    @CsvSource({
        "64, 3, 32, 32, 32, 5, 5, 1, 2, 2, 1, 1, 2",
        "3, 32, 14, 14, 32, 5, 5, 1, 2, 2, 1, 1, 2",
        "1, 32, 7, 7, 64, 5, 5, 1, 2, 2, 1, 1, 2",
        "1, 1, 28, 28, 32, 5, 5, 1, 2, 2, 1, 1, 1",
        "2, 5, 11, 13, 7, 3, 3, 2, 1, 1, 1, 1, 2",
        "3, 4, 9, 10, 33, 3, 2, 1, 0, 1, 2, 1, 2",
        "2, 6, 9, 9, 10, 3, 3, 1, 3, 3, 1, 1, 2",
        "2, 4, 8, 8, 6, 3, 3, 1, 1, 1, 1, 2, 2",
        "2, 8, 6, 6, 16, 1, 1, 1, 0, 0, 1, 1, 2",
        "3, 2, 9, 19, 9, 3, 3, 1, 1, 1, 2, 1, 2",
        "1, 3, 33, 40, 12, 3, 3, 1, 1, 1, 1, 1, 2",
        "5, 4, 6, 7, 5, 2, 3, 1, 0, 2, 1, 1, 2",
    })
    void float32MatchesFloat64(int n, int c, int h, int w, int o, int kH, int kW, int stride, int padH, int padW,
                               int dil, int groups, int threads) {
        Torch.setNumThreads(threads);
        Generator gen = new Generator(n * 1000 + c * 10 + o);
        Tensor x64 = new Tensor(Creation.randn(gen, DType.FLOAT64, n, c, h, w)).requiresGrad(true);
        Tensor w64 = new Tensor(Creation.randn(gen, DType.FLOAT64, o, c / groups, kH, kW)).requiresGrad(true);
        Tensor b64 = new Tensor(Creation.randn(gen, DType.FLOAT64, o)).requiresGrad(true);
        Tensor x32 = x64.detach().to(DType.FLOAT32).requiresGrad(true);
        Tensor w32 = w64.detach().to(DType.FLOAT32).requiresGrad(true);
        Tensor b32 = b64.detach().to(DType.FLOAT32).requiresGrad(true);
        int[] s = {stride};
        int[] p = {padH, padW};
        int[] d = {dil};
        Tensor y64 = F.conv2d(x64, w64, b64, s, p, d, groups);
        Tensor y32 = F.conv2d(x32, w32, b32, s, p, d, groups);
        Tensor g = new Tensor(Creation.randn(gen, DType.FLOAT64, y64.shape()));
        y64.backward(g);
        y32.backward(g.to(DType.FLOAT32));
        double tol = 2e-5 * Math.sqrt((double) c * kH * kW);
        assertClose("output", y32, y64, tol);
        assertClose("input grad", x32.grad(), x64.grad(), tol * Math.sqrt(o));
        assertClose("weight grad", w32.grad(), w64.grad(), tol * Math.sqrt(n * y64.size(2) * y64.size(3)));
        assertClose("bias grad", b32.grad(), b64.grad(), tol * Math.sqrt(n * y64.size(2) * y64.size(3)));
    }

    private static void assertClose(String what, Tensor got, Tensor want, double tol) {
        assertThat(got.dtype()).isEqualTo(DType.FLOAT32);
        double err = got.to(DType.FLOAT64).sub(want).abs().max().item();
        double scale = want.abs().max().item();
        assertThat(err).as("%s: max error %s (max |value| %s)", what, err, scale).isLessThanOrEqualTo(tol * (1 + scale));
    }
}
