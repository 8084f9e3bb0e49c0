package jtorch.tensor;

import jtorch.simd.Parallel;
import jtorch.simd.Pool;

/** Max and average pooling on the CPU, over N·C planes spread across the pool. Inputs arrive contiguous. */
final class CpuPool {
    private CpuPool() {}

    private static int planes(NdArray x) {
        return x.size(0) * x.size(1);
    }

    private static int grain(NdArray x) {
        return Math.max(1, Strided.PARALLEL_GRAIN / Math.max(1, x.size(2) * x.size(3)));
    }

    /** Returns the argmax indices (an {@code int[]}, index h·W+w per output element). */
    static int[] maxForward(NdArray x, PoolParams p, NdArray out) {
        int planes = planes(x);
        int hw = x.size(2) * x.size(3);
        int ohw = p.outH() * p.outW();
        int[] idx = new int[planes * ohw];
        Object xa = CpuStorage.arrayOf(x);
        Object ya = CpuStorage.arrayOf(out);
        Parallel.forRange(0, planes, grain(x), (from, to) -> {
            int n = to - from;
            int xo = x.offset() + from * hw;
            int yo = out.offset() + from * ohw;
            if (xa instanceof float[] xf) {
                Pool.maxPool2dForward(n, xf, xo, x.size(2), x.size(3), p.kH(), p.kW(), p.sH(), p.sW(), p.pH(), p.pW(),
                        p.dH(), p.dW(), p.outH(), p.outW(), (float[]) ya, yo, idx, from * ohw);
            } else {
                Pool.maxPool2dForward(n, (double[]) xa, xo, x.size(2), x.size(3), p.kH(), p.kW(), p.sH(), p.sW(),
                        p.pH(), p.pW(), p.dH(), p.dW(), p.outH(), p.outW(), (double[]) ya, yo, idx, from * ohw);
            }
        });
        return idx;
    }

    static void maxBackward(NdArray gy, int[] idx, PoolParams p, NdArray gx) {
        int planes = planes(gx);
        int hw = gx.size(2) * gx.size(3);
        int ohw = p.outH() * p.outW();
        Object ga = CpuStorage.arrayOf(gy);
        Object xa = CpuStorage.arrayOf(gx);
        // Windows that tile the planes: Pool's 2x2 kernel, which writes whole blocks of planes in order.
        boolean tiled = p.kH() == 2 && p.kW() == 2 && p.sH() == 2 && p.sW() == 2 && p.pH() == 0 && p.pW() == 0
                && p.dH() == 1 && p.dW() == 1 && gx.size(2) == 2 * p.outH() && gx.size(3) == 2 * p.outW();
        Parallel.forRange(0, planes, grain(gx), (from, to) -> {
            int n = to - from;
            if (tiled && ga instanceof float[] gf) {
                Pool.maxPool2x2Backward(n, gf, gy.offset() + from * ohw, idx, from * ohw, p.outH(), p.outW(),
                        (float[]) xa, gx.offset() + from * hw);
            } else if (ga instanceof float[] gf) {
                Pool.maxPool2dBackward(n, gf, gy.offset() + from * ohw, idx, from * ohw, p.outH(), p.outW(),
                        (float[]) xa, gx.offset() + from * hw, gx.size(2), gx.size(3));
            } else {
                Pool.maxPool2dBackward(n, (double[]) ga, gy.offset() + from * ohw, idx, from * ohw, p.outH(),
                        p.outW(), (double[]) xa, gx.offset() + from * hw, gx.size(2), gx.size(3));
            }
        });
    }

    static void avgForward(NdArray x, PoolParams p, NdArray out) {
        int hw = x.size(2) * x.size(3);
        int ohw = p.outH() * p.outW();
        Object xa = CpuStorage.arrayOf(x);
        Object ya = CpuStorage.arrayOf(out);
        Parallel.forRange(0, planes(x), grain(x), (from, to) -> {
            int n = to - from;
            if (xa instanceof float[] xf) {
                Pool.avgPool2dForward(n, xf, x.offset() + from * hw, x.size(2), x.size(3), p.kH(), p.kW(), p.sH(),
                        p.sW(), p.pH(), p.pW(), p.outH(), p.outW(), p.countIncludePad(), (float[]) ya,
                        out.offset() + from * ohw);
            } else {
                Pool.avgPool2dForward(n, (double[]) xa, x.offset() + from * hw, x.size(2), x.size(3), p.kH(), p.kW(),
                        p.sH(), p.sW(), p.pH(), p.pW(), p.outH(), p.outW(), p.countIncludePad(), (double[]) ya,
                        out.offset() + from * ohw);
            }
        });
    }

    static void avgBackward(NdArray gy, PoolParams p, NdArray gx) {
        int hw = gx.size(2) * gx.size(3);
        int ohw = p.outH() * p.outW();
        Object ga = CpuStorage.arrayOf(gy);
        Object xa = CpuStorage.arrayOf(gx);
        Parallel.forRange(0, planes(gx), grain(gx), (from, to) -> {
            int n = to - from;
            if (ga instanceof float[] gf) {
                Pool.avgPool2dBackward(n, gf, gy.offset() + from * ohw, gx.size(2), gx.size(3), p.kH(), p.kW(),
                        p.sH(), p.sW(), p.pH(), p.pW(), p.outH(), p.outW(), p.countIncludePad(), (float[]) xa,
                        gx.offset() + from * hw);
            } else {
                Pool.avgPool2dBackward(n, (double[]) ga, gy.offset() + from * ohw, gx.size(2), gx.size(3), p.kH(),
                        p.kW(), p.sH(), p.sW(), p.pH(), p.pW(), p.outH(), p.outW(), p.countIncludePad(),
                        (double[]) xa, gx.offset() + from * hw);
            }
        });
    }
}
