package jtorch.nn.functional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jtorch.Tensor;
import jtorch.simd.BinaryOp;
import jtorch.tensor.NdArray;
import jtorch.tensor.Ops;

/** Small tensor helpers the functional ops share: constants on the input's device, masks, sum-to-shape. */
final class Tensors {
    private Tensors() {}

    /** Zeros of {@code like}'s dtype, shape and device (no graph). */
    static Tensor zerosLike(Tensor like) {
        return new Tensor(NdArray.zeros(like.data().backend(), like.dtype(), like.shape()));
    }

    /** A 0-d constant of {@code like}'s dtype and device (broadcasts anywhere). */
    static Tensor scalarLike(Tensor like, double value) {
        return new Tensor(NdArray.scalar(like.dtype(), value).toDevice(like.data().backend()));
    }

    /** Elementwise AND of two bool masks. */
    static Tensor and(Tensor a, Tensor b) {
        return new Tensor(Ops.binary(BinaryOp.MUL, a.data(), b.data()));
    }

    /** Elementwise NOT of a bool mask. */
    static Tensor not(Tensor a) {
        return a.eq(0.0);
    }

    /** {@code g} where {@code mask} holds, else zero: a masked gradient, written in Tensor ops. */
    static Tensor maskedGrad(Tensor g, Tensor mask) {
        return g.where(mask, zerosLike(g));
    }

    /** Sums a broadcast gradient back to {@code shape} (leading dims and dims that were 1), as PyTorch's sum_to. */
    static Tensor sumTo(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (Arrays.equals(gs, shape)) {
            return g;
        }
        int lead = gs.length - shape.length;
        List<Integer> dims = new ArrayList<>();
        for (int d = 0; d < gs.length; d++) {
            if (d < lead || (shape[d - lead] == 1 && gs[d] != 1)) {
                dims.add(d);
            }
        }
        Tensor r = dims.isEmpty() ? g : g.sum(dims.stream().mapToInt(Integer::intValue).toArray(), true);
        return r.reshape(shape);
    }

    /** The dims of a rank-{@code rank} tensor except {@code keep}. */
    static int[] allBut(int rank, int keep) {
        int[] dims = new int[rank - 1];
        int at = 0;
        for (int d = 0; d < rank; d++) {
            if (d != keep) {
                dims[at++] = d;
            }
        }
        return dims;
    }

    /** {@code [1, .., n, .., 1]}: a shape of {@code rank} ones with {@code n} at {@code dim} (for broadcasting a per-channel vector). */
    static int[] along(int rank, int dim, int n) {
        int[] s = new int[rank];
        Arrays.fill(s, 1);
        s[dim] = n;
        return s;
    }

    /** PyTorch's {@code torch.Size([2, 3])} spelling of a shape, as in Python-side error messages. */
    static String torchSize(int[] shape) {
        return "torch.Size(" + Arrays.toString(shape) + ")";
    }
}
