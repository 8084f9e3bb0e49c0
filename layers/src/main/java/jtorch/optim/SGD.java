package jtorch.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum, weight decay and
 * maximization, exactly as PyTorch 1.13's single-tensor algorithm:
 * <pre>
 * g ← ∇θ (negated when maximize);  g ← g + λθ           (weight_decay λ ≠ 0)
 * b ← g on the first step, else b ← μb + (1 − τ)g       (momentum μ ≠ 0, dampening τ)
 * g ← g + μb (nesterov) or g ← b
 * θ ← θ − lr·g
 * </pre>
 * State per parameter: {@code momentum_buffer} (null while momentum is 0, as PyTorch stores None).
 *
 * {@snippet :
 * var optimizer = new SGD(model.parameters(), 0.01, 0.9);               // lr, momentum
 * var nesterov = new SGD(model.parameters(), new SGD.Options(0.1).momentum(0.9).nesterov(true));
 * }
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.SGD.html">torch.optim.SGD</a>
 */
public class SGD extends Optimizer {
    /** {@code SGD(params, lr)}. */
    public SGD(List<? extends Tensor> params, double lr) {
        this(params, new Options(lr));
    }

    /** {@code SGD(params, lr, momentum)}. */
    public SGD(List<? extends Tensor> params, double lr, double momentum) {
        this(params, new Options(lr).momentum(momentum));
    }

    /** {@code SGD(params, lr, momentum, dampening, weight_decay, nesterov)}, PyTorch's positional order. */
    public SGD(List<? extends Tensor> params, double lr, double momentum, double dampening, double weightDecay,
               boolean nesterov) {
        this(params, new Options(lr).momentum(momentum).dampening(dampening).weightDecay(weightDecay)
                .nesterov(nesterov));
    }

    public SGD(List<? extends Tensor> params, Options options) {
        super(params, options.toDefaults());
    }

    /** Several parameter groups, each overriding some of {@code options}. */
    public SGD(Iterable<ParamGroup> groups, Options options) {
        super(groups, options.toDefaults());
    }

    @Override
    public void step() {
        try (var ignored = Torch.noGrad()) {
            for (ParamGroup group : paramGroups()) {
                double lr = group.lr();
                double momentum = group.getDouble("momentum");
                double dampening = group.getDouble("dampening");
                double weightDecay = group.getDouble("weight_decay");
                boolean nesterov = group.getBoolean("nesterov");
                boolean maximize = group.getBoolean("maximize");
                for (Tensor p : group.params()) {
                    Tensor grad = gradOf(p);
                    if (grad == null) {
                        continue;
                    }
                    Map<String, Object> state = state(p);
                    Tensor buf = (Tensor) state.get("momentum_buffer");
                    // The backend may fuse the update into one in-place pass (CPU: contiguous float32 through
                    // jtorch.simd.Optim; OpenCL: one kernel); the first momentum step, which creates the buffer, is
                    // always composed.
                    if (!maximize && (momentum == 0 || buf != null) && p.data().backend().fusedSgdStep(p.data(),
                            grad.data(), buf == null ? null : buf.data(), lr, momentum, dampening, weightDecay,
                            nesterov)) {
                        state.put("momentum_buffer", buf);
                        continue;
                    }
                    Tensor param = p.detach();
                    Tensor d = maximize ? grad.neg() : grad;
                    if (weightDecay != 0) {
                        d = d.add(param, weightDecay);
                    }
                    if (momentum != 0) {
                        if (buf == null) {
                            buf = d.clone();
                        } else {
                            assign(buf, buf.mul(momentum).add(d, 1 - dampening));
                        }
                        d = nesterov ? d.add(buf, momentum) : buf;
                    }
                    state.put("momentum_buffer", buf);
                    assign(p, param.add(d, -lr));
                }
            }
        }
    }

    /** SGD's hyperparameters with PyTorch's defaults (all 0 / false but {@code lr}, which is required). */
    public static final class Options {
        private final double lr;
        private double momentum;
        private double dampening;
        private double weightDecay;
        private boolean nesterov;
        private boolean maximize;

        public Options(double lr) {
            this.lr = lr;
        }

        public Options momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        public Options dampening(double dampening) {
            this.dampening = dampening;
            return this;
        }

        public Options weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Options nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        public Options maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /** Validates with PyTorch's messages and returns the defaults in PyTorch's key order. */
        Map<String, Object> toDefaults() {
            if (!(lr >= 0.0)) {   // TORCH: "not 0.0 <= lr" also rejects NaN
                throw new IllegalArgumentException("Invalid learning rate: " + py(lr));
            }
            if (momentum < 0.0) {
                throw new IllegalArgumentException("Invalid momentum value: " + py(momentum));
            }
            if (weightDecay < 0.0) {
                throw new IllegalArgumentException("Invalid weight_decay value: " + py(weightDecay));
            }
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
            }
            LinkedHashMap<String, Object> d = new LinkedHashMap<>();
            d.put("lr", lr);
            d.put("momentum", momentum);
            d.put("dampening", dampening);
            d.put("weight_decay", weightDecay);
            d.put("nesterov", nesterov);
            d.put("maximize", maximize);
            d.put("foreach", null);
            d.put("differentiable", false);
            return d;
        }

        private static String py(double v) {
            return PyFloat.repr(v);
        }
    }
}
