package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * Binary cross entropy of probabilities: {@code ℓ_n = −w_n·(y_n·log x_n + (1 − y_n)·log(1 − x_n))}, with the
 * logs clamped at −100 as in PyTorch, reduced by {@link #reduction}.
 *
 * <p><b>Shape:</b> input {@code (*)} in [0, 1], target of the same shape; output a scalar, or {@code (*)} with
 * {@link Reduction#NONE}. {@code weight} (buffer {@code weight}) broadcasts to the input.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.BCELoss.html">torch.nn.BCELoss</a>
 */
public class BCELoss extends Loss {
    public BCELoss() {
        this(null, Reduction.MEAN);
    }

    public BCELoss(Reduction reduction) {
        this(null, reduction);
    }

    /** {@code weight} may be null. */
    public BCELoss(Tensor weight, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight);
    }

    public Tensor weight() {
        return buffer("weight");
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, weight(), reduction);
    }
}
