package jtorch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import jtorch.autograd.AccumulateGrad;
import jtorch.autograd.Engine;
import jtorch.autograd.Node;
import jtorch.simd.BinaryOp;
import jtorch.simd.CompareOp;
import jtorch.simd.UnaryOp;
import jtorch.tensor.DType;
import jtorch.tensor.Device;
import jtorch.tensor.NdArray;
import jtorch.tensor.Ops;
import jtorch.tensor.ReduceOp;
import jtorch.tensor.TensorFormatter;

/**
 * A tensor with autograd: PyTorch's {@code torch.Tensor}. It wraps a strided {@link NdArray} and, when
 * it requires a gradient, its place in the graph: {@link #gradFn()} for results of ops, an accumulated
 * {@link #grad()} for leaves. Method names are PyTorch's in camelCase.
 *
 * <p>Not thread-safe: a tensor and the graph through it belong to one thread at a time.
 */
public class Tensor {
    private NdArray data;
    private boolean requiresGrad;
    private final Node gradFn;
    private Tensor grad;
    private AccumulateGrad accumulator;
    private boolean retainsGrad;

    /** A leaf tensor over {@code data} that does not require grad. */
    public Tensor(NdArray data) {
        this(data, null);
    }

    private Tensor(NdArray data, Node gradFn) {
        this.data = java.util.Objects.requireNonNull(data, "data");
        this.gradFn = gradFn;
        this.requiresGrad = gradFn != null;
    }

    /** A tensor created by an op: {@code gradFn} is its node (for op implementations; see {@code Graph}). */
    public static Tensor withGradFn(NdArray data, Node gradFn) {
        return new Tensor(data, gradFn);
    }

    // ---------------------------------------------------------------- data and metadata

    /** The underlying array (no autograd). Writing to it bypasses the graph, like PyTorch's {@code .data}. */
    public NdArray data() {
        return data;
    }

    /** Replaces the underlying array (same shape), as assigning {@code param.data} in PyTorch; used by {@code to(Device)}. */
    public void setData(NdArray newData) {
        this.data = java.util.Objects.requireNonNull(newData, "newData");
    }

    public int[] shape() {
        return data.shape();
    }

    /** {@code size(dim)}; negative dims count from the end. */
    public int size(int dim) {
        return data.size(dim);
    }

    public int dim() {
        return data.dim();
    }

    public int numel() {
        return data.numel();
    }

    public DType dtype() {
        return data.dtype();
    }

    public Device device() {
        return data.device();
    }

    public boolean isContiguous() {
        return data.isContiguous();
    }

    /** The value of a one-element tensor. */
    public double item() {
        return data.item();
    }

    public float[] toFloatArray() {
        return data.toFloatArray();
    }

    public double[] toDoubleArray() {
        return data.toDoubleArray();
    }

    public long[] toLongArray() {
        return data.toLongArray();
    }

