package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * In training, zeroes each element with probability {@code p} (from the default generator) and scales the
 * others by {@code 1/(1−p)}; in evaluation ({@link #eval()}) the identity.
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * <p><b>Note:</b> {@code inplace=true} prints as in PyTorch but computes out of place.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.Dropout.html">torch.nn.Dropout</a>
 */
public class Dropout extends Module {
    public final double p;
    public final boolean inplace;

    /** p = 0.5. */
    public Dropout() {
        this(0.5, false);
    }

    public Dropout(double p) {
        this(p, false);
    }

    public Dropout(double p, boolean inplace) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got "
                    + Repr.pyFloat(p));
        }
        this.p = p;
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout(input, p, isTraining());
    }

    @Override
    protected String extraRepr() {
        return "p=" + Repr.pyFloat(p) + ", inplace=" + Repr.pyBool(inplace);
    }
}
