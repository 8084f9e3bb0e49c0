package jtorch.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;

/**
 * RMSprop, optionally centered and with momentum, exactly as PyTorch 1.13's single-tensor algorithm:
 * <pre>
 * g ← ∇θ (negated when maximize);  g ← g + λθ            (weight_decay λ ≠ 0)
 * v ← αv + (1 − α)g²;  ḡ ← αḡ + (1 − α)g and ṽ ← v − ḡ²  (centered), else ṽ ← v
 * d ← √ṽ + ε
 * b ← μb + g/d; θ ← θ − lr·b   (momentum μ > 0), else θ ← θ − lr·g/d
 * </pre>
 * State per parameter: {@code step} (an int, as 1.13 keeps it), {@code square_avg}, {@code momentum_buffer}
 * (momentum > 0), {@code grad_avg} (centered). Defaults: lr 1e-2, alpha 0.99, eps 1e-8, weight decay 0,
 * momentum 0, centered false.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.RMSprop.html">torch.optim.RMSprop</a>
 */
public class RMSprop extends Optimizer {
    public RMSprop(List<? extends Tensor> params) {
        this(params, new Options());
    }

    public RMSprop(List<? extends Tensor> params, double lr) {
        this(params, new Options().lr(lr));
    }

    /** {@code RMSprop(params, lr, alpha, eps, weight_decay, momentum, centered)}, PyTorch's positional order. */
    public RMSprop(List<? extends Tensor> params, double lr, double alpha, double eps, double weightDecay,
                   double momentum, boolean centered) {
        this(params, new Options().lr(lr).alpha(alpha).eps(eps).weightDecay(weightDecay).momentum(momentum)
                .centered(centered));
    }

    public RMSprop(List<? extends Tensor> params, Options options) {
        super(params, options.toDefaults());
    }

    public RMSprop(Iterable<ParamGroup> groups, Options options) {
        super(groups, options.toDefaults());
    }

    @Override
    public void step() {
        try (var ignored = Torch.noGrad()) {
            for (ParamGroup group : paramGroups()) {
                double lr = group.lr();
                double alpha = group.getDouble("alpha");
                double eps = group.getDouble("eps");
                double weightDecay = group.getDouble("weight_decay");
                double momentum = group.getDouble("momentum");
                boolean centered = group.getBoolean("centered");
                boolean maximize = group.getBoolean("maximize");
                for (Tensor p : group.params()) {
                    Tensor grad = gradOf(p);
                    if (grad == null) {
                        continue;
                    }
                    Map<String, Object> state = state(p);
                    if (state.isEmpty()) {
                        state.put("step", 0);
                        state.put("square_avg", zerosLike(p));
                        if (momentum > 0) {
                            state.put("momentum_buffer", zerosLike(p));
                        }
                        if (centered) {
                            state.put("grad_avg", zerosLike(p));
                        }
                    }
                    state.put("step", ((Number) state.get("step")).intValue() + 1);
                    Tensor param = p.detach();
                    Tensor g = maximize ? grad.neg() : grad;
                    if (weightDecay != 0) {
                        g = g.add(param, weightDecay);
                    }
                    Tensor squareAvg = (Tensor) state.get("square_avg");
                    assign(squareAvg, squareAvg.mul(alpha).add(g.mul(g), 1 - alpha));
                    Tensor avg;
                    if (centered) {
                        Tensor gradAvg = (Tensor) state.get("grad_avg");
                        assign(gradAvg, gradAvg.mul(alpha).add(g, 1 - alpha));
                        avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt();
                    } else {
                        avg = squareAvg.sqrt();
                    }
                    avg = avg.add(eps);
                    if (momentum > 0) {
                        Tensor buf = (Tensor) state.get("momentum_buffer");
                        assign(buf, buf.mul(momentum).add(g.div(avg)));
                        assign(p, param.add(buf, -lr));
                    } else {
                        assign(p, param.add(g.div(avg), -lr));
                    }
                }
            }
        }
    }

    /** RMSprop's hyperparameters with PyTorch's defaults. */
    public static final class Options {
        private double lr = 1e-2;
        private double alpha = 0.99;
        private double eps = 1e-8;
        private double weightDecay;
        private double momentum;
        private boolean centered;
        private boolean maximize;

        public Options lr(double lr) {
            this.lr = lr;
            return this;
        }

        public Options alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }

        public Options weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Options momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        public Options centered(boolean centered) {
            this.centered = centered;
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
            if (!(0.0 <= eps)) {
                throw new IllegalArgumentException("Invalid epsilon value: " + PyFloat.repr(eps));
            }
            if (!(0.0 <= momentum)) {
                throw new IllegalArgumentException("Invalid momentum value: " + PyFloat.repr(momentum));
            }
            if (!(0.0 <= weightDecay)) {
                throw new IllegalArgumentException("Invalid weight_decay value: " + PyFloat.repr(weightDecay));
            }
            if (!(0.0 <= alpha)) {
                throw new IllegalArgumentException("Invalid alpha value: " + PyFloat.repr(alpha));
            }
            LinkedHashMap<String, Object> d = new LinkedHashMap<>();
            d.put("lr", lr);
            d.put("momentum", momentum);
            d.put("alpha", alpha);
            d.put("eps", eps);
            d.put("centered", centered);
            d.put("weight_decay", weightDecay);
            d.put("foreach", null);
            d.put("maximize", maximize);
            d.put("differentiable", false);
            return d;
        }
    }
}
