package jtorch.tensor;

import java.util.Arrays;
import java.util.List;
import jtorch.simd.BinaryOp;
import jtorch.simd.CompareOp;
import jtorch.simd.UnaryOp;

/**
 * The tensor core's operations with PyTorch's semantics: argument checks with PyTorch's messages,
 * broadcasting, type promotion, output allocation on the inputs' device, then one {@link Backend} call.
 * Autograd builds on these; they never record a graph.
 */
public final class Ops {
    private Ops() {}

    // ---------------------------------------------------------------- devices and dtypes

    /**
     * The backend shared by all arrays (nulls, e.g. an absent bias, are skipped); PyTorch's message when they sit on
     * different devices.
     */
    public static Backend backendOf(NdArray... arrays) {
        NdArray first = null;
        for (NdArray a : arrays) {
            if (a == null) {
                continue;
            }
            if (first == null) {
                first = a;
            } else if (!a.device().equals(first.device())) {
                throw new IllegalArgumentException("Expected all tensors to be on the same device, but found at least"
                        + " two devices, " + first.device() + " and " + a.device() + "!");
            }
        }
        return first.backend();
    }

    /**
     * PyTorch's result type for a binary op: dimensioned tensors win over 0-d ones of the same category
     * (bool &lt; integer &lt; floating); a 0-d tensor of a higher category promotes to its category's default
     * (float32 for floating).
     */
    public static DType resultType(NdArray a, NdArray b) {
        boolean a0 = a.dim() == 0;
        boolean b0 = b.dim() == 0;
        if (a0 == b0) {
            return DType.promote(a.dtype(), b.dtype());
        }
        NdArray dimmed = a0 ? b : a;
        NdArray zero = a0 ? a : b;
        if (category(zero.dtype()) > category(dimmed.dtype())) {
            return zero.dtype() == DType.FLOAT64 && category(dimmed.dtype()) < 2 ? DType.FLOAT32 : zero.dtype();
        }
        return dimmed.dtype();
    }

    private static int category(DType t) {
        return switch (t) {
            case BOOL -> 0;
            case INT64 -> 1;
            case FLOAT32, FLOAT64 -> 2;
        };
    }

    /** The dtype of {@code x op scalar} for a Java number: integral scalars keep x's type, others need floating. */
    static DType scalarResultType(DType x, double s) {
        boolean integral = s == Math.rint(s) && !Double.isInfinite(s);
        if (x.isFloatingPoint()) {
            return x;
        }
        return integral ? (x == DType.BOOL ? DType.INT64 : x) : DType.FLOAT32;
    }

    // ---------------------------------------------------------------- elementwise

    /** {@code op(x)}; integer and bool inputs of floating ops compute in float32, as PyTorch. */
    public static NdArray unary(UnaryOp op, NdArray x) {
        DType t = x.dtype();
        if (!t.isFloatingPoint() && !integerUnary(op)) {
            x = x.to(DType.FLOAT32);
            t = DType.FLOAT32;
        } else if (t == DType.BOOL) {
            x = x.to(DType.INT64);
            t = DType.INT64;
        }
        NdArray out = NdArray.zeros(x.backend(), t, x.shape());
        x.backend().unary(op, x, out);
        return out;
    }

