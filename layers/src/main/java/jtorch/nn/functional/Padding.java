package jtorch.nn.functional;

import jtorch.Tensor;
import jtorch.Torch;
import jtorch.autograd.Graph;
import jtorch.tensor.NdArray;

/**
 * {@code pad(input, pad, mode, value)}: {@code pad} lists (left, right) pairs starting from the last
 * dim, as PyTorch's. Constant padding (negative amounts crop) is one node, ConstantPadNdBackward0;
 * reflect, replicate and circular are composed from index_select along each padded dim.
 */
final class Padding {
    private Padding() {}

    static Tensor pad(Tensor input, int[] pad, String mode, double value) {
        if (pad.length % 2 != 0) {
            throw new IllegalArgumentException("Padding length must be divisible by 2");
        }
        if (pad.length / 2 > input.dim()) {
            throw new IllegalArgumentException("Padding length should be less than or equal to two times the input"
                    + " dimension but got padding length " + pad.length + " and input of dimension " + input.dim());
        }
        return switch (mode) {
            case "constant" -> constant(input, pad, value);
            case "reflect", "replicate", "circular" -> indexed(input, pad, mode);
            default -> throw new IllegalArgumentException("Unrecognised padding mode " + mode);
        };
    }

    private static Tensor constant(Tensor input, int[] pad, double value) {
        int[] xs = input.shape();
        int rank = xs.length;
        int[] outShape = xs.clone();
        for (int i = 0; i < pad.length / 2; i++) {
            int d = rank - 1 - i;
            outShape[d] = xs[d] + pad[2 * i] + pad[2 * i + 1];
            if (outShape[d] < 0) {
                throw new IllegalArgumentException("The input size " + xs[d] + ", plus negative padding " + pad[2 * i]
                        + " and " + pad[2 * i + 1] + " resulted in a negative output size, which is invalid. Check"
                        + " dimension " + d + " of your input.");
            }
        }
        NdArray out = NdArray.zeros(input.data().backend(), input.dtype(), outShape);
        if (value != 0.0) {
            out.backend().fill(out, value);
        }
        // The overlap: in the input, skip what negative padding crops; in the output, skip positive padding.
        NdArray src = input.data();
        NdArray dst = out;
        for (int i = 0; i < pad.length / 2; i++) {
            int d = rank - 1 - i;
            int left = pad[2 * i];
            int right = pad[2 * i + 1];
            int keep = xs[d] - Math.max(0, -left) - Math.max(0, -right);
            if (keep <= 0) {
                src = null;
                break;
            }
            src = src.narrow(d, Math.max(0, -left), keep);
            dst = dst.narrow(d, Math.max(0, left), keep);
        }
        if (src != null && src.numel() > 0) {
            out.backend().copy(src, dst);
        }
        int[] negated = new int[pad.length];
        for (int i = 0; i < pad.length; i++) {
            negated[i] = -pad[i];
        }
        // The gradient is the output's gradient padded by the negated amounts: a crop, and zeros where cropped.
        return Graph.record("ConstantPadNdBackward0", out, g -> new Tensor[] {constant(g, negated, 0.0)}, input);
    }

    private static Tensor indexed(Tensor input, int[] pad, String mode) {
        Tensor y = input;
        int rank = input.dim();
        for (int i = 0; i < pad.length / 2; i++) {
            int d = rank - 1 - i;
            int n = input.size(d);
            int left = pad[2 * i];
            int right = pad[2 * i + 1];
            if (left == 0 && right == 0) {
                continue;
            }
            boolean tooLarge = mode.equals("reflect") ? (left >= n || right >= n)
                    : mode.equals("circular") && (left > n || right > n);
            if (tooLarge || left < 0 || right < 0) {
                throw new IllegalArgumentException("Argument #4: Padding size should be less than the corresponding"
                        + " input dimension, but got: padding (" + left + ", " + right + ") at dimension " + d
                        + " of input " + jtorch.tensor.Shape.str(input.shape()));
            }
            long[] index = new long[n + left + right];
            for (int j = 0; j < index.length; j++) {
                index[j] = source(j - left, n, mode);
            }
            y = y.indexSelect(d, Torch.tensor(index));
        }
        return y;
    }

    /** The input position an output position {@code p} (relative to the input's start) reads from. */
    private static int source(int p, int n, String mode) {
        return switch (mode) {
            case "reflect" -> {
                int period = 2 * (n - 1);
                int q = period == 0 ? 0 : Math.floorMod(p, period);
                yield q < n ? q : period - q;
            }
            case "replicate" -> Math.min(Math.max(p, 0), n - 1);
            default -> Math.floorMod(p, n);
        };
    }
}
