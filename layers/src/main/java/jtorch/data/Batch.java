package jtorch.data;

import java.util.Objects;
import jtorch.Tensor;

/**
 * A collated batch: inputs and targets stacked along a new dimension 0, as the
 * {@code (inputs, targets)} pair a PyTorch {@code DataLoader} yields.
 */
public record Batch(Tensor inputs, Tensor targets) {
    public Batch {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(targets, "targets");
    }

    /** The number of examples (the size of dimension 0 of the inputs). */
    public int size() {
        return inputs.dim() == 0 ? 1 : inputs.size(0);
    }
}
