package jtorch.opencl;

import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import jtorch.tensor.ReduceOp;

/** Reductions, arg-reductions and softmax (reduce.cl). */
final class ClReduce {
    private ClReduce() {}

    private static final String FILE = "reduce.cl";

    /** Reductions longer than this use a work group per output element instead of one work item. */
    private static final int GROUP_THRESHOLD = 256;

    private static final int GROUP = 64;

    static void reduce(OpenCLBackend be, ReduceOp op, NdArray x, NdArray out) {
        DType xt = x.dtype();
        DType ot = out.dtype();
        be.checkDtype(xt);
        be.checkDtype(ot);
        RedLayout r = RedLayout.of(x, RedLayout.reducedDims(x.shape(), out.shape()), out.strides());
        if (r.outCount == 0) {
            return;
        }
        int mode = switch (ot) {
            case FLOAT32, FLOAT64 -> 0;
            case INT64 -> 1;
            case BOOL -> 2;
        };
        if (mode == 0 && (op == ReduceOp.ANY || op == ReduceOp.ALL)) {
            throw new IllegalArgumentException(op + " is not defined for floating point");
        }
        if (mode == 1 && (op == ReduceOp.ANY || op == ReduceOp.ALL)) {
            throw new IllegalArgumentException(op + " is not defined for int64");
        }
        String acc = switch (mode) {
            // Float sums accumulate in double when the device has it, as the CPU backend does.
            case 0 -> be.info().fp64() ? "double" : "float";
            case 1 -> "long";
            default -> "int";
        };
        String opts = "-DX=" + Types.c(xt) + " -DO=" + Types.c(ot) + " -DACC=" + acc + " -DMODE=" + mode;
        boolean group = r.redCount > GROUP_THRESHOLD;
        Launch l = be.launch(FILE, opts, group ? "reduce_group" : "reduce_serial").ints(r.words()).i(op.ordinal())
                .i(x.offset()).i(out.offset()).mem(x).mem(out);
        if (group) {
            l.run(new long[] {(long) r.outCount * GROUP}, new long[] {GROUP});
        } else {
            l.run(r.outCount);
        }
    }

    static void argReduce(OpenCLBackend be, boolean max, NdArray x, int dim, NdArray out) {
        if (x.size(dim) == 0) {
            throw new IllegalArgumentException((max ? "argmax" : "argmin") + "(): Expected reduction dim " + dim
                    + " to have non-zero size.");
        }
        be.checkDtype(x.dtype());
        RedLayout r = RedLayout.alongDim(x, dim, out.strides());
        if (r.outCount == 0) {
            return;
        }
        String opts = "-DX=" + Types.c(x.dtype()) + " -DARG -DARG_FLOAT=" + (x.dtype().isFloatingPoint() ? 1 : 0);
        be.launch(FILE, opts, "arg_reduce").ints(r.words()).i(max ? 1 : 0).i(x.offset()).i(out.offset()).mem(x)
                .mem(out).run(r.outCount);
    }

    static void softmax(OpenCLBackend be, NdArray x, int dim, boolean log, NdArray out) {
        DType t = x.dtype();
        be.checkDtype(t);
        RedLayout r = RedLayout.alongDim(x, dim, out.strides());
        if (r.outCount == 0 || x.size(dim) == 0) {
            return;
        }
        String acc = be.info().fp64() ? "double" : "float";
        String opts = "-DX=" + Types.c(t) + " -DACC=" + acc + " -DSOFTMAX";
        be.launch(FILE, opts, "softmax_rows").ints(r.words()).i(out.stride(dim)).i(log ? 1 : 0).i(x.offset())
                .i(out.offset()).mem(x).mem(out).run(r.outCount);
    }
}
