package jtorch;

import jtorch.autograd.Graph;
import jtorch.tensor.NdArray;
import jtorch.tensor.Ops;
import jtorch.tensor.ReduceOp;

/** Sums, means, max/min and softmax, with their backward formulas. */
final class Reductions {
    private Reductions() {}

    /** The gradient of a reduction's output broadcast back over the input's shape. */
    private static Tensor expandBack(Tensor g, int[] inShape, int[] dims, boolean keepdim) {
        Tensor r = g;
        if (!keepdim && inShape.length > 0) {
            r = g.reshape(keptShape(inShape, dims));
        }
        return r.expand(inShape);
    }

    /** The input shape with reduced dims set to 1. */
    static int[] keptShape(int[] inShape, int[] dims) {
        int[] k = inShape.clone();
        if (dims == null || dims.length == 0) {
            java.util.Arrays.fill(k, 1);
        } else {
            for (int d : dims) {
                k[jtorch.tensor.Shape.wrapDim(d, inShape.length)] = 1;
            }
        }
        return k;
    }

    static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        NdArray y = Ops.sum(x.data(), dims, keepdim);
        int[] s = x.shape();
        String name = dims == null ? "SumBackward0" : "SumBackward1";
        return Graph.record(name, y, g -> new Tensor[] {expandBack(g, s, dims, keepdim)}, x);
    }

    static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        NdArray y = Ops.mean(x.data(), dims, keepdim);
        int[] s = x.shape();
        int count = x.numel() / Math.max(1, y.numel());
        String name = dims == null ? "MeanBackward0" : "MeanBackward1";
        return Graph.record(name, y, g -> new Tensor[] {expandBack(g, s, dims, keepdim).div(count)}, x);
    }

    /** amax/amin (and max()/min() of everything): the gradient is shared equally among tied extremes. */
    static Tensor amax(Tensor x, int[] dims, boolean keepdim, ReduceOp op) {
        NdArray y = Ops.reduce(op, x.data(), dims, keepdim);
        int[] s = x.shape();
        String name = dims == null ? (op == ReduceOp.MAX ? "MaxBackward1" : "MinBackward1")
                : (op == ReduceOp.MAX ? "AmaxBackward0" : "AminBackward0");
        return Graph.record(name, y, g -> {
            Tensor out = expandBack(new Tensor(y), s, dims, keepdim);
            Tensor mask = x.eq(out).to(g.dtype());
            Tensor count = dims == null ? mask.sum() : mask.sum(dims, true);   // broadcasts over x's shape
            return new Tensor[] {expandBack(g, s, dims, keepdim).mul(mask).div(count)};
        }, x);
    }

    static Tensor softmax(Tensor x, int dim, boolean log) {
        NdArray y = Ops.softmax(x.data(), dim, log);
        Tensor out = new Tensor(y);
        if (log) {
            return Graph.record("LogSoftmaxBackward0", y,
                    g -> new Tensor[] {g.sub(out.exp().mul(g.sum(dim, true)))}, x);
        }
        return Graph.record("SoftmaxBackward0", y,
                g -> new Tensor[] {out.mul(g.sub(g.mul(out).sum(dim, true)))}, x);
    }
}
