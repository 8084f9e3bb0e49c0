package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * The mean squared error {@code ℓ_n = (x_n − y_n)²}, reduced by {@link #reduction}.
 *
 * <p><b>Shape:</b> input {@code (*)}, target of the same shape; output a scalar, or {@code (*)} with
 * {@link Reduction#NONE}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.MSELoss.html">torch.nn.MSELoss</a>
 */
public class MSELoss extends Loss {
    /** Mean reduction. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.mseLoss(input, target, reduction);
    }
}
