package jtorch.data;

import java.util.Objects;
import jtorch.Tensor;

/**
 * One supervised example: an input and its target, as the {@code (input, target)} tuple a PyTorch
 * dataset returns. Class labels are 0-d int64 tensors, so a batch of them collates to int64 {@code [B]},
 * what {@code CrossEntropyLoss} expects.
 */
public record Sample(Tensor input, Tensor target) {
    public Sample {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(target, "target");
    }
}
