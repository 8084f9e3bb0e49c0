package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code ReLU6(x) = min(max(0, x), 6)}, elementwise.
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * <p><b>Note:</b> {@code inplace=true} prints as in PyTorch but computes out of place: the result is a new
 * tensor and the input is left unchanged (same values, one more buffer).
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.ReLU6.html">torch.nn.ReLU6</a>
 */
public class ReLU6 extends Module {
    public final boolean inplace;

    public ReLU6() {
        this(false);
    }

    /** @param inplace PyTorch's flag (default false); see the note */
    public ReLU6(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.relu6(input);
    }

    @Override
    protected String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
