package jtorch.nn.functional;

import jtorch.nn.Reduction;
import java.util.Arrays;
import jtorch.Tensor;
import jtorch.tensor.Shape;

/**
 * cross_entropy as PyTorch composes it: log_softmax over the class dim (dim 1, or 0 for a 1-D input)
 * followed by nll_loss for class indices (LogSoftmaxBackward0 → NllLossBackward0), or by
 * {@code −Σ_c w_c·t_c·log p_c} for class probabilities (a target with the input's shape).
 */
final class CrossEntropy {
    private CrossEntropy() {}

    static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
                               double labelSmoothing) {
        if (input.dim() < 1) {
            throw new IllegalArgumentException("Expected 1 or more dimensions (got " + input.dim() + ")");
        }
        if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0)) {
            throw new IllegalArgumentException("label_smoothing must be between 0.0 and 1.0. Got: " + labelSmoothing);
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        int classes = input.size(classDim);
        Tensor logp = input.logSoftmax(classDim);
        if (Arrays.equals(input.shape(), target.shape())) {
            return probabilityTargets(logp, target, weight, ignoreIndex, reduction, labelSmoothing, classDim, classes);
        }
        Tensor nll = NllLoss.nllLoss(logp, target, weight, ignoreIndex, reduction);
        if (labelSmoothing == 0.0) {
            return nll;
        }
        return nll.mul(1.0 - labelSmoothing).add(smoothing(logp, target, weight, ignoreIndex, reduction, classDim)
                .mul(labelSmoothing / classes));
    }

    /**
     * The label-smoothing term: {@code −Σ_c w_c·log p_c} per element, 0 where ignored. TORCH: its weighted
     * mean divides by the summed weights of the targets (not of all classes), like nll_loss's.
     */
    private static Tensor smoothing(Tensor logp, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
                                    int classDim) {
        Tensor weighted = weight == null ? logp
                : logp.mul(weight.reshape(Tensors.along(logp.dim(), classDim, weight.numel())));
        Tensor valid = target.ne((double) ignoreIndex);
        Tensor perElement = weighted.sum(classDim, false).neg();
        perElement = perElement.where(valid, Tensors.zerosLike(perElement));
        return switch (reduction) {
            case NONE -> perElement;
            case SUM -> perElement.sum();
            case MEAN -> perElement.sum().div(targetWeight(target, weight, valid, logp));
        };
    }

    /** Σ weight[t] over non-ignored targets (their count without weights), as a constant. */
    private static Tensor targetWeight(Tensor target, Tensor weight, Tensor valid, Tensor like) {
        Tensor v = valid.to(like.dtype());
        if (weight == null) {
            return v.sum();
        }
        Tensor safe = target.where(valid, Tensors.zerosLike(target));
        return weight.detach().indexSelect(0, safe.reshape(-1)).reshape(target.shape()).mul(v).sum();
    }

    private static Tensor probabilityTargets(Tensor logp, Tensor target, Tensor weight, long ignoreIndex,
                                             Reduction reduction, double labelSmoothing, int classDim, int classes) {
        if (!target.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Expected floating point type for target with class probabilities, got "
                    + target.dtype().scalarTypeName());
        }
        if (ignoreIndex >= 0) {
            throw new IllegalArgumentException("ignore_index is not supported for floating point target");
        }
        if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
            throw new IllegalArgumentException("cross_entropy: weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape: " + Shape.str(weight.shape()));
        }
        Tensor t = labelSmoothing > 0.0 ? target.mul(1.0 - labelSmoothing).add(labelSmoothing / classes) : target;
        Tensor product = logp.mul(t);
        if (weight != null) {
            product = product.mul(weight.reshape(Tensors.along(logp.dim(), classDim, classes)));
        }
        return switch (reduction) {
            case NONE -> product.sum(classDim, false).neg();
            case SUM -> product.sum().neg();
            // TORCH: the mean is over the N·d1·… positions (numel / C), whatever the weights.
            case MEAN -> product.sum().neg().div(logp.numel() / classes);
        };
    }
}
