package jtorch.nn.functional;

import jtorch.nn.Reduction;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.autograd.Graph;
import jtorch.tensor.DType;
import jtorch.tensor.Shape;

/**
 * nll_loss over log-probabilities {@code input} [C], [N, C] or [N, C, d1, …] and class indices
 * {@code target} [], [N] or [N, d1, …]: {@code ℓ = −weight[t]·input[n, t, …]}, 0 where t = ignore_index.
 * TORCH: the mean divides by the sum of the weights of the non-ignored targets (NaN when all are ignored).
 * Recorded as NllLossBackward0 (1-D and 2-D input) or NllLoss2DBackward0 (K-dimensional input).
 */
final class NllLoss {
    private NllLoss() {}

    static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        check(input, target);
        boolean single = input.dim() == 1;
        Tensor x = single ? input.unsqueeze(0) : input;
        Tensor t = single ? target.reshape(1) : target;
        int classes = x.size(1);
        if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
            throw new IllegalArgumentException("weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape: " + Shape.str(weight.shape()));
        }
        checkBounds(t, classes, ignoreIndex);
        Tensor valid = t.ne((double) ignoreIndex);
        Tensor safe = t.where(valid, Tensors.zerosLike(t));             // ignored targets read class 0, then weigh 0
        Tensor index = safe.unsqueeze(1);                                 // [N, 1, d…]
        Tensor validWeight = valid.to(x.dtype());
        Tensor w = weight == null ? validWeight
                : weight.detach().indexSelect(0, safe.reshape(-1)).reshape(t.shape()).mul(validWeight);
        Tensor picked = x.detach().gather(1, index).squeeze(1);
        Tensor elementwise = picked.mul(w).neg().where(valid, Tensors.zerosLike(w));
        Tensor totalWeight = w.sum();
        Tensor value = switch (reduction) {
            case NONE -> single ? elementwise.reshape() : elementwise;
            case SUM -> elementwise.sum();
            case MEAN -> elementwise.sum().div(totalWeight);
        };
        int[] xs = x.shape();
        int[] ts = t.shape();
        String name = x.dim() <= 2 ? "NllLossBackward0" : "NllLoss2DBackward0";
        Tensor result = Graph.record(name, value.data(), g -> {
            Tensor perElement = switch (reduction) {
                case NONE -> g.reshape(ts);
                case SUM -> g.expand(ts);
                case MEAN -> g.div(totalWeight).expand(ts);
            };
            // d ℓ/d input[n, c, …] = −w[n, …] where c = target[n, …], else 0: scattered through a one-hot mask.
            Tensor oneHot = classIds(classes, xs.length, x).eq(index);
            Tensor scattered = perElement.mul(w).neg().unsqueeze(1).expand(xs).where(oneHot, Tensors.zerosLike(x));
            return new Tensor[] {scattered.reshape(input.shape())};
        }, input);
        return result;
    }

    /** 0 … C−1 along dim 1 of a rank-{@code rank} shape (int64, on x's device). */
    private static Tensor classIds(int classes, int rank, Tensor x) {
        Tensor ids = new Tensor(Torch.arange(classes).data().toDevice(x.data().backend()));
        return ids.reshape(Tensors.along(rank, 1, classes));
    }

    /** PyTorch's shape checks of nll_loss_nd, with its messages. */
    private static void check(Tensor input, Tensor target) {
        if (input.dim() < 1) {
            throw new IllegalArgumentException("Expected 1 or more dimensions (got " + input.dim() + ")");
        }
        if (target.dtype() != DType.INT64) {
            throw new IllegalArgumentException("expected scalar type Long but found " + target.dtype().scalarTypeName());
        }
        if (input.dim() == 1) {
            if (target.dim() != 0 && !(target.dim() == 1 && target.numel() == 1)) {
                throw new IllegalArgumentException("1D target tensor expected, multi-target not supported");
            }
            return;
        }
        if (target.dim() == 0 || input.size(0) != target.size(0)) {
            throw new IllegalArgumentException("Expected input batch_size (" + input.size(0) + ") to match target"
                    + " batch_size (" + (target.dim() == 0 ? 0 : target.size(0)) + ").");
        }
        int[] xs = input.shape();
        int[] ts = target.shape();
        int[] expected = new int[xs.length - 1];
        expected[0] = xs[0];
        System.arraycopy(xs, 2, expected, 1, xs.length - 2);
        if (!java.util.Arrays.equals(expected, ts)) {
            if (xs.length == 2) {
                throw new IllegalArgumentException("1D target tensor expected, multi-target not supported");
            }
            throw new IllegalArgumentException("Expected target size " + Shape.str(expected) + ", got "
                    + Shape.str(ts));
        }
    }

    /**
     * Every target is ignore_index or in [0, classes), else "Target t is out of bounds." Through
     * {@code Backend.check}: at once on the CPU, at the next synchronizing read on a device (no host round trip).
     */
    private static void checkBounds(Tensor target, int classes, long ignoreIndex) {
        Tensor nonNegative = target.ge(0.0);
        Tensor inRange = target.lt((double) classes).where(nonNegative, nonNegative);
        Tensor ok = inRange.where(target.ne((double) ignoreIndex), target.eq((double) ignoreIndex));
        target.data().backend().check(ok.data(), target.data(),
                v -> new IndexOutOfBoundsException("Target " + v + " is out of bounds."));
    }
}
