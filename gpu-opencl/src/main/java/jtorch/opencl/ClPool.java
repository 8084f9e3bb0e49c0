package jtorch.opencl;

import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import jtorch.tensor.PoolParams;

/**
 * Max and average pooling (pool.cl). The max-pool argmax handle is an {@link OpenCLStorage} of int32
 * positions (h·W + w per plane) that stays on the device for the backward pass.
 */
final class ClPool {
    private ClPool() {}

    private static final String FILE = "pool.cl";

    private static int[] geo(NdArray x, PoolParams p) {
        return new int[] {x.size(0) * x.size(1), x.size(2), x.size(3), p.kH(), p.kW(), p.sH(), p.sW(), p.pH(), p.pW(),
            p.dH(), p.dW(), p.outH(), p.outW(), p.countIncludePad() ? 1 : 0};
    }

    static OpenCLStorage maxForward(OpenCLBackend be, NdArray x, PoolParams p, NdArray out) {
        be.checkDtype(x.dtype());
        int n = out.numel();
        // Int32 positions in a buffer of 4-byte elements; the dtype tag only sizes the buffer.
        OpenCLStorage idx = be.raw(DType.FLOAT32, n);
        if (n > 0) {
            be.launch(FILE, Types.opts(x.dtype()), "max_fwd").ints(geo(x, p)).mem(x).i(x.offset()).mem(out)
                    .i(out.offset()).mem(idx.mem()).run(n);
        }
        return idx;
    }

    static void maxBackward(OpenCLBackend be, NdArray gy, OpenCLStorage idx, PoolParams p, NdArray gx) {
        int n = gx.numel();
        if (n == 0 || gy.numel() == 0) {
            return;
        }
        be.launch(FILE, Types.opts(gx.dtype()), "max_bwd").ints(geo(gx, p)).mem(gy).i(gy.offset()).mem(idx.mem())
                .mem(gx).i(gx.offset()).run(n);
    }

    static NdArray indicesAsLong(OpenCLBackend be, OpenCLStorage idx, int[] outShape) {
        NdArray out = be.empty(DType.INT64, outShape);
        int n = out.numel();
        if (n > 0) {
            be.launch(FILE, Types.opts(DType.FLOAT32), "idx_to_long").i(n).mem(idx.mem()).mem(out).run(n);
        }
        return out;
    }

    static void avgForward(OpenCLBackend be, NdArray x, PoolParams p, NdArray out) {
        be.checkDtype(x.dtype());
        int n = out.numel();
        if (n > 0) {
            be.launch(FILE, Types.opts(x.dtype()), "avg_fwd").ints(geo(x, p)).mem(x).i(x.offset()).mem(out)
                    .i(out.offset()).run(n);
        }
    }

    static void avgBackward(OpenCLBackend be, NdArray gy, PoolParams p, NdArray gx) {
        int n = gx.numel();
        if (n == 0 || gy.numel() == 0) {
            return;
        }
        be.launch(FILE, Types.opts(gx.dtype()), "avg_bwd").ints(geo(gx, p)).mem(gy).i(gy.offset()).mem(gx)
                .i(gx.offset()).run(n);
    }
}
