package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code Hardsigmoid(x) = ReLU6(x + 3) / 6}, elementwise.
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * <p><b>Note:</b> {@code inplace} is accepted and the result computed out of place; PyTorch 1.13 prints
 * {@code Hardsigmoid()} either way, and so do we.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.Hardsigmoid.html">torch.nn.Hardsigmoid</a>
 */
public class Hardsigmoid extends Module {
    public final boolean inplace;

    public Hardsigmoid() {
        this(false);
    }

    public Hardsigmoid(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.hardsigmoid(input);
    }
}
