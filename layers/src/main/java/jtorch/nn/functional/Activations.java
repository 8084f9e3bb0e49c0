package jtorch.nn.functional;

import jtorch.Tensor;
import jtorch.autograd.Graph;
import jtorch.autograd.GradMode;
import jtorch.simd.UnaryOp;
import jtorch.tensor.Ops;

/**
 * Activation functions with PyTorch's node names. Each forward is computed on detached inputs and
 * recorded as one node; each backward is written in Tensor ops (so it can be differentiated again).
 */
final class Activations {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private Activations() {}

    /** relu, in place when asked and nothing records it (see {@link F#relu(Tensor, boolean)}). */
    static Tensor relu(Tensor x, boolean inplace) {
        if (!inplace || GradMode.isEnabled() || !x.dtype().isFloatingPoint()) {
            return x.relu();
        }
        Ops.unaryInPlace(UnaryOp.RELU, x.data());
        return x;
    }

    /**
     * hardtanh(x) = clamp(x, min, max). TORCH: the gradient passes only strictly inside (min, max),
     * unlike clamp's, which includes the bounds. relu6 is hardtanh(0, 6) and records HardtanhBackward0.
     */
    static Tensor hardtanh(Tensor x, double min, double max) {
        Tensor y = x.detach().clamp(min, max);
        return Graph.record("HardtanhBackward0", y.data(),
                g -> new Tensor[] {Tensors.maskedGrad(g, Tensors.and(x.gt(min), x.lt(max)))}, x);
    }

    /** leaky_relu(x) = x if x &gt; 0 else slope·x. */
    static Tensor leakyRelu(Tensor x, double slope) {
        Tensor xd = x.detach();
        Tensor y = xd.where(xd.gt(0.0), xd.mul(slope));
        return Graph.record("LeakyReluBackward0", y.data(),
                g -> new Tensor[] {g.where(x.gt(0.0), g.mul(slope))}, x);
    }

    /** elu(x) = x if x &gt; 0 else alpha·(exp(x) − 1); expm1 keeps small negative inputs exact. */
    static Tensor elu(Tensor x, double alpha) {
        Tensor xd = x.detach();
        Tensor negative = new Tensor(Ops.unary(UnaryOp.EXPM1, xd.data())).mul(alpha);
        Tensor y = xd.where(xd.gt(0.0), negative);
        return Graph.record("EluBackward0", y.data(),
                g -> new Tensor[] {g.where(x.gt(0.0), g.mul(x.exp()).mul(alpha))}, x);
    }

    /** gelu(x) = x·Φ(x) ({@code approximate = "none"}) or its tanh approximation ({@code "tanh"}). */
    static Tensor gelu(Tensor x, String approximate) {
        boolean tanh = switch (approximate) {
            case "none" -> false;
            case "tanh" -> true;
            default -> throw new IllegalArgumentException("approximate argument must be either none or tanh.");
        };
        Tensor y = new Tensor(Ops.unary(tanh ? UnaryOp.GELU_TANH : UnaryOp.GELU, x.data()));
        return Graph.record("GeluBackward0", y.data(),
                g -> new Tensor[] {g.mul(tanh ? geluTanhDerivative(x) : geluDerivative(x))}, x);
    }

    /** d/dx x·Φ(x) = Φ(x) + x·φ(x). */
    private static Tensor geluDerivative(Tensor x) {
        Tensor cdf = erf(x.mul(1.0 / Math.sqrt(2.0))).add(1.0).mul(0.5);
        Tensor pdf = x.square().mul(-0.5).exp().mul(INV_SQRT_2PI);
        return cdf.add(x.mul(pdf));
    }

    /** PyTorch's GeluBackward formula for approximate="tanh". */
    private static Tensor geluTanhDerivative(Tensor x) {
        double kappa = 0.044715;
        Tensor xSq = x.square();
        Tensor inner = x.add(x.mul(xSq).mul(kappa)).mul(SQRT_2_OVER_PI);
        Tensor t = inner.tanh();
        Tensor left = x.mul(0.5);
        Tensor right = t.add(1.0);
        Tensor leftDerivative = right.mul(0.5);
        Tensor innerDerivative = xSq.mul(3.0 * kappa).add(1.0).mul(SQRT_2_OVER_PI);
        Tensor rightDerivative = left.mul(t.square().rsub(1.0)).mul(innerDerivative);
        return leftDerivative.add(rightDerivative);
    }

    /** erf(x), recorded (ErfBackward0) so GELU's backward can be differentiated again. */
    static Tensor erf(Tensor x) {
        Tensor y = new Tensor(Ops.unary(UnaryOp.ERF, x.data()));
        return Graph.record("ErfBackward0", y.data(),
                g -> new Tensor[] {g.mul(x.square().neg().exp()).mul(2.0 / Math.sqrt(Math.PI))}, x);
    }

    /** silu(x) = x·σ(x); d/dx = σ(x)·(1 + x·(1 − σ(x))). */
    static Tensor silu(Tensor x) {
        Tensor xd = x.detach();
        Tensor y = xd.mul(xd.sigmoid());
        return Graph.record("SiluBackward0", y.data(), g -> {
            Tensor s = x.sigmoid();
            return new Tensor[] {g.mul(s.mul(x.mul(s.rsub(1.0)).add(1.0)))};
        }, x);
    }

    /** hardswish(x) = x·relu6(x + 3)/6. TORCH: the gradient is 0 below −3, x/3 + 1/2 on [−3, 3], 1 above. */
    static Tensor hardswish(Tensor x) {
        Tensor xd = x.detach();
        Tensor y = xd.mul(xd.add(3.0).clamp(0.0, 6.0)).div(6.0);
        return Graph.record("HardswishBackward0", y.data(), g -> {
            Tensor middle = g.mul(x.div(3.0).add(0.5));
            Tensor upper = g.where(x.gt(3.0), middle);
            return new Tensor[] {upper.where(x.ge(-3.0), Tensors.zerosLike(g))};
        }, x);
    }

    /** hardsigmoid(x) = relu6(x + 3)/6; the gradient is 1/6 strictly inside (−3, 3). */
    static Tensor hardsigmoid(Tensor x) {
        Tensor y = x.detach().add(3.0).clamp(0.0, 6.0).div(6.0);
        return Graph.record("HardsigmoidBackward0", y.data(),
                g -> new Tensor[] {Tensors.maskedGrad(g.div(6.0), Tensors.and(x.gt(-3.0), x.lt(3.0)))}, x);
    }
}
