package jtorch.nn;

/**
 * How a loss reduces its elementwise values: PyTorch's {@code reduction=} string as an enum.
 * {@link #toString()} gives PyTorch's spelling ({@code none}, {@code mean}, {@code sum}).
 */
public enum Reduction {
    /** No reduction: the loss has the shape of the elementwise losses. */
    NONE,
    /** The mean of the elementwise losses (PyTorch's default); weighted losses divide by the total weight. */
    MEAN,
    /** The sum of the elementwise losses. */
    SUM;

    /** PyTorch's spelling of the reduction. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses PyTorch's spelling, with PyTorch's message for an unknown one. */
    public static Reduction of(String reduction) {
        for (Reduction r : values()) {
            if (r.toString().equals(reduction)) {
                return r;
            }
        }
        throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
    }
}
