package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code Hardswish(x) = x · ReLU6(x + 3) / 6}, elementwise.
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * <p><b>Note:</b> {@code inplace} is accepted and the result computed out of place; PyTorch 1.13 prints
 * {@code Hardswish()} either way, and so do we.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.Hardswish.html">torch.nn.Hardswish</a>
 */
public class Hardswish extends Module {
    public final boolean inplace;

    public Hardswish() {
        this(false);
    }

    public Hardswish(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.hardswish(input);
    }
}