    /** True when some element is NaN or infinite. */
    public boolean hasNonFinite() {
        if (!dtype().isFloatingPoint()) {
            return false;
        }
        for (double v : data.toDoubleArray()) {
            if (!Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- autograd state

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Sets requires_grad on a leaf and returns this tensor ({@code requires_grad_()}). */
    public Tensor requiresGrad(boolean value) {
        if (gradFn != null && !value) {
            throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you want to use"
                    + " a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
        }
        if (value && !dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients");
        }
        this.requiresGrad = value;
        return this;
    }

    /** The accumulated gradient of a leaf (or of a tensor that called {@link #retainGrad()}), or null. */
    public Tensor grad() {
        return grad;
    }

    /** Sets or clears ({@code null}) the gradient, as assigning {@code .grad}. */
    public void setGrad(Tensor g) {
        if (g != null && !java.util.Arrays.equals(g.shape(), shape())) {
            throw new IllegalArgumentException("assigned grad has data of a different size");
        }
        this.grad = g;
    }

    /** The node that created this tensor, or null for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    public boolean isLeaf() {
        return gradFn == null;
    }

    /** Keeps the gradient of this non-leaf tensor in {@link #grad()} after backward. */
    public Tensor retainGrad() {
        if (!requiresGrad) {
            throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        }
        if (gradFn != null && !retainsGrad) {
            retainsGrad = true;
            gradFn.registerPreHook(g -> {
                accumulateGrad(g, false);
                return g;
            });
        }
        return this;
    }

    /**
     * Registers a hook called with this tensor's gradient during backward; a non-null result replaces the
     * gradient ({@code register_hook}).
     */
    public void registerHook(UnaryOperator<Tensor> hook) {
        if (!requiresGrad) {
            throw new IllegalStateException("cannot register a hook on a tensor that doesn't require gradient");
        }
        gradEdge().registerPreHook(hook);
    }

    /** Where this tensor's gradient goes: its gradFn, its accumulator (a leaf requiring grad), or null. */
    public Node gradEdge() {
        if (gradFn != null) {
            return gradFn;
        }
        if (!requiresGrad) {
            return null;
        }
        if (accumulator == null) {
            accumulator = new AccumulateGrad(this);
        }
        return accumulator;
    }

    /** Adds {@code g} into {@link #grad()}: the first gradient is copied, later ones added in place. */
    public void accumulateGrad(Tensor g, boolean createGraph) {
        if (grad == null) {
            grad = createGraph ? g : new Tensor(g.data.copyContiguous());
        } else if (createGraph) {
            grad = grad.add(g);
        } else {
            Ops.binaryInPlace(BinaryOp.ADD, grad.data, g.data);
        }
    }

    /**
     * As {@code accumulateGrad(g, false)}, except that a first gradient becomes {@link #grad()} itself instead
     * of a copy (PyTorch's AccumulateGrad steals a gradient nothing else references the same way). For the
     * backward engine, which calls it only for a contiguous gradient owning its whole storage that no other
     * pending gradient, root gradient, hook or earlier leaf of the same backward pass can reach.
     */
    public void adoptGrad(Tensor g) {
        if (grad == null) {
            grad = new Tensor(g.data);
        } else {
            accumulateGrad(g, false);
        }
    }

    /** Computes the gradient of this scalar with respect to the graph's leaves ({@code backward()}). */
    public void backward() {
        backward(null, false, false);
    }

    /** Backward with an explicit gradient of this tensor (required for non-scalars). */
    public void backward(Tensor gradient) {
        backward(gradient, false, false);
    }

    public void backward(Tensor gradient, boolean retainGraph) {
        backward(gradient, retainGraph, false);
    }

    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        if (gradEdge() == null) {
            throw new IllegalStateException("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        if (gradient == null) {
            if (numel() != 1) {
                throw new IllegalStateException("grad can be implicitly created only for scalar outputs");
            }
            NdArray ones = NdArray.zeros(data.backend(), dtype(), shape());
            ones.backend().fill(ones, 1.0);
            gradient = new Tensor(ones);
        } else if (!java.util.Arrays.equals(gradient.shape(), shape())) {
            throw new IllegalArgumentException("Mismatch in shape: grad_output[0] has a shape of "
                    + jtorch.tensor.Shape.str(gradient.shape()) + " and output[0] has a shape of "
                    + jtorch.tensor.Shape.str(shape()) + ".");
        }
        Engine.run(new Tensor[] {this}, new Tensor[] {gradient}, retainGraph, createGraph, null);
    }

    /** A tensor sharing this one's data, cut from the graph ({@code detach()}). */
    public Tensor detach() {
        return new Tensor(data);
    }

    // ---------------------------------------------------------------- pointwise

    public Tensor add(Tensor other) {
        return Pointwise.binary(BinaryOp.ADD, this, other);
    }

    public Tensor add(double other) {
        return Pointwise.binaryScalar(BinaryOp.ADD, this, other);
    }

    /** {@code this + alpha * other}. */
    public Tensor add(Tensor other, double alpha) {
        return alpha == 1.0 ? add(other) : add(other.mul(alpha));
    }

    public Tensor sub(Tensor other) {
        return Pointwise.binary(BinaryOp.SUB, this, other);
    }

    public Tensor sub(double other) {
        return Pointwise.binaryScalar(BinaryOp.SUB, this, other);
    }

    /** {@code other - this} ({@code torch.rsub}). */
    public Tensor rsub(double other) {
        return Pointwise.binaryScalar(BinaryOp.RSUB, this, other);
    }

    public Tensor mul(Tensor other) {
        return Pointwise.binary(BinaryOp.MUL, this, other);
    }

    public Tensor mul(double other) {
        return Pointwise.binaryScalar(BinaryOp.MUL, this, other);
    }

    public Tensor div(Tensor other) {
        return Pointwise.binary(BinaryOp.DIV, this, other);
    }

    public Tensor div(double other) {
        return Pointwise.binaryScalar(BinaryOp.DIV, this, other);
    }

    public Tensor pow(double exponent) {
        return Pointwise.powScalar(this, exponent);
    }

    public Tensor pow(Tensor exponent) {
        return Pointwise.binary(BinaryOp.POW, this, exponent);
    }

    /** Elementwise maximum of two tensors ({@code torch.maximum}). */
    public Tensor maximum(Tensor other) {
        return Pointwise.binary(BinaryOp.MAX, this, other);
    }

    public Tensor minimum(Tensor other) {
        return Pointwise.binary(BinaryOp.MIN, this, other);
    }

    public Tensor neg() {
        return Pointwise.unary(UnaryOp.NEG, this);
    }

    public Tensor exp() {
        return Pointwise.unary(UnaryOp.EXP, this);
    }

    public Tensor log() {
        return Pointwise.unary(UnaryOp.LOG, this);
    }

    public Tensor sqrt() {
        return Pointwise.unary(UnaryOp.SQRT, this);
    }

    public Tensor rsqrt() {
        return Pointwise.unary(UnaryOp.RSQRT, this);
    }

    public Tensor abs() {
        return Pointwise.unary(UnaryOp.ABS, this);
    }

    public Tensor reciprocal() {
        return Pointwise.unary(UnaryOp.RECIPROCAL, this);
    }

    public Tensor square() {
        return Pointwise.unary(UnaryOp.SQUARE, this);
    }

    public Tensor sigmoid() {
        return Pointwise.unary(UnaryOp.SIGMOID, this);
    }

    public Tensor tanh() {
        return Pointwise.unary(UnaryOp.TANH, this);
    }

    public Tensor relu() {
        return Pointwise.unary(UnaryOp.RELU, this);
    }

    public Tensor sign() {
        return Pointwise.unary(UnaryOp.SIGN, this);
    }

    public Tensor log1p() {
        return Pointwise.unary(UnaryOp.LOG1P, this);
    }

    public Tensor sin() {
        return Pointwise.unary(UnaryOp.SIN, this);
    }

    public Tensor cos() {
        return Pointwise.unary(UnaryOp.COS, this);
    }

    public Tensor floor() {
        return Pointwise.unary(UnaryOp.FLOOR, this);
    }

    /** Clamps into [min, max]; a null bound is open. */
    public Tensor clamp(Double min, Double max) {
        return Pointwise.clamp(this, min, max);
    }

    public Tensor clamp(double min, double max) {
        return clamp(Double.valueOf(min), Double.valueOf(max));
    }

    public Tensor clampMin(double min) {
        return clamp(min, null);
    }

    public Tensor clampMax(double max) {
        return clamp(null, max);
    }

    // ---------------------------------------------------------------- comparisons (no gradient)

    public Tensor eq(Tensor other) {
        return new Tensor(Ops.compare(CompareOp.EQ, data, other.data));
    }

    public Tensor eq(double other) {
        return new Tensor(Ops.compare(CompareOp.EQ, data, other));
    }

    public Tensor ne(Tensor other) {
        return new Tensor(Ops.compare(CompareOp.NE, data, other.data));
    }

    public Tensor ne(double other) {
        return new Tensor(Ops.compare(CompareOp.NE, data, other));
    }

    public Tensor gt(Tensor other) {
        return new Tensor(Ops.compare(CompareOp.GT, data, other.data));
    }

    public Tensor gt(double other) {
        return new Tensor(Ops.compare(CompareOp.GT, data, other));
    }

    public Tensor ge(Tensor other) {
        return new Tensor(Ops.compare(CompareOp.GE, data, other.data));
    }

    public Tensor ge(double other) {
        return new Tensor(Ops.compare(CompareOp.GE, data, other));
    }

    public Tensor lt(Tensor other) {
        return new Tensor(Ops.compare(CompareOp.LT, data, other.data));
    }

    public Tensor lt(double other) {
        return new Tensor(Ops.compare(CompareOp.LT, data, other));
    }

    public Tensor le(Tensor other) {
        return new Tensor(Ops.compare(CompareOp.LE, data, other.data));
    }

    public Tensor le(double other) {
        return new Tensor(Ops.compare(CompareOp.LE, data, other));
    }

    /** {@code condition ? this : other} ({@code torch.where(condition, self, other)}). */
    public Tensor where(Tensor condition, Tensor other) {
        return Pointwise.where(condition, this, other);
    }

    // ---------------------------------------------------------------- reductions

    public Tensor sum() {
        return Reductions.sum(this, null, false);
    }

    public Tensor sum(int dim, boolean keepdim) {
        return Reductions.sum(this, new int[] {dim}, keepdim);
    }

    public Tensor sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dims, keepdim);
    }

    public Tensor mean() {
        return Reductions.mean(this, null, false);
    }

    public Tensor mean(int dim, boolean keepdim) {
        return Reductions.mean(this, new int[] {dim}, keepdim);
    }

    public Tensor mean(int[] dims, boolean keepdim) {
        return Reductions.mean(this, dims, keepdim);
    }

    /** Maximum over dims; ties share the gradient equally (PyTorch's amax). */
    public Tensor amax(int dim, boolean keepdim) {
        return Reductions.amax(this, new int[] {dim}, keepdim, ReduceOp.MAX);
    }

    public Tensor amax(int[] dims, boolean keepdim) {
        return Reductions.amax(this, dims, keepdim, ReduceOp.MAX);
    }

    public Tensor amin(int dim, boolean keepdim) {
        return Reductions.amax(this, new int[] {dim}, keepdim, ReduceOp.MIN);
    }

    /** The maximum of all elements. */
    public Tensor max() {
        return Reductions.amax(this, null, false, ReduceOp.MAX);
    }

    public Tensor min() {
        return Reductions.amax(this, null, false, ReduceOp.MIN);
    }

    /** Index of the maximum of the flattened tensor. */
    public Tensor argmax() {
        return new Tensor(Ops.argReduce(true, data, null, false));
    }

    public Tensor argmax(int dim) {
        return argmax(dim, false);
    }

    public Tensor argmax(int dim, boolean keepdim) {
        return new Tensor(Ops.argReduce(true, data, dim, keepdim));
    }

    public Tensor argmin(int dim, boolean keepdim) {
        return new Tensor(Ops.argReduce(false, data, dim, keepdim));
    }

    public Tensor softmax(int dim) {
        return Reductions.softmax(this, dim, false);
    }

    public Tensor logSoftmax(int dim) {
        return Reductions.softmax(this, dim, true);
    }

    // ---------------------------------------------------------------- shape

    public Tensor view(int... shape) {
        return Shapes.view(this, shape);
    }

    public Tensor reshape(int... shape) {
        return Shapes.reshape(this, shape);
    }

    public Tensor permute(int... dims) {
        return Shapes.permute(this, dims);
    }

    public Tensor transpose(int dim0, int dim1) {
        return Shapes.transpose(this, dim0, dim1);
    }

    /** Matrix transpose of a tensor of at most two dims. */
    public Tensor t() {
        return Shapes.t(this);
    }

    public Tensor expand(int... shape) {
        return Shapes.expand(this, shape);
    }

    public Tensor squeeze() {
        return Shapes.squeeze(this, null);
    }

    public Tensor squeeze(int dim) {
        return Shapes.squeeze(this, dim);
    }

    public Tensor unsqueeze(int dim) {
        return Shapes.unsqueeze(this, dim);
    }

    public Tensor flatten() {
        return flatten(0, -1);
    }

    public Tensor flatten(int startDim, int endDim) {
        return Shapes.reshape(this, data.flatten(startDim, endDim).shape());
    }

    public Tensor narrow(int dim, int start, int length) {
        return Shapes.narrow(this, dim, start, length);
    }

    public Tensor select(int dim, int index) {
        return Shapes.select(this, dim, index);
    }

    public Tensor contiguous() {
        return isContiguous() ? this : Shapes.clone(this, "CloneBackward0");
    }

    public Tensor clone() {
        return Shapes.clone(this, "CloneBackward0");
    }

    /** Converts the dtype ({@code to(dtype)}); this tensor itself when it already has that dtype. */
    public Tensor to(DType dtype) {
        return Shapes.toDType(this, dtype);
    }

    /** This tensor on {@code device} ({@code to(device)}); itself when already there. Gradients flow back. */
    public Tensor to(Device device) {
        return Shapes.toDevice(this, device);
    }

    public Tensor indexSelect(int dim, Tensor index) {
        return Shapes.indexSelect(this, dim, index);
    }

    public Tensor gather(int dim, Tensor index) {
        return Shapes.gather(this, dim, index);
    }

    // ---------------------------------------------------------------- linear algebra

    public Tensor matmul(Tensor other) {
        return Linalg.matmul(this, other);
    }

    public Tensor mm(Tensor other) {
        if (dim() != 2) {
            throw new IllegalArgumentException("self must be a matrix");
        }
        if (other.dim() != 2) {
            throw new IllegalArgumentException("mat2 must be a matrix");
        }
        return Linalg.matmul(this, other);
    }

    public Tensor bmm(Tensor other) {
        return Linalg.bmm(this, other);
    }

    // ---------------------------------------------------------------- printing

    /** PyTorch's print: {@code tensor([1., 2.], requires_grad=True)}, {@code tensor(2.3343, grad_fn=<NllLossBackward0>)}. */
    @Override
    public String toString() {
        String suffix = null;
        if (gradFn != null) {
            suffix = "grad_fn=<" + gradFn.name() + ">";
        } else if (requiresGrad) {
            suffix = "requires_grad=True";
        }
        return TensorFormatter.format(dtype(), data.shape(), data.toArray(),
                device().isCpu() ? null : device().toString(), suffix);
    }

    static List<NdArray> datas(List<Tensor> ts) {
        List<NdArray> out = new ArrayList<>(ts.size());
        for (Tensor t : ts) {
            out.add(t.data);
        }
        return out;
    }
}
