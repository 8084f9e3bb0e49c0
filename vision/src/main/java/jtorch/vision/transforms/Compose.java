package jtorch.vision.transforms;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Applies transforms in order ({@code torchvision.transforms.Compose}). */
public final class Compose implements Transform {
    private final List<Transform> transforms;

    public Compose(Transform... transforms) {
        this(Arrays.asList(Objects.requireNonNull(transforms, "transforms")));
    }

    public Compose(List<Transform> transforms) {
        Objects.requireNonNull(transforms, "transforms");
        for (int i = 0; i < transforms.size(); i++) {
            if (transforms.get(i) == null) {
                throw new IllegalArgumentException("Compose: transform " + i + " is null");
            }
        }
        this.transforms = List.copyOf(transforms);
    }

    public List<Transform> transforms() {
        return transforms;
    }

    @Override
    public Object apply(Object input) {
        Object x = input;
        for (Transform t : transforms) {
            x = t.apply(x);
        }
        return x;
    }

    @Override
    public String toString() {
        return transforms.stream().map(t -> "    " + t).collect(Collectors.joining("\n", "Compose(\n", "\n)"));
    }
}
