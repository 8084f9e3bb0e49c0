package jtorch.opencl;

import java.util.Arrays;
import jtorch.simd.BinaryOp;
import jtorch.simd.CompareOp;
import jtorch.simd.UnaryOp;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;

/** Strided elementwise ops (elementwise.cl, copy.cl): one work item per element of the output. */
final class ClElementwise {
    private ClElementwise() {}

    private static final String FILE = "elementwise.cl";

    static void unary(OpenCLBackend be, UnaryOp op, NdArray x, NdArray out) {
        DType t = x.dtype();
        be.checkDtype(t);
        if (t == DType.BOOL || (t == DType.INT64 && !integerUnary(op))) {
            throw new IllegalArgumentException("\"" + op.name().toLowerCase() + "\" not implemented for '"
                    + t.scalarTypeName() + "'");
        }
        Geometry g = Geometry.of(out.shape(), x, out);
        if (g.numel() == 0) {
            return;
        }
        be.launch(FILE, Types.opts(t), "unary_op").ints(g.geo()).ints(g.str(0)).ints(g.str(1)).i(op.ordinal())
                .mem(x).mem(out).run(g.numel());
    }

    private static boolean integerUnary(UnaryOp op) {
        return switch (op) {
            case NEG, ABS, SQUARE, SIGN, RELU, FLOOR, CEIL, ROUND -> true;
            default -> false;
        };
    }

    static void binary(OpenCLBackend be, BinaryOp op, NdArray a, NdArray b, NdArray out) {
        DType t = out.dtype();
        be.checkDtype(t);
        if (t == DType.BOOL && op != BinaryOp.ADD && op != BinaryOp.MUL && op != BinaryOp.MAX && op != BinaryOp.MIN) {
            throw new IllegalArgumentException("\"" + op.name().toLowerCase() + "\" not implemented for 'Bool'");
        }
        Geometry g = Geometry.of(out.shape(), a, b, out);
        if (g.numel() == 0) {
            return;
        }
        be.launch(FILE, Types.opts(t), "binary_op").ints(g.geo()).ints(g.str(0)).ints(g.str(1)).ints(g.str(2))
                .i(op.ordinal()).mem(a).mem(b).mem(out).run(g.numel());
    }

    static void compare(OpenCLBackend be, CompareOp op, NdArray a, NdArray b, NdArray out) {
        DType t = a.dtype();
        be.checkDtype(t);
        Geometry g = Geometry.of(out.shape(), a, b, out);
        if (g.numel() == 0) {
            return;
        }
        be.launch(FILE, Types.opts(t), "compare_op").ints(g.geo()).ints(g.str(0)).ints(g.str(1)).ints(g.str(2))
                .i(op.ordinal()).mem(a).mem(b).mem(out).run(g.numel());
    }

    static void where(OpenCLBackend be, NdArray cond, NdArray a, NdArray b, NdArray out) {
        DType t = out.dtype();
        be.checkDtype(t);
        Geometry g = Geometry.of(out.shape(), cond, a, b, out);
        if (g.numel() == 0) {
            return;
        }
        be.launch(FILE, Types.opts(t), "where_op").ints(g.geo()).ints(g.str(0)).ints(g.str(1)).ints(g.str(2))
                .ints(g.str(3)).mem(cond).mem(a).mem(b).mem(out).run(g.numel());
    }

    static void fill(OpenCLBackend be, NdArray dst, double value) {
        DType t = dst.dtype();
        be.checkDtype(t);
        Geometry g = Geometry.of(dst.shape(), dst);
        if (g.numel() == 0) {
            return;
        }
        be.launch(FILE, Types.opts(t), "fill_op").ints(g.geo()).ints(g.str(0)).value(t, value).mem(dst)
                .run(g.numel());
    }

    static void copy(OpenCLBackend be, NdArray src, NdArray dst) {
        if (!Arrays.equals(src.shape(), dst.shape())) {
            throw new IllegalArgumentException("copy: shapes differ: " + Arrays.toString(src.shape()) + " vs "
                    + Arrays.toString(dst.shape()));
        }
        DType st = src.dtype();
        DType dt = dst.dtype();
        be.checkDtype(st);
        be.checkDtype(dt);
        Geometry g = Geometry.of(dst.shape(), src, dst);
        if (g.numel() == 0) {
            return;
        }
        boolean toLongSat = dt == DType.INT64 && st.isFloatingPoint();
        String opts = "-DS=" + Types.c(st) + " -DD=" + Types.c(dt) + " -DTO_BOOL=" + (dt == DType.BOOL ? 1 : 0)
                + " -DTO_LONG_SAT=" + (toLongSat ? 1 : 0);
        be.launch("copy.cl", opts, "copy_op").ints(g.geo()).ints(g.str(0)).ints(g.str(1)).mem(src).mem(dst)
                .run(g.numel());
    }
}
