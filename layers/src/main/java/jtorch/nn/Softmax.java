package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code Softmax(x_i) = exp(x_i) / Σ_j exp(x_j)} along {@code dim}.
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape, each slice along {@code dim} summing to 1.
 *
 * <p>Without a dim PyTorch picks one implicitly (0 for 0-, 1- and 3-d inputs, else 1) and warns; we pick
 * the same dim without the warning.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.Softmax.html">torch.nn.Softmax</a>
 */
public class Softmax extends Module {
    /** The dim, or null for PyTorch's implicit choice. */
    public final Integer dim;

    public Softmax() {
        this(null);
    }

    public Softmax(Integer dim) {
        this.dim = dim;
    }

    /** PyTorch's {@code _get_softmax_dim}. */
    static int implicitDim(Integer dim, int ndim) {
        if (dim != null) {
            return dim;
        }
        return (ndim == 0 || ndim == 1 || ndim == 3) ? 0 : 1;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.softmax(input, implicitDim(dim, input.dim()));
    }

    @Override
    protected String extraRepr() {
        return "dim=" + (dim == null ? "None" : dim.toString());
    }
}
