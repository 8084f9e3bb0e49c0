package jtorch.nn.functional;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.autograd.Graph;
import jtorch.tensor.Backend;
import jtorch.tensor.NdArray;
import jtorch.tensor.PoolParams;
import jtorch.tensor.Shape;

/** Max, average and adaptive pooling with PyTorch's output-size rules, checks and backward nodes. */
final class Pooling {
    private Pooling() {}

    /** PyTorch's pooling_output_shape, including the ceil-mode rule that the last window must start inside. */
    static int outputSize(int in, int k, int pad, int stride, int dil, boolean ceil) {
        int num = in + 2 * pad - dil * (k - 1) - 1 + (ceil ? stride - 1 : 0);
        int out = Math.floorDiv(num, stride) + 1;
        if (ceil && (out - 1) * stride >= in + pad) {
            out--;
        }
        return out;
    }

    private record Geometry(Tensor x4, boolean unbatched, PoolParams params) {}

    private static Geometry geometry(String op, Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                     boolean ceil, boolean countIncludePad) {
        int[] k = Args.pair("kernel_size", kernel);
        int[] s = stride == null || stride.length == 0 ? k.clone() : Args.pair("stride", stride);
        int[] p = Args.pair("padding", padding);
        int[] d = Args.pair("dilation", dilation);
        if (k[0] <= 0 || k[1] <= 0) {
            throw new IllegalArgumentException(op + ": kernel_size must be greater than zero, but got kH: " + k[0]
                    + " kW: " + k[1]);
        }
        if (s[0] <= 0 || s[1] <= 0) {
            throw new IllegalArgumentException(op + ": stride must be greater than zero, but got dH: " + s[0]
                    + " dW: " + s[1]);
        }
        if (d[0] <= 0 || d[1] <= 0) {
            throw new IllegalArgumentException(op + ": dilation must be greater than zero, but got dilationH: " + d[0]
                    + " dilationW: " + d[1]);
        }
        if (p[0] < 0 || p[1] < 0 || p[0] > k[0] / 2 || p[1] > k[1] / 2) {
            throw new IllegalArgumentException("pad should be at most half of kernel size, but got pad=" + Math.max(p[0], p[1])
                    + " and kernel_size=" + Math.max(k[0], k[1]));
        }
        boolean unbatched = input.dim() == 3;
        if (input.dim() != 4 && !unbatched) {
            throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input, but got "
                    + Shape.str(input.shape()));
        }
        Tensor x4 = unbatched ? input.unsqueeze(0) : input;
        int[] xs = x4.shape();
        int oH = outputSize(xs[2], k[0], p[0], s[0], d[0], ceil);
        int oW = outputSize(xs[3], k[1], p[1], s[1], d[1], ceil);
        if (oH < 1 || oW < 1) {
            throw new IllegalArgumentException("Given input size: (" + xs[1] + "x" + xs[2] + "x" + xs[3]
                    + "). Calculated output size: (" + xs[1] + "x" + oH + "x" + oW + "). Output size is too small");
        }
        return new Geometry(x4, unbatched, new PoolParams(k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], oH, oW,
                countIncludePad));
    }

    /** Max pooling; with {@code returnIndices} the second tensor holds PyTorch's int64 indices. */
    static Tensor[] maxPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceil,
                              boolean returnIndices) {
        Geometry g = geometry("max_pool2d", input, kernel, stride, padding, dilation, ceil, true);
        Tensor x4 = g.x4();
        PoolParams p = g.params();
        NdArray x = x4.data().contiguous();
        Backend be = x.backend();
        int[] xs = x.shape();
        int[] outShape = {xs[0], xs[1], p.outH(), p.outW()};
        NdArray out = NdArray.zeros(be, x.dtype(), outShape);
        Object indices = be.maxPool2d(x, p, out);
        Tensor y = Graph.record("MaxPool2DWithIndicesBackward0", out, gr -> {
            NdArray gx = NdArray.zeros(be, x.dtype(), xs);
            be.maxPool2dBackward(gr.data().contiguous(), indices, p, gx);
            return new Tensor[] {new Tensor(gx)};
        }, x4);
        Tensor idx = returnIndices ? new Tensor(be.maxPool2dIndices(indices, outShape)) : null;
        if (g.unbatched()) {
            y = y.squeeze(0);
            idx = idx == null ? null : idx.squeeze(0);
        }
        return new Tensor[] {y, idx};
    }

    static Tensor avgPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, boolean ceil,
                            boolean countIncludePad) {
        Geometry g = geometry("avg_pool2d", input, kernel, stride, padding, new int[] {1}, ceil, countIncludePad);
        Tensor x4 = g.x4();
        PoolParams p = g.params();
        NdArray x = x4.data().contiguous();
        Backend be = x.backend();
        int[] xs = x.shape();
        NdArray out = NdArray.zeros(be, x.dtype(), xs[0], xs[1], p.outH(), p.outW());
        be.avgPool2d(x, p, out);
        Tensor y = Graph.record("AvgPool2DBackward0", out, gr -> {
            NdArray gx = NdArray.zeros(be, x.dtype(), xs);
            be.avgPool2dBackward(gr.data().contiguous(), p, gx);
            return new Tensor[] {new Tensor(gx)};
        }, x4);
        return g.unbatched() ? y.squeeze(0) : y;
    }

    /**
     * Adaptive average pooling: output cell i covers input [floor(i·in/out), ceil((i+1)·in/out)). When the
     * input divides evenly this is a plain average pool (one kernel call); otherwise each cell is a mean of
     * its slice, composed of differentiable ops.
     */
    static Tensor adaptiveAvgPool2d(Tensor input, int[] outputSize) {
        int[] o = Args.pair("output_size", outputSize);
        Tensor x4 = checkAdaptive("adaptive_avg_pool2d", input, o);
        int h = x4.size(2);
        int w = x4.size(3);
        Tensor y;
        if (h % o[0] == 0 && w % o[1] == 0) {
            y = avgPool2d(x4, new int[] {h / o[0], w / o[1]}, new int[] {h / o[0], w / o[1]}, new int[] {0}, false,
                    true);
        } else {
            y = adaptiveComposed(x4, o, false);
        }
        return input.dim() == 3 ? y.squeeze(0) : y;
    }

    /** Adaptive max pooling (composed; ties share the gradient, where PyTorch gives it to the first). */
    static Tensor adaptiveMaxPool2d(Tensor input, int[] outputSize) {
        int[] o = Args.pair("output_size", outputSize);
        Tensor x4 = checkAdaptive("adaptive_max_pool2d", input, o);
        int h = x4.size(2);
        int w = x4.size(3);
        Tensor y;
        if (h % o[0] == 0 && w % o[1] == 0) {
            y = maxPool2d(x4, new int[] {h / o[0], w / o[1]}, null, new int[] {0}, new int[] {1}, false, false)[0];
        } else {
            y = adaptiveComposed(x4, o, true);
        }
        return input.dim() == 3 ? y.squeeze(0) : y;
    }

    private static Tensor checkAdaptive(String op, Tensor input, int[] o) {
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException(op + "(): Expected 3D or 4D tensor, but got " + Shape.str(input.shape()));
        }
        if (o[0] <= 0 || o[1] <= 0) {
            throw new IllegalArgumentException(op + ": output_size must be greater than zero, got " + o[0] + "x" + o[1]);
        }
        Tensor x4 = input.dim() == 3 ? input.unsqueeze(0) : input;
        for (int d = 1; d < 4; d++) {
            if (x4.size(d) == 0) {
                throw new IllegalArgumentException(op + "(): Expected input to have non-zero size for non-batch "
                        + "dimensions, but input has sizes " + Shape.str(input.shape()) + " with dimension " + d
                        + " being empty");
            }
        }
        return x4;
    }

    private static Tensor adaptiveComposed(Tensor x4, int[] o, boolean max) {
        int h = x4.size(2);
        int w = x4.size(3);
        List<Tensor> rows = new ArrayList<>();
        for (int i = 0; i < o[0]; i++) {
            int h0 = Math.floorDiv(i * h, o[0]);
            int h1 = -Math.floorDiv(-(i + 1) * h, o[0]);
            List<Tensor> cells = new ArrayList<>();
            for (int j = 0; j < o[1]; j++) {
                int w0 = Math.floorDiv(j * w, o[1]);
                int w1 = -Math.floorDiv(-(j + 1) * w, o[1]);
                Tensor cell = x4.narrow(2, h0, h1 - h0).narrow(3, w0, w1 - w0);
                cells.add(max ? cell.amax(new int[] {2, 3}, false) : cell.mean(new int[] {2, 3}, false));
            }
            rows.add(Torch.stack(cells, 2));
        }
        return Torch.stack(rows, 2);
    }
}
