package jtorch.nn;

import java.util.Set;
import jtorch.Tensor;
import jtorch.nn.functional.F;
import jtorch.nn.init.Init;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;

/**
 * A 2-d convolution over an input of shape {@code (N, C_in, H, W)}:
 * {@code out(N_i, C_out_j) = bias(C_out_j) + Σ_k weight(C_out_j, k) ⋆ input(N_i, k)}.
 *
 * <p><b>Shape:</b> input {@code (N, C_in, H_in, W_in)}, output {@code (N, C_out, H_out, W_out)} with
 * {@code H_out = floor((H_in + 2·padding − dilation·(kernel−1) − 1) / stride) + 1} (likewise W).
 *
 * <p><b>Attributes:</b> {@code weight} of shape {@code (out, in/groups, kH, kW)} and {@code bias} of shape
 * {@code (out)} (null with {@code bias=false}), both U(−√k, √k) with {@code k = groups/(in·kH·kW)}.
 *
 * <p>Rare options go through {@link #builder}:
 * {@snippet :
 * Conv2d conv = Conv2d.builder(3, 64, 3).stride(2).padding(1).dilation(2).groups(1).bias(false).build();
 * }
 *
 * <p><b>Note:</b> padding modes other than {@code "zeros"} are accepted and printed, but {@code forward}
 * throws "not supported yet" for them; string paddings ({@code "same"}, {@code "valid"}) are not supported.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.Conv2d.html">torch.nn.Conv2d</a>
 */
public class Conv2d extends Module {
    private static final Set<String> PADDING_MODES = Set.of("zeros", "reflect", "replicate", "circular");

    public final int inChannels;
    public final int outChannels;
    public final int[] kernelSize;
    public final int[] stride;
    public final int[] padding;
    public final int[] dilation;
    public final int groups;
    public final String paddingMode;
    public final Parameter weight;
    public final Parameter bias;

    /** {@code Conv2d(in, out, kernel)} with stride 1 and no padding. */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride) {
        this(inChannels, outChannels, kernelSize, stride, 0);
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, new int[] {padding},
                new int[] {1}, 1, true, "zeros");
    }

    /** Rectangular kernel, stride and padding: each array holds one value (both dims) or two (H, W). */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding) {
        this(inChannels, outChannels, kernelSize, stride, padding, new int[] {1}, 1, true, "zeros");
    }

    /** Every option, in PyTorch's order. */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                  int groups, boolean bias, String paddingMode) {
        if (groups <= 0) {
            throw new IllegalArgumentException("groups must be a positive integer");
        }
        if (inChannels % groups != 0) {
            throw new IllegalArgumentException("in_channels must be divisible by groups");
        }
        if (outChannels % groups != 0) {
            throw new IllegalArgumentException("out_channels must be divisible by groups");
        }
        if (!PADDING_MODES.contains(paddingMode)) {
            throw new IllegalArgumentException("padding_mode must be one of ['zeros', 'reflect', 'replicate', "
                    + "'circular'], but got padding_mode='" + paddingMode + "'");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = Repr.pair(kernelSize, "kernel_size");
        this.stride = Repr.pair(stride, "stride");
        this.padding = Repr.pair(padding, "padding");
        this.dilation = Repr.pair(dilation, "dilation");
        this.groups = groups;
        this.paddingMode = paddingMode;
        int[] weightShape = {outChannels, inChannels / groups, this.kernelSize[0], this.kernelSize[1]};
        this.weight = registerParameter("weight", new Parameter(Creation.zeros(DType.FLOAT32, weightShape)));
        this.bias = registerParameter("bias", bias ? new Parameter(Creation.zeros(DType.FLOAT32, outChannels)) : null);
        resetParameters();
    }

    /** PyTorch's {@code reset_parameters}: weight, then bias, from the default generator. */
    public void resetParameters() {
        Init.defaultLayerInit(weight, bias);
    }

    /** A builder for the options without a positional overload (dilation, groups, bias, padding mode). */
    public static Builder builder(int inChannels, int outChannels, int kernelSize) {
        return new Builder(inChannels, outChannels, new int[] {kernelSize});
    }

    public static Builder builder(int inChannels, int outChannels, int[] kernelSize) {
        return new Builder(inChannels, outChannels, kernelSize);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (!paddingMode.equals("zeros")) {
            throw new UnsupportedOperationException("Conv2d: padding_mode='" + paddingMode
                    + "' is not supported yet (only 'zeros')");
        }
        return F.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder();
        s.append(inChannels).append(", ").append(outChannels);
        s.append(", kernel_size=").append(Repr.tuple(kernelSize));
        s.append(", stride=").append(Repr.tuple(stride));
        // TORCH: _ConvNd.extra_repr prints padding, dilation, groups, bias and padding_mode only when not default.
        if (padding[0] != 0 || padding[1] != 0) {
            s.append(", padding=").append(Repr.tuple(padding));
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            s.append(", dilation=").append(Repr.tuple(dilation));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (bias == null) {
            s.append(", bias=False");
        }
        if (!paddingMode.equals("zeros")) {
            s.append(", padding_mode=").append(paddingMode);
        }
        return s.toString();
    }

    /** Options for {@link Conv2d} with PyTorch's defaults: stride 1, padding 0, dilation 1, groups 1, bias, zeros. */
    public static final class Builder {
        private final int inChannels;
        private final int outChannels;
        private final int[] kernelSize;
        private int[] stride = {1};
        private int[] padding = {0};
        private int[] dilation = {1};
        private int groups = 1;
        private boolean bias = true;
        private String paddingMode = "zeros";

        private Builder(int inChannels, int outChannels, int[] kernelSize) {
            this.inChannels = inChannels;
            this.outChannels = outChannels;
            this.kernelSize = kernelSize.clone();
        }

        public Builder stride(int... stride) {
            this.stride = stride.clone();
            return this;
        }

        public Builder padding(int... padding) {
            this.padding = padding.clone();
            return this;
        }

        public Builder dilation(int... dilation) {
            this.dilation = dilation.clone();
            return this;
        }

        public Builder groups(int groups) {
            this.groups = groups;
            return this;
        }

        public Builder bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /** {@code "zeros"} (default), {@code "reflect"}, {@code "replicate"} or {@code "circular"}. */
        public Builder paddingMode(String paddingMode) {
            this.paddingMode = paddingMode;
            return this;
        }

        public Conv2d build() {
            return new Conv2d(inChannels, outChannels, kernelSize, stride, padding, dilation, groups, bias,
                    paddingMode);
        }
    }
}
