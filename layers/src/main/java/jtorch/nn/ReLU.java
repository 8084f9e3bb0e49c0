package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * {@code ReLU(x) = max(0, x)}, elementwise (gradient 0 at x = 0, as PyTorch).
 *
 * <p><b>Shape:</b> input {@code (*)}, output of the same shape.
 *
 * <p><b>Note:</b> {@code inplace=true} overwrites the input and returns it when autograd is not recording
 * ({@code Torch.noGrad()}, inference), as PyTorch; while recording it computes out of place and leaves the input
 * unchanged, because tensors carry no version counter that would catch a backward formula reading overwritten
 * values ({@link F#relu(Tensor, boolean)}).
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.ReLU.html">torch.nn.ReLU</a>
 */
public class ReLU extends Module {
    public final boolean inplace;

    public ReLU() {
        this(false);
    }

    /** @param inplace PyTorch's flag (default false); see the note */
    public ReLU(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.relu(input, inplace);
    }

    @Override
    protected String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
