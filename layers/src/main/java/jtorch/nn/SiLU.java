package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code SiLU(x) = x · sigmoid(x)} (swish), elementwise.
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * <p><b>Note:</b> {@code inplace=true} prints as in PyTorch but computes out of place: the result is a new
 * tensor and the input is left unchanged (same values, one more buffer).
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.SiLU.html">torch.nn.SiLU</a>
 */
public class SiLU extends Module {
    public final boolean inplace;

    public SiLU() {
        this(false);
    }

    /** @param inplace PyTorch's flag (default false); see the note */
    public SiLU(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.silu(input);
    }

    @Override
    protected String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
