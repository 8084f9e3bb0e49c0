package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code Sigmoid(x) = 1 / (1 + exp(−x))}, elementwise.
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.Sigmoid.html">torch.nn.Sigmoid</a>
 */
public class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return F.sigmoid(input);
    }
}
