package jtorch.data;

import java.util.Arrays;
import java.util.Objects;
import jtorch.Tensor;

/**
 * A dataset over two tensors indexed along dimension 0: element {@code i} is
 * {@code Sample(inputs[i], targets[i])} ({@code torch.utils.data.TensorDataset(inputs, targets)}).
 * Elements are views, not copies.
 */
public final class TensorDataset implements Dataset<Sample> {
    private final Tensor inputs;
    private final Tensor targets;

    /**
     * @throws IllegalArgumentException when either tensor is 0-d or their first dimensions differ
     */
    public TensorDataset(Tensor inputs, Tensor targets) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.targets = Objects.requireNonNull(targets, "targets");
        if (inputs.dim() == 0 || targets.dim() == 0 || inputs.size(0) != targets.size(0)) {
            // TORCH: TensorDataset's assertion message
            throw new IllegalArgumentException("Size mismatch between tensors: inputs " + Arrays.toString(inputs.shape())
                    + ", targets " + Arrays.toString(targets.shape()));
        }
    }

    public Tensor inputs() {
        return inputs;
    }

    public Tensor targets() {
        return targets;
    }

    @Override
    public int size() {
        return inputs.size(0);
    }

    @Override
    public Sample get(int index) {
        Datasets.checkIndex(index, size());
        return new Sample(inputs.select(0, index), targets.select(0, index));
    }
}
