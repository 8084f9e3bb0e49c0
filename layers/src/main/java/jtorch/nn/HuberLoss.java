package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code ℓ_n = 0.5·(x_n − y_n)²} if {@code |x_n − y_n| < δ}, else {@code δ·(|x_n − y_n| − 0.5·δ)}, reduced by
 * {@link #reduction}; {@code δ = 1.0} by default.
 *
 * <p><b>Shape:</b> input {@code (*)}, target of the same shape; output a scalar, or {@code (*)} with
 * {@link Reduction#NONE}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.HuberLoss.html">torch.nn.HuberLoss</a>
 */
public class HuberLoss extends Loss {
    public final double delta;

    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    public HuberLoss(Reduction reduction) {
        this(reduction, 1.0);
    }

    public HuberLoss(Reduction reduction, double delta) {
        super(reduction);
        this.delta = delta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.huberLoss(input, target, reduction, delta);
    }
}
