package jtorch.nn;

import jtorch.Tensor;

/**
 * What every loss module shares (PyTorch's {@code _Loss}): a {@link Reduction}, {@code MEAN} by default, and
 * {@code forward(input, target)}. Losses print as {@code Name()}, as in PyTorch.
 */
public abstract class Loss extends Module {
    public final Reduction reduction;

    protected Loss(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("None is not a valid value for reduction");
        }
        this.reduction = reduction;
    }

    /** The loss of {@code input} against {@code target}. */
    public abstract Tensor forward(Tensor input, Tensor target);

    /** Losses take two arguments; this one-argument form is not defined for them. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + ".forward takes (input, target)");
    }
}
