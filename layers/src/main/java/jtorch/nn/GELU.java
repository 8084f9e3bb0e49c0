package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code GELU(x) = x · Φ(x)} with Φ the standard normal CDF ({@code approximate="none"}, the default), or
 * its tanh approximation {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))} ({@code approximate="tanh"}).
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.GELU.html">torch.nn.GELU</a>
 */
public class GELU extends Module {
    public final String approximate;

    public GELU() {
        this("none");
    }

    /** @param approximate {@code "none"} or {@code "tanh"} */
    public GELU(String approximate) {
        if (!approximate.equals("none") && !approximate.equals("tanh")) {
            throw new IllegalArgumentException("approximate argument must be either none or tanh.");
        }
        this.approximate = approximate;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.gelu(input, approximate);
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
