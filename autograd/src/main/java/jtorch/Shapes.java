package jtorch;

import java.util.List;
import jtorch.tensor.DType;
import jtorch.autograd.Graph;
import jtorch.tensor.NdArray;
import jtorch.tensor.Ops;
import jtorch.tensor.Shape;

/** Views, copies, joins and indexing, with their backward formulas. */
final class Shapes {
    private Shapes() {}

    static Tensor view(Tensor x, int[] shape) {
        NdArray y = x.data().view(shape);
        int[] s = x.shape();
        return Graph.record("ViewBackward0", y, g -> new Tensor[] {g.reshape(s)}, x);
    }

    static Tensor reshape(Tensor x, int[] shape) {
        NdArray y = x.data().reshape(shape);
        int[] s = x.shape();
        // TORCH: a reshape that can be a view records ViewBackward0; one that copies, UnsafeViewBackward0.
        String name = y.storage() == x.data().storage() ? "ViewBackward0" : "UnsafeViewBackward0";
        return Graph.record(name, y, g -> new Tensor[] {g.reshape(s)}, x);
    }

    static Tensor permute(Tensor x, int[] dims) {
        NdArray y = x.data().permute(dims);
        int[] inverse = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            inverse[Shape.wrapDim(dims[i], dims.length)] = i;
        }
        return Graph.record("PermuteBackward0", y, g -> new Tensor[] {g.permute(inverse)}, x);
    }

    static Tensor transpose(Tensor x, int d0, int d1) {
        NdArray y = x.data().transpose(d0, d1);
        return Graph.record("TransposeBackward0", y, g -> new Tensor[] {g.transpose(d0, d1)}, x);
    }

    static Tensor t(Tensor x) {
        NdArray y = x.data().t();
        return Graph.record("TBackward0", y, g -> new Tensor[] {g.t()}, x);
    }

    static Tensor expand(Tensor x, int[] shape) {
        NdArray y = x.data().expand(shape);
        int[] s = x.shape();
        return Graph.record("ExpandBackward0", y, g -> new Tensor[] {Pointwise.sumTo(g, s, null)}, x);
    }

    static Tensor squeeze(Tensor x, Integer dim) {
        NdArray y = dim == null ? x.data().squeeze() : x.data().squeeze(dim);
        int[] s = x.shape();
        return Graph.record(dim == null ? "SqueezeBackward0" : "SqueezeBackward1", y,
                g -> new Tensor[] {g.reshape(s)}, x);
    }

    static Tensor unsqueeze(Tensor x, int dim) {
        NdArray y = x.data().unsqueeze(dim);
        int[] s = x.shape();
        return Graph.record("UnsqueezeBackward0", y, g -> new Tensor[] {g.reshape(s)}, x);
    }

    static Tensor narrow(Tensor x, int dim, int start, int length) {
        NdArray y = x.data().narrow(dim, start, length);
        int[] s = x.shape();
        int d = Shape.wrapDim(dim, s.length);
        int st = start < 0 ? start + s[d] : start;
        // TORCH: narrow is a slice, so its node is SliceBackward0.
        return Graph.record("SliceBackward0", y, g -> new Tensor[] {embed(g, s, z -> z.narrow(d, st, length))}, x);
    }

    static Tensor select(Tensor x, int dim, int index) {
        NdArray y = x.data().select(dim, index);
        int[] s = x.shape();
        return Graph.record("SelectBackward0", y, g -> new Tensor[] {embed(g, s, z -> z.select(dim, index))}, x);
    }

    /** A zero tensor of {@code shape} with {@code g} written into the view {@code where} picks. */
    private static Tensor embed(Tensor g, int[] shape, java.util.function.UnaryOperator<NdArray> where) {
        NdArray z = NdArray.zeros(g.data().backend(), g.dtype(), shape);
        NdArray target = where.apply(z);
        target.backend().copy(g.data(), target);
        return new Tensor(z);
    }

    static Tensor clone(Tensor x, String name) {
        NdArray y = x.data().copyContiguous();
        return Graph.record(name, y, g -> new Tensor[] {g}, x);
    }

    static Tensor toDType(Tensor x, DType dtype) {
        if (x.dtype() == dtype) {
            return x;
        }
        NdArray y = x.data().to(dtype);
        DType from = x.dtype();
        if (!dtype.isFloatingPoint()) {
            return new Tensor(y);   // no gradient flows through a cast to an integer type
        }
        return Graph.record("ToCopyBackward0", y, g -> new Tensor[] {g.to(from)}, x);
    }

    static Tensor toDevice(Tensor x, jtorch.tensor.Device device) {
        if (x.device().equals(device)) {
            return x;
        }
        jtorch.tensor.Device from = x.device();
        NdArray y = x.data().toDevice(jtorch.tensor.Backends.forDevice(device));
        return Graph.record("ToCopyBackward0", y, g -> new Tensor[] {g.to(from)}, x);
    }

    static Tensor cat(List<Tensor> xs, int dim) {
        NdArray y = Ops.cat(Tensor.datas(xs), dim);
        int d = Shape.wrapDim(dim, y.dim());
        int[] sizes = new int[xs.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = xs.get(i).size(d);
        }
        return Graph.record("CatBackward0", y, g -> {
            Tensor[] parts = new Tensor[sizes.length];
            int at = 0;
            for (int i = 0; i < sizes.length; i++) {
                parts[i] = g.narrow(d, at, sizes[i]);
                at += sizes[i];
            }
            return parts;
        }, xs.toArray(Tensor[]::new));
    }

    static Tensor stack(List<Tensor> xs, int dim) {
        NdArray y = Ops.stack(Tensor.datas(xs), dim);
        int d = Shape.wrapDim(dim, y.dim());
        int n = xs.size();
        return Graph.record("StackBackward0", y, g -> {
            Tensor[] parts = new Tensor[n];
            for (int i = 0; i < n; i++) {
                parts[i] = g.select(d, i);
            }
            return parts;
        }, xs.toArray(Tensor[]::new));
    }

    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        NdArray y = Ops.indexSelect(x.data(), dim, index.data());
        int[] s = x.shape();
        return Graph.record("IndexSelectBackward0", y, g -> {
            int d = Shape.wrapDim(dim, Math.max(1, s.length));
            // Scatter-add each selected slice back: an index picked twice receives both gradients.
            int[] idxShape = g.shape();
            NdArray idx = index.data().reshape(shapeAlong(idxShape.length, d, index.numel()))
                    .expand(idxShape).copyContiguous();
            NdArray z = NdArray.zeros(g.data().backend(), g.dtype(), s);
            return new Tensor[] {new Tensor(Ops.scatterAdd(z, d, idx, g.data()))};
        }, x);
    }

    private static int[] shapeAlong(int rank, int dim, int n) {
        int[] r = new int[rank];
        java.util.Arrays.fill(r, 1);
        r[dim] = n;
        return r;
    }

    static Tensor gather(Tensor x, int dim, Tensor index) {
        NdArray y = Ops.gather(x.data(), dim, index.data());
        int[] s = x.shape();
        return Graph.record("GatherBackward0", y, g -> {
            NdArray z = NdArray.zeros(g.data().backend(), g.dtype(), s);
            return new Tensor[] {new Tensor(Ops.scatterAdd(z, dim, index.data(), g.data()))};
        }, x);
    }
}
