package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * A 2-d max pooling over an input of shape {@code (N, C, H, W)}.
 *
 * <p><b>Shape:</b> output {@code (N, C, H_out, W_out)} with
 * {@code H_out = floor((H_in + 2·padding − dilation·(kernel−1) − 1) / stride + 1)} (ceil with
 * {@code ceilMode}); likewise W.
 *
 * <p>Sizes given as one int print as an int and as an array of two print as a tuple, as in PyTorch.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.MaxPool2d.html">torch.nn.MaxPool2d</a>
 */
public class MaxPool2d extends Module {
    public final int[] kernelSize;
    public final int[] stride;
    public final int[] padding;
    public final int[] dilation;
    public final boolean ceilMode;

    /** Window {@code kernelSize}, stride {@code kernelSize} (PyTorch's default), no padding. */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0, 1, false);
    }

    public MaxPool2d(int kernelSize, int stride) {
        this(kernelSize, stride, 0, 1, false);
    }

    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(kernelSize, stride, padding, 1, false);
    }

    public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {dilation}, ceilMode);
    }

    /** @param stride null for the kernel size */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.ceilMode = ceilMode;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + Repr.intOrTuple(kernelSize) + ", stride=" + Repr.intOrTuple(stride) + ", padding="
                + Repr.intOrTuple(padding) + ", dilation=" + Repr.intOrTuple(dilation) + ", ceil_mode="
                + Repr.pyBool(ceilMode);
    }
}
