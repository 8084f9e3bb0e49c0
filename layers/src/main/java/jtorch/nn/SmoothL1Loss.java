package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code ℓ_n = 0.5·(x_n − y_n)²/β} if {@code |x_n − y_n| < β}, else {@code |x_n − y_n| − 0.5·β}, reduced by
 * {@link #reduction}; {@code β = 1.0} by default.
 *
 * <p><b>Shape:</b> input {@code (*)}, target of the same shape; output a scalar, or {@code (*)} with
 * {@link Reduction#NONE}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.SmoothL1Loss.html">torch.nn.SmoothL1Loss</a>
 */
public class SmoothL1Loss extends Loss {
    public final double beta;

    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    public SmoothL1Loss(Reduction reduction) {
        this(reduction, 1.0);
    }

    public SmoothL1Loss(Reduction reduction, double beta) {
        super(reduction);
        this.beta = beta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.smoothL1Loss(input, target, reduction, beta);
    }
}
