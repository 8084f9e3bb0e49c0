package jtorch.nn;

import jtorch.Tensor;

/**
 * Flattens dims {@code startDim..endDim} into one: {@code (N, C, H, W)} becomes {@code (N, C·H·W)} with the
 * defaults {@code startDim=1, endDim=-1}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.Flatten.html">torch.nn.Flatten</a>
 */
public class Flatten extends Module {
    public final int startDim;
    public final int endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
