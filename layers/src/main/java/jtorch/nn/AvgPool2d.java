package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * A 2-d average pooling over an input of shape {@code (N, C, H, W)}.
 *
 * <p><b>Shape:</b> output {@code (N, C, H_out, W_out)} with
 * {@code H_out = floor((H_in + 2·padding − kernel) / stride + 1)} (ceil with {@code ceilMode}); likewise W.
 *
 * <p><b>Note:</b> {@code divisor_override} is not supported yet.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.AvgPool2d.html">torch.nn.AvgPool2d</a>
 */
public class AvgPool2d extends Module {
    public final int[] kernelSize;
    public final int[] stride;
    public final int[] padding;
    public final boolean ceilMode;
    public final boolean countIncludePad;

    /** Window {@code kernelSize}, stride {@code kernelSize}, no padding. */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    public AvgPool2d(int kernelSize, int stride) {
        this(kernelSize, stride, 0);
    }

    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, false, true);
    }

    /**
     * @param stride null for the kernel size
     * @param countIncludePad whether the zero padding counts in the divisor (default true)
     */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + Repr.intOrTuple(kernelSize) + ", stride=" + Repr.intOrTuple(stride) + ", padding="
                + Repr.intOrTuple(padding);
    }
}
