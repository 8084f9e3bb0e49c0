package jtorch.vision.transforms;

/**
 * A step of a data pipeline, as a torchvision transform: takes an {@link Image} or a {@link jtorch.Tensor}
 * and returns one. Geometric transforms ({@link RandomCrop}, {@link CenterCrop},
 * {@link RandomHorizontalFlip}, {@link Resize}) accept both, as torchvision's do; {@link ToTensor} turns an
 * {@code Image} into a CHW float tensor; {@link Normalize} takes tensors only. A dataset's transform must
 * end in a tensor.
 *
 * <p>The input type is {@code Object} because, as in torchvision, one pipeline carries images first and
 * tensors after {@code ToTensor}; each transform checks what it gets and names what it expected.
 */
@FunctionalInterface
public interface Transform {
    /**
     * @throws IllegalArgumentException when the input is of a type or shape this transform does not take
     */
    Object apply(Object input);

    /** This transform, then {@code next}. */
    default Transform andThen(Transform next) {
        return new Compose(this, next);
    }
}
