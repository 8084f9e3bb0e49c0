package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * The mean absolute error {@code ℓ_n = |x_n − y_n|}, reduced by {@link #reduction}.
 *
 * <p><b>Shape:</b> input {@code (*)}, target of the same shape; output a scalar, or {@code (*)} with
 * {@link Reduction#NONE}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.L1Loss.html">torch.nn.L1Loss</a>
 */
public class L1Loss extends Loss {
    /** Mean reduction. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.l1Loss(input, target, reduction);
    }
}
