package jtorch.nn.functional;

import jtorch.nn.Reduction;
import jtorch.Tensor;
import jtorch.autograd.Graph;
import jtorch.tensor.Shape;

/**
 * Regression and binary losses: an elementwise loss ℓ(x, t) reduced by {@link Reduction}. Each fused one
 * is a single node named as PyTorch's (MseLossBackward0, …) whose backward is {@code reduce'(g)·∂ℓ/∂x}
 * (and {@code ·∂ℓ/∂t} for the target) in Tensor ops; l1_loss is composed, as PyTorch's is.
 */
final class PointwiseLosses {
    private PointwiseLosses() {}

    /** A derivative of the elementwise loss, in Tensor ops of the (graph-carrying) input and target. */
    @FunctionalInterface
    private interface Derivative {
        Tensor apply(Tensor x, Tensor t);
    }

    /** l1_loss: |x − t|, composed (AbsBackward0 then the reduction's node, as in PyTorch). */
    static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        Tensor[] xt = broadcast(input, target);
        return reduce(xt[0].sub(xt[1]).abs(), reduction);
    }

    /** mse_loss: (x − t)². */
    static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return fused("MseLossBackward0", input, target, reduction,
                (x, t) -> x.sub(t).square(),
                (x, t) -> x.sub(t).mul(2.0),
                (x, t) -> t.sub(x).mul(2.0));
    }

    /**
     * smooth_l1_loss: 0.5·d²/β where |d| &lt; β, else |d| − 0.5·β (d = x − t). TORCH: β = 0 is l1_loss.
     */
    static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        if (beta < 0) {
            throw new IllegalArgumentException("smooth_l1_loss does not support negative values for beta.");
        }
        if (beta == 0.0) {
            return l1Loss(input, target, reduction);
        }
        return fused("SmoothL1LossBackward0", input, target, reduction,
                (x, t) -> {
                    Tensor d = x.sub(t);
                    Tensor a = d.abs();
                    return d.square().mul(0.5 / beta).where(a.lt(beta), a.sub(0.5 * beta));
                },
                (x, t) -> smoothL1Slope(x.sub(t), beta),
                (x, t) -> smoothL1Slope(x.sub(t), beta).neg());
    }

    /** d/dd of smooth L1: d/β inside (−β, β), sign(d) outside (PyTorch's backward at |d| = β is sign). */
    private static Tensor smoothL1Slope(Tensor d, double beta) {
        return d.div(beta).where(d.abs().lt(beta), d.sign());
    }

    /** huber_loss: 0.5·d² where |d| &lt; δ, else δ·(|d| − 0.5·δ). Equals δ·smooth_l1(β = δ). */
    static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("huber_loss does not support non-positive values for delta.");
        }
        return fused("HuberLossBackward0", input, target, reduction,
                (x, t) -> {
                    Tensor d = x.sub(t);
                    Tensor a = d.abs();
                    return d.square().mul(0.5).where(a.lt(delta), a.sub(0.5 * delta).mul(delta));
                },
                (x, t) -> x.sub(t).clamp(-delta, delta),
                (x, t) -> t.sub(x).clamp(-delta, delta));
    }

    /**
     * binary_cross_entropy: −w·(t·log x + (1 − t)·log(1 − x)). TORCH: each log is clamped at −100 so x = 0
     * or 1 gives a finite loss, and the backward divides by max(x·(1 − x), 1e-12). The weight gets no gradient.
     */
    static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        if (!java.util.Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException("Using a target size (" + Tensors.torchSize(target.shape())
                    + ") that is different to the input size (" + Tensors.torchSize(input.shape()) + ") is deprecated."
                    + " Please ensure they have the same size.");
        }
        // At once on the CPU; on a device at the next synchronizing read (Backend.check), so no host round trip.
        Tensor nonNegative = input.detach().ge(0.0);
        Tensor inRange = input.detach().le(1.0).where(nonNegative, nonNegative);
        input.data().backend().check(inRange.data(), null,
                v -> new IllegalArgumentException("all elements of input should be between 0 and 1"));
        Tensor w = weight == null ? null : weight.detach();
        return fused("BinaryCrossEntropyBackward0", input, target, reduction,
                (x, t) -> weighted(t.mul(x.log().clampMin(-100.0)).add(t.rsub(1.0).mul(x.rsub(1.0).log().clampMin(-100.0)))
                        .neg(), w),
                (x, t) -> weighted(x.sub(t).div(x.mul(x.rsub(1.0)).clampMin(1e-12)), w),
                (x, t) -> weighted(x.rsub(1.0).log().sub(x.log()), w));
    }

    /**
     * binary_cross_entropy_with_logits: −w·(p·t·log σ(x) + (1 − t)·log(1 − σ(x))) with pos_weight p
     * (broadcast along the last dim), computed stably as {@code (1 − t)·x − (1 + (p − 1)·t)·logσ(x)}.
     */
    static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                               Reduction reduction) {
        if (!java.util.Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException("Target size (" + Tensors.torchSize(target.shape())
                    + ") must be the same as input size (" + Tensors.torchSize(input.shape()) + ")");
        }
        Tensor w = weight == null ? null : weight.detach();
        Tensor p = posWeight == null ? null : posWeight.detach();
        return fused("BinaryCrossEntropyWithLogitsBackward0", input, target, reduction,
                (x, t) -> weighted(t.rsub(1.0).mul(x).sub(logWeight(t, p).mul(logSigmoid(x))), w),
                (x, t) -> weighted(logWeight(t, p).mul(x.sigmoid()).sub(p == null ? t : p.mul(t)), w),
                (x, t) -> weighted(p == null ? x.neg() : x.neg().sub(p.sub(1.0).mul(logSigmoid(x))), w));
    }

    /** 1 + (p − 1)·t, or 1 without pos_weight. */
    private static Tensor logWeight(Tensor t, Tensor p) {
        return p == null ? Tensors.scalarLike(t, 1.0) : p.sub(1.0).mul(t).add(1.0);
    }

    /** log σ(x) = min(x, 0) − log1p(exp(−|x|)), finite for any x. */
    private static Tensor logSigmoid(Tensor x) {
        return x.clampMax(0.0).sub(x.abs().neg().exp().log1p());
    }

    private static Tensor weighted(Tensor v, Tensor w) {
        return w == null ? v : v.mul(w);
    }

    /**
     * One node for loss(x, t): the forward on detached tensors, the backward as the reduced gradient times
     * the derivatives. Differently shaped input and target broadcast first (through ExpandBackward0), as
     * PyTorch's broadcast_tensors does.
     */
    private static Tensor fused(String name, Tensor input, Tensor target, Reduction reduction, Derivative loss,
                                Derivative dInput, Derivative dTarget) {
        Tensor[] xt = broadcast(input, target);
        Tensor x = xt[0];
        Tensor t = xt[1];
        Tensor value = reduce(loss.apply(x.detach(), t.detach()), reduction);
        int[] shape = x.shape();
        int n = x.numel();
        return Graph.record(name, value.data(), g -> {
            Tensor ge = switch (reduction) {
                case NONE -> g;
                case SUM -> g.expand(shape);
                case MEAN -> g.div(n).expand(shape);
            };
            return new Tensor[] {
                x.requiresGrad() ? ge.mul(dInput.apply(x, t)) : null,
                t.requiresGrad() ? ge.mul(dTarget.apply(x, t)) : null
            };
        }, x, t);
    }

    /** Input and target expanded to their broadcast shape (themselves when equal). */
    private static Tensor[] broadcast(Tensor input, Tensor target) {
        if (java.util.Arrays.equals(input.shape(), target.shape())) {
            return new Tensor[] {input, target};
        }
        int[] shape = Shape.broadcast(input.shape(), target.shape());
        return new Tensor[] {input.expand(shape), target.expand(shape)};
    }

    /** Applies a reduction to elementwise losses. */
    static Tensor reduce(Tensor elementwise, Reduction reduction) {
        return switch (reduction) {
            case NONE -> elementwise;
            case MEAN -> elementwise.mean();
            case SUM -> elementwise.sum();
        };
    }
}
