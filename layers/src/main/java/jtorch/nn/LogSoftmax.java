package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code LogSoftmax(x_i) = x_i − log Σ_j exp(x_j)} along {@code dim}, computed stably.
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * <p>Without a dim, the implicit choice of {@link Softmax} applies.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.LogSoftmax.html">torch.nn.LogSoftmax</a>
 */
public class LogSoftmax extends Module {
    /** The dim, or null for PyTorch's implicit choice. */
    public final Integer dim;

    public LogSoftmax() {
        this(null);
    }

    public LogSoftmax(Integer dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.logSoftmax(input, Softmax.implicitDim(dim, input.dim()));
    }

    @Override
    protected String extraRepr() {
        return "dim=" + (dim == null ? "None" : dim.toString());
    }
}
