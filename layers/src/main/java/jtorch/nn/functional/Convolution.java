package jtorch.nn.functional;

import jtorch.Tensor;
import jtorch.autograd.Graph;
import jtorch.tensor.Backend;
import jtorch.tensor.ConvParams;
import jtorch.tensor.NdArray;
import jtorch.tensor.Ops;
import jtorch.tensor.Shape;

/** conv2d with its checks (PyTorch's messages) and backward ({@code ConvolutionBackward0}). */
final class Convolution {
    private Convolution() {}

    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                         int groups) {
        int[] st = Args.pair("stride", stride);
        int[] pd = Args.pair("padding", padding);
        int[] dl = Args.pair("dilation", dilation);
        if (st[0] <= 0 || st[1] <= 0) {
            throw new IllegalArgumentException("non-positive stride is not supported");
        }
        if (pd[0] < 0 || pd[1] < 0) {
            throw new IllegalArgumentException("negative padding is not supported");
        }
        if (dl[0] <= 0 || dl[1] <= 0) {
            throw new IllegalArgumentException("dilation should be greater than zero");
        }
        if (groups <= 0) {
            throw new IllegalArgumentException("non-positive groups is not supported");
        }
        int[] ws = weight.shape();
        if (ws.length != 4) {
            throw new IllegalArgumentException("Expected 4-dimensional weight for 4-dimensional input, but got "
                    + ws.length + "-dimensional weight of size " + Shape.str(ws));
        }
        if (ws[2] <= 0 || ws[3] <= 0) {
            // NOTE: PyTorch builds Conv2d(kernel_size=0) and its CPU kernels then misbehave; we refuse the empty
            // kernel here, before any kernel runs.
            throw new IllegalArgumentException("non-positive kernel size is not supported: weight of size "
                    + Shape.str(ws));
        }
        boolean unbatched = input.dim() == 3;
        if (input.dim() != 4 && !unbatched) {
            throw new IllegalArgumentException("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of"
                    + " size: " + Shape.str(input.shape()));
        }
        Tensor x4 = unbatched ? input.unsqueeze(0) : input;
        int[] xs = x4.shape();
        if (xs[1] != ws[1] * groups) {
            throw new IllegalArgumentException("Given groups=" + groups + ", weight of size " + Shape.str(ws)
                    + ", expected input" + Shape.str(xs) + " to have " + (ws[1] * groups) + " channels, but got "
                    + xs[1] + " channels instead");
        }
        if (ws[0] % groups != 0) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size " + Shape.str(ws) + " instead");
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != ws[0])) {
            throw new IllegalArgumentException("Given weight of size " + Shape.str(ws) + ", expected bias to be 1-dimensional"
                    + " with " + ws[0] + " elements, but got bias of size " + Shape.str(bias.shape()) + " instead");
        }
        Args.sameDtype(x4, weight, "weight");
        int effKH = dl[0] * (ws[2] - 1) + 1;
        int effKW = dl[1] * (ws[3] - 1) + 1;
        if (xs[2] + 2 * pd[0] < effKH || xs[3] + 2 * pd[1] < effKW) {
            throw new IllegalArgumentException("Calculated padded input size per channel: (" + (xs[2] + 2 * pd[0]) + " x "
                    + (xs[3] + 2 * pd[1]) + "). Kernel size: (" + effKH + " x " + effKW
                    + "). Kernel size can't be greater than actual input size");
        }
        int oH = (xs[2] + 2 * pd[0] - effKH) / st[0] + 1;
        int oW = (xs[3] + 2 * pd[1] - effKW) / st[1] + 1;
        ConvParams p = new ConvParams(st[0], st[1], pd[0], pd[1], dl[0], dl[1], groups);
        NdArray x = x4.data().contiguous();
        NdArray w = weight.data().contiguous();
        NdArray b = bias == null ? null : bias.data().contiguous();
        Backend be = Ops.backendOf(x, w, b);
        NdArray out = NdArray.zeros(be, x.dtype(), xs[0], ws[0], oH, oW);
        be.conv2d(x, w, b, p, out);
        Tensor result = Graph.record("ConvolutionBackward0", out, g -> {
            NdArray gy = g.data().contiguous();
            NdArray gx = x4.requiresGrad() ? NdArray.zeros(be, x.dtype(), xs) : null;
            NdArray gw = weight.requiresGrad() ? NdArray.zeros(be, w.dtype(), ws) : null;
            NdArray gb = bias != null && bias.requiresGrad() ? NdArray.zeros(be, w.dtype(), ws[0]) : null;
            be.conv2dBackward(gy, x, w, p, gx, gw, gb);
            return new Tensor[] {wrap(gx), wrap(gw), wrap(gb)};
        }, x4, weight, bias);
        return unbatched ? result.squeeze(0) : result;
    }

    private static Tensor wrap(NdArray a) {
        return a == null ? null : new Tensor(a);
    }
}
