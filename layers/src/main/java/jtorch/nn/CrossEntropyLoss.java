package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * Cross entropy of unnormalized logits against class indices or class probabilities:
 * {@code ℓ_n = −w_{y_n} · log(exp(x_{n,y_n}) / Σ_c exp(x_{n,c}))}, reduced by {@link #reduction} (the weighted
 * mean divides by {@code Σ w_{y_n}}).
 *
 * <p><b>Shape:</b> input {@code (C)}, {@code (N, C)} or {@code (N, C, d1, ...)}; target int64 class indices
 * {@code ()}, {@code (N)} or {@code (N, d1, ...)}, or probabilities of the input's shape.
 *
 * <p>Options: {@code weight} (a {@code (C)} tensor, registered as buffer {@code weight} as in PyTorch),
 * {@code ignoreIndex} (default −100), {@code labelSmoothing} (default 0.0).
 *
 * <p>TORCH: takes logits (not probabilities) and class indices (not one-hot), exactly as PyTorch.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.CrossEntropyLoss.html">torch.nn.CrossEntropyLoss</a>
 */
public class CrossEntropyLoss extends Loss {
    public final long ignoreIndex;
    public final double labelSmoothing;

    public CrossEntropyLoss() {
        this(null, -100, Reduction.MEAN, 0.0);
    }

    public CrossEntropyLoss(Reduction reduction) {
        this(null, -100, reduction, 0.0);
    }

    public CrossEntropyLoss(Tensor weight) {
        this(weight, -100, Reduction.MEAN, 0.0);
    }

    public CrossEntropyLoss(Tensor weight, long ignoreIndex, Reduction reduction) {
        this(weight, ignoreIndex, reduction, 0.0);
    }

    /** Every option, in PyTorch's order; {@code weight} may be null. */
    public CrossEntropyLoss(Tensor weight, long ignoreIndex, Reduction reduction, double labelSmoothing) {
        super(reduction);
        registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
    }

    /** The class weights, or null. */
    public Tensor weight() {
        return buffer("weight");
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, weight(), ignoreIndex, reduction, labelSmoothing);
    }
}
