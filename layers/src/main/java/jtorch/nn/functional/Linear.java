package jtorch.nn.functional;

import jtorch.Tensor;
import jtorch.autograd.Graph;
import jtorch.simd.BinaryOp;
import jtorch.tensor.NdArray;
import jtorch.tensor.Ops;

/**
 * {@code linear(x, W, b) = x·Wᵀ + b}, recorded as PyTorch records it: a 2-D input with a bias is one
 * {@code addmm} (AddmmBackward0, fed by W's TBackward0); an N-D input with a bias is flattened to 2-D,
 * addmm'd and viewed back (ViewBackward0); without a bias it is {@code matmul(x, Wᵀ)}.
 */
final class Linear {
    private Linear() {}

    static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        if (bias == null) {
            return input.matmul(weight.t());
        }
        if (input.dim() == 2 && weight.dim() == 2) {
            return addmm(bias, input, weight.t());
        }
        if (input.dim() > 2 && weight.dim() == 2 && input.isContiguous()) {
            // TORCH: _flatten_nd_linear: one GEMM over all leading dims, then a view back.
            int[] outShape = input.shape();
            outShape[outShape.length - 1] = weight.size(0);
            Tensor flat = input.reshape(-1, input.size(-1));
            return addmm(bias, flat, weight.t()).view(outShape);
        }
        return input.matmul(weight.t()).add(bias);
    }

    /**
     * {@code addmm(bias, a, b) = bias + a·b} for matrices a [m, k], b [k, n] and a bias that broadcasts to
     * [m, n]. The backward is Tensor ops: {@code (sum_to(g), g·bᵀ, aᵀ·g)}.
     */
    static Tensor addmm(Tensor bias, Tensor a, Tensor b) {
        NdArray product = Ops.matmul(a.data(), b.data());   // checks shapes, with PyTorch's message
        NdArray out = Ops.binary(BinaryOp.ADD, product, bias.data());
        if (out.dtype() != product.dtype()) {
            out = out.to(product.dtype());
        }
        int[] biasShape = bias.shape();
        return Graph.record("AddmmBackward0", out, g -> new Tensor[] {
            bias.requiresGrad() ? Tensors.sumTo(g, biasShape) : null,
            a.requiresGrad() ? g.mm(b.t()) : null,
            b.requiresGrad() ? rightGrad(a, g, b) : null
        }, bias, a, b);
    }

    /**
     * aᵀ·g, laid out like b. For a Linear layer b is Wᵀ, a transposed view: computing (gᵀ·a)ᵀ gives W's gradient
     * contiguous once TBackward0 transposes it back, so accumulating it into W.grad is a plain copy.
     * PERF: the other way W.grad was a transposed view that accumulateGrad copied element by element: 48% of a
     * VGG16 training step (its 4096x25088 classifier weight).
     */
    private static Tensor rightGrad(Tensor a, Tensor g, Tensor b) {
        NdArray bd = b.data();
        boolean transposed = bd.dim() == 2 && bd.stride(0) == 1 && bd.stride(1) == bd.size(0) && bd.size(1) > 1;
        return transposed ? g.t().mm(a).t() : a.t().mm(g);
    }
}
