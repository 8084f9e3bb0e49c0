package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code Tanh(x) = (exp(x) − exp(−x)) / (exp(x) + exp(−x))}, elementwise.
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.Tanh.html">torch.nn.Tanh</a>
 */
public class Tanh extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return F.tanh(input);
    }
}
