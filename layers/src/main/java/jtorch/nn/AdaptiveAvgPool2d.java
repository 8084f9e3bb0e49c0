package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * A 2-d adaptive average pooling: output {@code (N, C, H_out, W_out)} for any input size, each output cell
 * averaging the input window {@code [floor(i·H_in/H_out), ceil((i+1)·H_in/H_out))}.
 *
 * <p><b>Note:</b> PyTorch's {@code None} entries (keep the input size) are not supported yet.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.AdaptiveAvgPool2d.html">torch.nn.AdaptiveAvgPool2d</a>
 */
public class AdaptiveAvgPool2d extends Module {
    public final int[] outputSize;

    /** A square output: prints {@code output_size=1}. */
    public AdaptiveAvgPool2d(int outputSize) {
        this(new int[] {outputSize});
    }

    /** {@code (H_out, W_out)}: prints {@code output_size=(7, 7)}. */
    public AdaptiveAvgPool2d(int[] outputSize) {
        this.outputSize = outputSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool2d(input, outputSize);
    }

    @Override
    protected String extraRepr() {
        return "output_size=" + Repr.intOrTuple(outputSize);
    }
}
