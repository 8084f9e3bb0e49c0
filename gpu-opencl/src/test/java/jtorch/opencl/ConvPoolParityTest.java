package jtorch.opencl;

import static jtorch.opencl.Parity.CPU;
import static jtorch.opencl.Parity.assertClose;
import static jtorch.opencl.Parity.backend;
import static jtorch.opencl.Parity.dev;
import static jtorch.opencl.Parity.devZeros;

import java.util.Random;
import jtorch.tensor.ConvParams;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import jtorch.tensor.PoolParams;
import org.junit.jupiter.api.Test;

/** conv2d forward/backward and max/avg pooling forward/backward against the CPU backend. */
class ConvPoolParityTest {
    private final Random r = new Random(5);

    private static int outSize(int in, int k, int pad, int stride, int dil) {
        return (in + 2 * pad - dil * (k - 1) - 1) / stride + 1;
    }

    /** n, c, h, w, o, kH, kW, stride, pad, dilation, groups. */
    private void checkConv(int n, int c, int h, int w, int o, int kH, int kW, int s, int p, int d, int g,
                           boolean bias) {
        String what = "conv n" + n + " c" + c + " " + h + "x" + w + " o" + o + " k" + kH + "x" + kW + " s" + s + " p"
                + p + " d" + d + " g" + g;
        ConvParams cp = new ConvParams(s, s, p, p, d, d, g);
        NdArray x = Parity.randn(r, n, c, h, w);
        NdArray wt = Parity.randn(r, o, c / g, kH, kW);
        NdArray b = bias ? Parity.randn(r, o) : null;
        int oH = outSize(h, kH, p, s, d);
        int oW = outSize(w, kW, p, s, d);
        NdArray want = NdArray.zeros(DType.FLOAT32, n, o, oH, oW);
        CPU.conv2d(x, wt, b, cp, want);
        NdArray got = devZeros(DType.FLOAT32, n, o, oH, oW);
        backend().conv2d(dev(x), dev(wt), b == null ? null : dev(b), cp, got);
        assertClose(want, got, 1e-4, 1e-4, what + " forward");

        NdArray gy = Parity.randn(r, n, o, oH, oW);
        NdArray gx = NdArray.zeros(DType.FLOAT32, x.shape());
        NdArray gw = NdArray.zeros(DType.FLOAT32, wt.shape());
        NdArray gb = NdArray.zeros(DType.FLOAT32, o);
        CPU.conv2dBackward(gy, x, wt, cp, gx, gw, gb);
        NdArray dgx = devZeros(DType.FLOAT32, x.shape());
        NdArray dgw = devZeros(DType.FLOAT32, wt.shape());
        NdArray dgb = devZeros(DType.FLOAT32, o);
        backend().conv2dBackward(dev(gy), dev(x), dev(wt), cp, dgx, dgw, dgb);
        assertClose(gx, dgx, 1e-4, 1e-4, what + " grad input");
        assertClose(gw, dgw, 1e-4, 1e-3, what + " grad weight");
        assertClose(gb, dgb, 1e-4, 1e-4, what + " grad bias");
    }

    @Test
    void conv2dGeometries() {
        checkConv(2, 3, 9, 9, 4, 3, 3, 1, 1, 1, 1, true);
        checkConv(3, 4, 11, 7, 6, 3, 2, 2, 1, 1, 2, false);
        checkConv(1, 2, 10, 10, 3, 3, 3, 1, 2, 2, 1, true);
        checkConv(4, 5, 6, 6, 7, 1, 1, 1, 0, 1, 1, true);
        checkConv(2, 1, 28, 28, 8, 5, 5, 1, 0, 1, 1, true);
    }

    private static PoolParams pool(int h, int w, int k, int s, int p, int d, boolean include) {
        return new PoolParams(k, k, s, s, p, p, d, d, outSize(h, k, p, s, d), outSize(w, k, p, s, d), include);
    }

    @Test
    void maxPoolForwardBackwardAndIndices() {
        int[][] cfg = {{2, 2, 0, 1}, {3, 2, 1, 1}, {3, 1, 1, 2}, {2, 3, 0, 1}};
        for (int[] c : cfg) {
            NdArray x = Parity.randn(r, 2, 3, 9, 8);
            ((float[]) ((jtorch.tensor.CpuStorage) x.storage()).array())[5] = Float.NaN;
            PoolParams p = pool(9, 8, c[0], c[1], c[2], c[3], false);
            String what = "maxpool k" + c[0] + " s" + c[1] + " p" + c[2] + " d" + c[3];
            int[] os = {2, 3, p.outH(), p.outW()};
            NdArray want = NdArray.zeros(DType.FLOAT32, os);
            Object idx = CPU.maxPool2d(x, p, want);
            NdArray got = devZeros(DType.FLOAT32, os);
            Object didx = backend().maxPool2d(dev(x), p, got);
            assertClose(want, got, 0, 0, what);
            assertClose(CPU.maxPool2dIndices(idx, os), backend().maxPool2dIndices(didx, os), what + " indices");
            NdArray gy = Parity.randn(r, os);
            NdArray gx = NdArray.zeros(DType.FLOAT32, x.shape());
            CPU.maxPool2dBackward(gy, idx, p, gx);
            NdArray dgx = devZeros(DType.FLOAT32, x.shape());
            backend().maxPool2dBackward(dev(gy), didx, p, dgx);
            assertClose(gx, dgx, 1e-5, 1e-5, what + " backward");
        }
    }

    @Test
    void avgPoolForwardAndBackward() {
        int[][] cfg = {{2, 2, 0}, {3, 2, 1}, {3, 1, 1}, {4, 3, 2}};
        for (int[] c : cfg) {
            for (boolean include : new boolean[] {true, false}) {
                NdArray x = Parity.randn(r, 2, 2, 10, 7);
                PoolParams p = pool(10, 7, c[0], c[1], c[2], 1, include);
                String what = "avgpool k" + c[0] + " s" + c[1] + " p" + c[2] + " include " + include;
                int[] os = {2, 2, p.outH(), p.outW()};
                NdArray want = NdArray.zeros(DType.FLOAT32, os);
                CPU.avgPool2d(x, p, want);
                NdArray got = devZeros(DType.FLOAT32, os);
                backend().avgPool2d(dev(x), p, got);
                assertClose(want, got, 1e-5, 1e-6, what);
                NdArray gy = Parity.randn(r, os);
                NdArray gx = NdArray.zeros(DType.FLOAT32, x.shape());
                CPU.avgPool2dBackward(gy, p, gx);
                NdArray dgx = devZeros(DType.FLOAT32, x.shape());
                backend().avgPool2dBackward(dev(gy), p, dgx);
                assertClose(gx, dgx, 1e-5, 1e-6, what + " backward");
            }
        }
    }
}
