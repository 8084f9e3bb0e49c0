package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code ReLU(x) = max(0, x)}, elementwise (gradient 0 at x = 0, as PyTorch).
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * <p><b>Note:</b> {@code inplace=true} prints as in PyTorch but computes out of place: the result is a new
 * tensor and the input is left unchanged (same values, one more buffer).
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.ReLU.html">torch.nn.ReLU</a>
 */
public class ReLU extends Module {
    public final boolean inplace;

    public ReLU() {
        this(false);
    }

    /** @param inplace PyTorch's flag (default false); see the note */
    public ReLU(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.relu(input);
    }

    @Override
    protected String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
