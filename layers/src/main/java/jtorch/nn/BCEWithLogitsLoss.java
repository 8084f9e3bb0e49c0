package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * Binary cross entropy of logits, with the sigmoid folded in for stability:
 * {@code ℓ_n = −w_n·(p·y_n·log σ(x_n) + (1 − y_n)·log(1 − σ(x_n)))}, reduced by {@link #reduction}.
 *
 * <p><b>Shape:</b> input {@code (*)}, target of the same shape. {@code weight} (buffer {@code weight})
 * broadcasts to the input; {@code posWeight} (buffer {@code pos_weight}) to the last (class) dim.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.BCEWithLogitsLoss.html">torch.nn.BCEWithLogitsLoss</a>
 */
public class BCEWithLogitsLoss extends Loss {
    public BCEWithLogitsLoss() {
        this(null, Reduction.MEAN, null);
    }

    public BCEWithLogitsLoss(Reduction reduction) {
        this(null, reduction, null);
    }

    /** Every option, in PyTorch's order; {@code weight} and {@code posWeight} may be null. */
    public BCEWithLogitsLoss(Tensor weight, Reduction reduction, Tensor posWeight) {
        super(reduction);
        registerBuffer("weight", weight);
        registerBuffer("pos_weight", posWeight);
    }

    public Tensor weight() {
        return buffer("weight");
    }

    public Tensor posWeight() {
        return buffer("pos_weight");
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropyWithLogits(input, target, weight(), posWeight(), reduction);
    }
}
