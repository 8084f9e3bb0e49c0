package jtorch.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;

/**
 * Adam, with optional AMSGrad, exactly as PyTorch 1.13's single-tensor algorithm:
 * <pre>
 * t ← t + 1;  g ← ∇θ (negated when maximize);  g ← g + λθ   (weight_decay λ ≠ 0; L2, not decoupled)
 * m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  v̂ ← max(v̂, v) (amsgrad)
 * θ ← θ − lr/(1 − β₁ᵗ) · m / (√v (or √v̂) / √(1 − β₂ᵗ) + ε)
 * </pre>
 * State per parameter: {@code step} (a float32 scalar tensor), {@code exp_avg}, {@code exp_avg_sq} and, with
 * amsgrad, {@code max_exp_avg_sq}. Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.Adam.html">torch.optim.Adam</a>
 */
public class Adam extends Optimizer {
    /** lr 1e-3. */
    public Adam(List<? extends Tensor> params) {
        this(params, new Options());
    }

    public Adam(List<? extends Tensor> params, double lr) {
        this(params, new Options().lr(lr));
    }

    /** {@code Adam(params, lr, betas, eps, weight_decay, amsgrad)}, PyTorch's positional order. */
    public Adam(List<? extends Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
                boolean amsgrad) {
        this(params, new Options().lr(lr).betas(beta1, beta2).eps(eps).weightDecay(weightDecay).amsgrad(amsgrad));
    }

    public Adam(List<? extends Tensor> params, Options options) {
        super(params, options.toAdamDefaults());
    }

    public Adam(Iterable<ParamGroup> groups, Options options) {
        super(groups, options.toAdamDefaults());
    }

    /** For {@link AdamW}: its own defaults. */
    Adam(List<? extends Tensor> params, Map<String, Object> defaults) {
        super(params, defaults);
    }

    Adam(Iterable<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, defaults);
    }

    /** Whether weight decay is decoupled ({@code θ ← θ(1 − lr·λ)}, AdamW) rather than added to the gradient. */
    boolean decoupledWeightDecay() {
        return false;
    }

    @Override
    public void step() {
        try (var ignored = Torch.noGrad()) {
            for (ParamGroup group : paramGroups()) {
                double lr = group.lr();
                double beta1 = group.getBeta(0);
                double beta2 = group.getBeta(1);
                double eps = group.getDouble("eps");
                double weightDecay = group.getDouble("weight_decay");
                boolean amsgrad = group.getBoolean("amsgrad");
                boolean maximize = group.getBoolean("maximize");
                for (Tensor p : group.params()) {
                    Tensor grad = gradOf(p);
                    if (grad == null) {
                        continue;
                    }
                    Map<String, Object> state = state(p);
                    if (state.isEmpty()) {
                        state.put("step", Torch.tensor(0f));
                        state.put("exp_avg", zerosLike(p));
                        state.put("exp_avg_sq", zerosLike(p));
                        if (amsgrad) {
                            state.put("max_exp_avg_sq", zerosLike(p));
                        }
                    }
                    Tensor param = p.detach();
                    Tensor g = maximize ? grad.neg() : grad;
                    Tensor stepT = (Tensor) state.get("step");
                    assign(stepT, stepT.add(1));
                    double step = stepT.item();
                    Tensor expAvg = (Tensor) state.get("exp_avg");
                    Tensor expAvgSq = (Tensor) state.get("exp_avg_sq");
                    // A device backend may fuse the update into one kernel; the CPU's default declines.
                    if (!amsgrad && !maximize && p.data().backend().fusedAdamStep(p.data(), grad.data(),
                            expAvg.data(), expAvgSq.data(), lr, beta1, beta2, eps, weightDecay,
                            decoupledWeightDecay(), (long) step)) {
                        continue;
                    }
                    if (decoupledWeightDecay()) {
                        assign(p, param.mul(1 - lr * weightDecay));
                    } else if (weightDecay != 0) {
                        g = g.add(param, weightDecay);
                    }
                    assign(expAvg, expAvg.mul(beta1).add(g, 1 - beta1));
                    assign(expAvgSq, expAvgSq.mul(beta2).add(g.mul(g), 1 - beta2));
                    double biasCorrection1 = 1 - Math.pow(beta1, step);
                    double biasCorrection2 = 1 - Math.pow(beta2, step);
                    double stepSize = lr / biasCorrection1;
                    double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
                    Tensor second = expAvgSq;
                    if (amsgrad) {
                        Tensor max = (Tensor) state.get("max_exp_avg_sq");
                        assign(max, max.maximum(expAvgSq));
                        second = max;
                    }
                    Tensor denom = second.sqrt().div(biasCorrection2Sqrt).add(eps);
                    assign(p, param.add(expAvg.div(denom), -stepSize));
                }
            }
        }
    }

    /** The Adam family's hyperparameters with PyTorch's defaults. */
    public static final class Options {
        double lr = 1e-3;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;
        Double weightDecay;
        boolean amsgrad;
        boolean maximize;

        public Options lr(double lr) {
            this.lr = lr;
            return this;
        }

        public Options betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** Default 0 for Adam, 1e-2 for AdamW. */
        public Options weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Options amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        public Options maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        private void validate(double wd) {
            if (!(0.0 <= lr)) {
                throw new IllegalArgumentException("Invalid learning rate: " + PyFloat.repr(lr));
            }
            if (!(0.0 <= eps)) {
                throw new IllegalArgumentException("Invalid epsilon value: " + PyFloat.repr(eps));
            }
            if (!(0.0 <= beta1 && beta1 < 1.0)) {
                throw new IllegalArgumentException("Invalid beta parameter at index 0: " + PyFloat.repr(beta1));
            }
            if (!(0.0 <= beta2 && beta2 < 1.0)) {
                throw new IllegalArgumentException("Invalid beta parameter at index 1: " + PyFloat.repr(beta2));
            }
            if (!(0.0 <= wd)) {
                throw new IllegalArgumentException("Invalid weight_decay value: " + PyFloat.repr(wd));
            }
        }

        /** Adam's defaults in PyTorch 1.13's key order. */
        Map<String, Object> toAdamDefaults() {
            double wd = weightDecay == null ? 0.0 : weightDecay;
            validate(wd);
            LinkedHashMap<String, Object> d = new LinkedHashMap<>();
            d.put("lr", lr);
            d.put("betas", List.of(beta1, beta2));
            d.put("eps", eps);
            d.put("weight_decay", wd);
            d.put("amsgrad", amsgrad);
            d.put("maximize", maximize);
            d.put("foreach", null);
            d.put("capturable", false);
            d.put("differentiable", false);
            d.put("fused", false);
            return d;
        }

        /** AdamW's defaults in PyTorch 1.13's key order. */
        Map<String, Object> toAdamWDefaults() {
            double wd = weightDecay == null ? 1e-2 : weightDecay;
            validate(wd);
            LinkedHashMap<String, Object> d = new LinkedHashMap<>();
            d.put("lr", lr);
            d.put("betas", List.of(beta1, beta2));
            d.put("eps", eps);
            d.put("weight_decay", wd);
            d.put("amsgrad", amsgrad);
            d.put("foreach", null);
            d.put("maximize", maximize);
            d.put("capturable", false);
            return d;
        }
    }
}
