package jtorch.nn;

import jtorch.Tensor;

/**
 * A placeholder that returns its input unchanged (used to remove a layer from a model).
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.Identity.html">torch.nn.Identity</a>
 */
public class Identity extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
