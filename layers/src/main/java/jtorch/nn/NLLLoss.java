package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;

/**
 * Negative log-likelihood of log-probabilities: {@code ℓ_n = −w_{y_n} · x_{n,y_n}}, reduced by
 * {@link #reduction} (the weighted mean divides by {@code Σ w_{y_n}}). Pair it with {@link LogSoftmax}.
 *
 * <p><b>Shape:</b> input {@code (C)}, {@code (N, C)} or {@code (N, C, d1, ...)}; target int64 class indices
 * {@code ()}, {@code (N)} or {@code (N, d1, ...)}.
 *
 * <p>Options: {@code weight} (a {@code (C)} tensor, buffer {@code weight}), {@code ignoreIndex} (default −100).
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.NLLLoss.html">torch.nn.NLLLoss</a>
 */
public class NLLLoss extends Loss {
    public final long ignoreIndex;

    public NLLLoss() {
        this(null, -100, Reduction.MEAN);
    }

    public NLLLoss(Reduction reduction) {
        this(null, -100, reduction);
    }

    /** Every option, in PyTorch's order; {@code weight} may be null. */
    public NLLLoss(Tensor weight, long ignoreIndex, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
    }

    /** The class weights, or null. */
    public Tensor weight() {
        return buffer("weight");
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, weight(), ignoreIndex, reduction);
    }
}