    /**
     * {@code x = op(x)}, in place, for floating-point {@code x} (the result keeps x's dtype). Every element is read
     * and written at the same position, so views and overlapping (expanded) elements are fine for idempotent ops.
     */
    public static void unaryInPlace(UnaryOp op, NdArray x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("in-place " + op.name().toLowerCase() + " needs a floating-point tensor, got "
                    + x.dtype().torchName());
        }
        x.backend().unary(op, x, x);
    }

    private static boolean integerUnary(UnaryOp op) {
        return op == UnaryOp.NEG || op == UnaryOp.ABS || op == UnaryOp.SIGN || op == UnaryOp.SQUARE
                || op == UnaryOp.RELU || op == UnaryOp.FLOOR || op == UnaryOp.CEIL || op == UnaryOp.ROUND;
    }

    /** {@code a op b} with broadcasting and type promotion (true division always gives floating point). */
    public static NdArray binary(BinaryOp op, NdArray a, NdArray b) {
        Backend be = backendOf(a, b);
        DType t = resultType(a, b);
        if ((op == BinaryOp.DIV || op == BinaryOp.RDIV) && !t.isFloatingPoint()) {
            t = DType.FLOAT32;   // TORCH: torch.div is true division
        }
        if (t == DType.BOOL && op != BinaryOp.ADD && op != BinaryOp.MUL && op != BinaryOp.MAX && op != BinaryOp.MIN) {
            t = DType.INT64;
        }
        int[] shape = Shape.broadcast(a.shape(), b.shape());
        NdArray out = NdArray.zeros(be, t, shape);
        be.binary(op, a.to(t).expand(shape), b.to(t).expand(shape), out);
        return out;
    }

    /** {@code a op s} for a Java scalar. */
    public static NdArray binary(BinaryOp op, NdArray a, double s) {
        DType t = scalarResultType(a.dtype(), s);
        return binary(op, a, NdArray.scalar(t == DType.BOOL ? DType.INT64 : t, s).toDevice(a.backend()));
    }

    /** In place: {@code self = self op b} (b broadcast to self's shape; self's dtype kept). */
    public static NdArray binaryInPlace(BinaryOp op, NdArray self, NdArray b) {
        Backend be = backendOf(self, b);
        int[] shape = self.shape();
        int[] bs = Shape.broadcast(shape, b.shape());
        if (!Arrays.equals(bs, shape)) {
            throw new IllegalArgumentException("output with shape " + Shape.str(shape)
                    + " doesn't match the broadcast shape " + Shape.str(bs));
        }
        be.binary(op, self, b.to(self.dtype()).expand(shape), self);
        return self;
    }

    /** {@code a op b} as bool, with broadcasting; the comparison happens in the promoted type. */
    public static NdArray compare(CompareOp op, NdArray a, NdArray b) {
        Backend be = backendOf(a, b);
        DType t = resultType(a, b);
        int[] shape = Shape.broadcast(a.shape(), b.shape());
        NdArray out = NdArray.zeros(be, DType.BOOL, shape);
        be.compare(op, a.to(t).expand(shape), b.to(t).expand(shape), out);
        return out;
    }

    public static NdArray compare(CompareOp op, NdArray a, double s) {
        DType t = a.dtype().isFloatingPoint() ? a.dtype() : (s == Math.rint(s) ? DType.INT64 : DType.FLOAT32);
        return compare(op, a, NdArray.scalar(t, s).toDevice(a.backend()));
    }

    /** {@code cond ? a : b} elementwise with broadcasting; cond must be bool. */
    public static NdArray where(NdArray cond, NdArray a, NdArray b) {
        Backend be = backendOf(cond, a, b);
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor with dtype "
                    + cond.dtype().scalarTypeName());
        }
        DType t = resultType(a, b);
        int[] shape = Shape.broadcast(Shape.broadcast(cond.shape(), a.shape()), b.shape());
        NdArray out = NdArray.zeros(be, t, shape);
        be.where(cond.expand(shape), a.to(t).expand(shape), b.to(t).expand(shape), out);
        return out;
    }

    // ---------------------------------------------------------------- reductions

    /** Reduces over {@code dims} (all dims when empty); keepdim keeps them as size 1. */
    public static NdArray reduce(ReduceOp op, NdArray x, int[] dims, boolean keepdim) {
        int rank = x.dim();
        boolean[] reduced = new boolean[rank];
        if (dims == null || dims.length == 0) {
            Arrays.fill(reduced, true);
        } else {
            for (int d : dims) {
                int w = Shape.wrapDim(d, rank);
                if (rank > 0 && reduced[w]) {
                    throw new IllegalArgumentException("dim " + w + " appears multiple times in the list of dims");
                }
                if (rank > 0) {
                    reduced[w] = true;
                }
            }
        }
        int[] keepShape = x.shape();
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                if ((op == ReduceOp.MAX || op == ReduceOp.MIN) && keepShape[d] == 0) {
                    throw new IllegalArgumentException((op == ReduceOp.MAX ? "max" : "min")
                            + "(): Expected reduction dim " + d + " to have non-zero size.");
                }
                keepShape[d] = 1;
            }
        }
        DType t = switch (op) {
            case SUM, PROD -> x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
            case MAX, MIN -> x.dtype();
            case ANY, ALL -> DType.BOOL;
        };
        NdArray out = NdArray.zeros(x.backend(), t, keepShape);
        if (op == ReduceOp.MAX || op == ReduceOp.MIN) {
            if (x.numel() == 0) {
                throw new IllegalArgumentException((op == ReduceOp.MAX ? "max" : "min")
                        + "(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim"
                        + " with the 'dim' argument.");
            }
        }
        x.backend().reduce(op, x, out);
        return keepdim ? out : squeezeDims(out, reduced);
    }

    private static NdArray squeezeDims(NdArray out, boolean[] reduced) {
        int keep = 0;
        for (boolean r : reduced) {
            if (!r) {
                keep++;
            }
        }
        int[] s = new int[keep];
        int[] shape = out.shape();
        for (int d = 0, j = 0; d < reduced.length; d++) {
            if (!reduced[d]) {
                s[j++] = shape[d];
            }
        }
        return out.view(s);
    }

    public static NdArray sum(NdArray x, int[] dims, boolean keepdim) {
        return reduce(ReduceOp.SUM, x, dims, keepdim);
    }

    /** Mean over dims; integer inputs are an error as in PyTorch. */
    public static NdArray mean(NdArray x, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a floating"
                    + " point or complex dtype. Got: " + x.dtype().scalarTypeName());
        }
        NdArray s = sum(x, dims, keepdim);
        int count = s.numel() == 0 ? 0 : x.numel() / Math.max(1, s.numel());
        if (x.numel() == 0) {
            count = 0;
        }
        return binary(BinaryOp.DIV, s, (double) count);
    }

    /** Index of the maximum (or minimum) along dim, as int64; flattens when dim is null. */
    public static NdArray argReduce(boolean max, NdArray x, Integer dim, boolean keepdim) {
        if (dim == null) {
            NdArray flat = x.reshape(-1);
            if (flat.numel() == 0) {
                throw new IllegalArgumentException((max ? "argmax" : "argmin")
                        + "(): Expected reduction dim to be specified for input.numel() == 0.");
            }
            NdArray r = argReduce(max, flat, 0, false);
            return keepdim ? r.reshape(onesLike(x.dim())) : r;
        }
        int d = Shape.wrapDim(dim, x.dim());
        NdArray xv = x.dim() == 0 ? x.reshape(1) : x;
        int[] keepShape = xv.shape();
        keepShape[d] = 1;
        NdArray out = NdArray.zeros(x.backend(), DType.INT64, keepShape);
        x.backend().argReduce(max, xv, d, out);
        if (x.dim() == 0) {
            return out.reshape();
        }
        return keepdim ? out : out.squeeze(d);
    }

    private static int[] onesLike(int rank) {
        int[] s = new int[rank];
        Arrays.fill(s, 1);
        return s;
    }

    /** (Log-)softmax along dim, in x's floating dtype. */
    public static NdArray softmax(NdArray x, int dim, boolean log) {
        NdArray xf = x.dtype().isFloatingPoint() ? x : x.to(DType.FLOAT32);
        NdArray xv = xf.dim() == 0 ? xf.reshape(1) : xf;
        int d = Shape.wrapDim(dim, xf.dim());
        NdArray out = NdArray.zeros(x.backend(), xf.dtype(), xv.shape());
        if (out.numel() > 0) {
            x.backend().softmax(xv, d, log, out);
        }
        return xf.dim() == 0 ? out.reshape() : out;
    }

    // ---------------------------------------------------------------- linear algebra

    /** torch.matmul: 1-D and 2-D products, and batched products with broadcast batch dims. */
    public static NdArray matmul(NdArray a, NdArray b) {
        Backend be = backendOf(a, b);
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are "
                    + a.dim() + "D and " + b.dim() + "D");
        }
        DType t = resultType(a, b);
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + a.dtype().scalarTypeName() + " but found "
                    + b.dtype().scalarTypeName());
        }
        boolean aVec = a.dim() == 1;
        boolean bVec = b.dim() == 1;
        NdArray a2 = aVec ? a.unsqueeze(0) : a;
        NdArray b2 = bVec ? b.unsqueeze(1) : b;
        int m = a2.size(-2);
        int k = a2.size(-1);
        int k2 = b2.size(-2);
        int n = b2.size(-1);
        if (k != k2) {
            if (a.dim() <= 2 && b.dim() <= 2) {
                if (aVec && bVec) {
                    throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + a.size(0)
                            + "] and src [" + b.size(0) + "] to have the same number of elements, but got " + a.size(0)
                            + " and " + b.size(0) + " elements respectively");
                }
                throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + m + "x" + k + " and "
                        + k2 + "x" + n + ")");
            }
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + batchOf(a2) + ", " + k + "] but got: [" + batchOf(b2) + ", " + k2 + "].");
        }
        int[] batchA = Arrays.copyOf(a2.shape(), a2.dim() - 2);
        int[] batchB = Arrays.copyOf(b2.shape(), b2.dim() - 2);
        int[] batch = Shape.broadcast(batchA, batchB);
        int bn = Shape.numel(batch);
        NdArray a3 = a2.expand(concat(batch, m, k)).reshape(bn, m, k);
        NdArray b3 = b2.expand(concat(batch, k, n)).reshape(bn, k, n);
        NdArray out = NdArray.zeros(be, t, bn, m, n);
        if (out.numel() > 0) {
            if (k == 0) {
                be.fill(out, 0);
            } else {
                be.matmul(a3, b3, out);
            }
        }
        int[] outShape = concat(batch, m, n);
        NdArray r = out.view(outShape);
        if (aVec) {
            r = r.squeeze(-2);
        }
        if (bVec) {
            r = r.squeeze(-1);
        }
        return r;
    }

    private static int batchOf(NdArray x) {
        int b = 1;
        for (int i = 0; i < x.dim() - 2; i++) {
            b *= x.size(i);
        }
        return b;
    }

    /** torch.bmm: [B, m, k] x [B, k, n]. */
    public static NdArray bmm(NdArray a, NdArray b) {
        checkBmm(a, b);
        return matmul(a, b);
    }

    /** torch.bmm's argument checks, with its messages. */
    public static void checkBmm(NdArray a, NdArray b) {
        if (a.dim() != 3) {
            throw new IllegalArgumentException("batch1 must be a 3D tensor");
        }
        if (b.dim() != 3) {
            throw new IllegalArgumentException("batch2 must be a 3D tensor");
        }
        if (a.size(0) != b.size(0) || a.size(2) != b.size(1)) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + a.size(0) + ", " + a.size(2) + "] but got: [" + b.size(0) + ", " + b.size(1) + "].");
        }
    }

    static int[] concat(int[] head, int... tail) {
        int[] r = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, r, head.length, tail.length);
        return r;
    }

    // ---------------------------------------------------------------- joining and indexing

    /** torch.cat along dim; every input must match except in dim. */
    public static NdArray cat(List<NdArray> xs, int dim) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
        }
        NdArray first = xs.getFirst();
        if (first.dim() == 0) {
            throw new IllegalArgumentException("zero-dimensional tensor (at position 0) cannot be concatenated");
        }
        int d = Shape.wrapDim(dim, first.dim());
        DType t = first.dtype();
        int total = 0;
        for (int i = 0; i < xs.size(); i++) {
            NdArray x = xs.get(i);
            if (x.dim() != first.dim()) {
                throw new IllegalArgumentException("Tensors must have same number of dimensions: got " + first.dim()
                        + " and " + x.dim());
            }
            for (int j = 0; j < x.dim(); j++) {
                if (j != d && x.size(j) != first.size(j)) {
                    throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + d
                            + ". Expected size " + first.size(j) + " but got size " + x.size(j) + " for tensor number "
                            + i + " in the list.");
                }
            }
            t = DType.promote(t, x.dtype());
            total += x.size(d);
        }
        Backend be = backendOf(xs.toArray(NdArray[]::new));
        int[] shape = first.shape();
        shape[d] = total;
        NdArray out = NdArray.zeros(be, t, shape);
        int at = 0;
        for (NdArray x : xs) {
            int len = x.size(d);
            if (len > 0) {
                be.copy(x, out.narrow(d, at, len));
            }
            at += len;
        }
        return out;
    }

    /** torch.stack: inputs of equal shape joined along a new dim. */
    public static NdArray stack(List<NdArray> xs, int dim) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("stack expects a non-empty TensorList");
        }
        int[] s0 = xs.getFirst().shape();
        int d = Shape.wrapDim(dim, s0.length + 1);
        NdArray[] parts = new NdArray[xs.size()];
        for (int i = 0; i < parts.length; i++) {
            NdArray x = xs.get(i);
            if (!Arrays.equals(x.shape(), s0)) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Shape.str(s0) + " at entry 0 and " + Shape.str(x.shape()) + " at entry " + i);
            }
            parts[i] = x.unsqueeze(d);
        }
        return cat(List.of(parts), d);
    }

    public static NdArray indexSelect(NdArray x, int dim, NdArray index) {
        Backend be = backendOf(x, index);
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index_select(): Expected dtype int64 for index");
        }
        if (index.dim() > 1) {
            throw new IllegalArgumentException("index_select(): Index is supposed to be a vector");
        }
        NdArray xv = x.dim() == 0 ? x.reshape(1) : x;
        int d = Shape.wrapDim(dim, xv.dim());
        int[] shape = xv.shape();
        shape[d] = index.numel();
        NdArray out = NdArray.zeros(be, x.dtype(), shape);
        be.indexSelect(xv, d, index.reshape(-1), out);
        return x.dim() == 0 ? out.reshape() : out;
    }

    public static NdArray gather(NdArray x, int dim, NdArray index) {
        Backend be = backendOf(x, index);
        checkGatherShapes("gather", x, dim, index);
        NdArray out = NdArray.zeros(be, x.dtype(), index.shape());
        be.gather(x, Shape.wrapDim(dim, x.dim()), index, out);
        return out;
    }

    /** Out of place: a copy of self with src added at index along dim. */
    public static NdArray scatterAdd(NdArray self, int dim, NdArray index, NdArray src) {
        Backend be = backendOf(self, index, src);
        checkGatherShapes("scatter_add", self, dim, index);
        for (int i = 0; i < index.dim(); i++) {
            if (index.size(i) > src.size(i)) {
                throw new IllegalArgumentException("Expected index " + Shape.str(index.shape())
                        + " to be smaller than src " + Shape.str(src.shape()) + " apart from dimension " + dim);
            }
        }
        NdArray out = self.copyContiguous();
        be.scatterAdd(out, Shape.wrapDim(dim, self.dim()), index, src.to(self.dtype()));
        return out;
    }

    private static void checkGatherShapes(String op, NdArray x, int dim, NdArray index) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + "(): Expected dtype int64 for index");
        }
        if (index.dim() != x.dim()) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as input tensor");
        }
        int d = Shape.wrapDim(dim, x.dim());
        for (int i = 0; i < x.dim(); i++) {
            if (i != d && index.size(i) > x.size(i)) {
                throw new IllegalArgumentException("Size does not match at dimension " + i + " expected index "
                        + Shape.str(index.shape()) + " to be smaller than self " + Shape.str(x.shape())
                        + " apart from dimension " + d);
            }
        }
    }
}
