package jtorch.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;

/** {@link Collate#stack()}: PyTorch's {@code default_collate} for {@code (Tensor, Tensor)} samples. */
final class DefaultCollate {
    private DefaultCollate() {}

    static Batch collate(List<Sample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("cannot collate an empty batch");
        }
        List<Tensor> inputs = new ArrayList<>(samples.size());
        List<Tensor> targets = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (s == null) {
                throw new IllegalArgumentException("default collate: element " + i + " of the batch is null");
            }
            inputs.add(s.input());
            targets.add(s.target());
        }
        return new Batch(stack(inputs, "inputs"), stack(targets, "targets"));
    }

    private static Tensor stack(List<Tensor> tensors, String what) {
        int[] first = tensors.get(0).shape();
        for (int i = 1; i < tensors.size(); i++) {
            if (!Arrays.equals(first, tensors.get(i).shape())) {
                // TORCH: default_collate's message is "stack expects each tensor to be equal size"
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Arrays.toString(first) + " at entry 0 and " + Arrays.toString(tensors.get(i).shape())
                        + " at entry " + i + " (collating " + what + ")");
            }
        }
        // NOTE: loading never records a graph; a transform that built one would otherwise keep it alive.
        try (var ignored = Torch.noGrad()) {
            return Torch.stack(tensors, 0);
        }
    }
}
