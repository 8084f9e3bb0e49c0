package jtorch.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.tensor.NdArray;

/**
 * Adagrad, exactly as PyTorch 1.13's single-tensor algorithm (dense gradients):
 * <pre>
 * t ← t + 1;  g ← ∇θ (negated when maximize);  g ← g + λθ   (weight_decay λ ≠ 0)
 * η ← lr / (1 + (t − 1)·lr_decay)
 * s ← s + g²;  θ ← θ − η·g / (√s + ε)
 * </pre>
 * State per parameter, created at construction for every parameter as PyTorch does: {@code step} (a float32
 * scalar tensor) and {@code sum} (filled with {@code initial_accumulator_value}). Defaults: lr 1e-2,
 * lr_decay 0, weight decay 0, initial accumulator 0, eps 1e-10.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.Adagrad.html">torch.optim.Adagrad</a>
 */
public class Adagrad extends Optimizer {
    public Adagrad(List<? extends Tensor> params) {
        this(params, new Options());
    }

    public Adagrad(List<? extends Tensor> params, double lr) {
        this(params, new Options().lr(lr));
    }

    /** {@code Adagrad(params, lr, lr_decay, weight_decay, initial_accumulator_value, eps)}, PyTorch's order. */
    public Adagrad(List<? extends Tensor> params, double lr, double lrDecay, double weightDecay,
                   double initialAccumulatorValue, double eps) {
        this(params, new Options().lr(lr).lrDecay(lrDecay).weightDecay(weightDecay)
                .initialAccumulatorValue(initialAccumulatorValue).eps(eps));
    }

    public Adagrad(List<? extends Tensor> params, Options options) {
        super(params, options.toDefaults());
        initState();
    }

    public Adagrad(Iterable<ParamGroup> groups, Options options) {
        super(groups, options.toDefaults());
        initState();
    }

    private void initState() {
        for (ParamGroup group : paramGroups()) {
            double init = group.getDouble("initial_accumulator_value");
            for (Tensor p : group.params()) {
                Map<String, Object> state = state(p);
                state.put("step", Torch.tensor(0f));
                NdArray sum = NdArray.zeros(p.data().backend(), p.dtype(), p.shape());
                sum.backend().fill(sum, init);
                state.put("sum", new Tensor(sum));
            }
        }
    }

    @Override
    public void step() {
        try (var ignored = Torch.noGrad()) {
            for (ParamGroup group : paramGroups()) {
                double lr = group.lr();
                double lrDecay = group.getDouble("lr_decay");
                double weightDecay = group.getDouble("weight_decay");
                double eps = group.getDouble("eps");
                boolean maximize = group.getBoolean("maximize");
                for (Tensor p : group.params()) {
                    Tensor grad = gradOf(p);
                    if (grad == null) {
                        continue;
                    }
                    Map<String, Object> state = state(p);
                    Tensor stepT = (Tensor) state.get("step");
                    assign(stepT, stepT.add(1));
                    double step = stepT.item();
                    Tensor param = p.detach();
                    Tensor g = maximize ? grad.neg() : grad;
                    if (weightDecay != 0) {
                        g = g.add(param, weightDecay);
                    }
                    double clr = lr / (1 + (step - 1) * lrDecay);
                    Tensor sum = (Tensor) state.get("sum");
                    assign(sum, sum.add(g.mul(g)));
                    Tensor std = sum.sqrt().add(eps);
                    assign(p, param.add(g.div(std), -clr));
                }
            }
        }
    }

    /** Adagrad's hyperparameters with PyTorch's defaults. */
    public static final class Options {
        private double lr = 1e-2;
        private double lrDecay;
        private double weightDecay;
        private double initialAccumulatorValue;
        private double eps = 1e-10;
        private boolean maximize;

        public Options lr(double lr) {
            this.lr = lr;
            return this;
        }

        public Options lrDecay(double lrDecay) {
            this.lrDecay = lrDecay;
            return this;
        }

        public Options weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Options initialAccumulatorValue(double value) {
            this.initialAccumulatorValue = value;
            return this;
        }

        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }

        public Options maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        Map<String, Object> toDefaults() {
            if (!(0.0 <= lr)) {
                throw new IllegalArgumentException("Invalid learning rate: " + PyFloat.repr(lr));
            }
            if (!(0.0 <= lrDecay)) {
                throw new IllegalArgumentException("Invalid lr_decay value: " + PyFloat.repr(lrDecay));
            }
            if (!(0.0 <= weightDecay)) {
                throw new IllegalArgumentException("Invalid weight_decay value: " + PyFloat.repr(weightDecay));
            }
            if (!(0.0 <= initialAccumulatorValue)) {
                throw new IllegalArgumentException("Invalid initial_accumulator_value value: "
                        + PyFloat.repr(initialAccumulatorValue));
            }
            if (!(0.0 <= eps)) {
                throw new IllegalArgumentException("Invalid epsilon value: " + PyFloat.repr(eps));
            }
            LinkedHashMap<String, Object> d = new LinkedHashMap<>();
            d.put("lr", lr);
            d.put("lr_decay", lrDecay);
            d.put("eps", eps);
            d.put("weight_decay", weightDecay);
            d.put("initial_accumulator_value", initialAccumulatorValue);
            d.put("foreach", null);
            d.put("maximize", maximize);
            return d;
        }
    }
}
