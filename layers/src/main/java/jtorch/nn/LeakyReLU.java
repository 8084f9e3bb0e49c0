package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code LeakyReLU(x) = x} for {@code x ≥ 0}, {@code negativeSlope · x} otherwise, elementwise.
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * <p><b>Note:</b> {@code inplace=true} prints as in PyTorch but computes out of place.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.LeakyReLU.html">torch.nn.LeakyReLU</a>
 */
public class LeakyReLU extends Module {
    public final double negativeSlope;
    public final boolean inplace;

    /** Slope 0.01. */
    public LeakyReLU() {
        this(0.01, false);
    }

    public LeakyReLU(double negativeSlope) {
        this(negativeSlope, false);
    }

    public LeakyReLU(double negativeSlope, boolean inplace) {
        this.negativeSlope = negativeSlope;
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.leakyRelu(input, negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + Repr.pyFloat(negativeSlope) + (inplace ? ", inplace=True" : "");
    }
}
