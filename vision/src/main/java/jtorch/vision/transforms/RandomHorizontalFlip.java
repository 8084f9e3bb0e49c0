package jtorch.vision.transforms;

import java.util.Objects;
import jtorch.Torch;
import jtorch.tensor.Generator;

/**
 * Mirrors the image left to right with probability {@code p} ({@code torchvision.transforms.RandomHorizontalFlip}).
 * Draws {@code rand(1) < p} from its generator, the default one unless given, as torchvision does.
 */
public final class RandomHorizontalFlip implements Transform {
    private final double p;
    private final Generator generator;

    /** p = 0.5, drawing from the default generator. */
    public RandomHorizontalFlip() {
        this(0.5);
    }

    public RandomHorizontalFlip(double p) {
        this(p, null);
    }

    /** @param generator the generator to draw from; null means the default generator at each call */
    public RandomHorizontalFlip(double p, Generator generator) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("RandomHorizontalFlip: p must be in [0, 1], got " + p);
        }
        this.p = p;
        this.generator = generator;
    }

    @Override
    public Object apply(Object input) {
        Transforms.size(input, "RandomHorizontalFlip");
        Generator g = generator != null ? generator : Torch.defaultGenerator();
        double u = Torch.rand(Objects.requireNonNull(g), 1).item();
        return u < p ? Transforms.hflip(input) : input;
    }

    @Override
    public String toString() {
        return "RandomHorizontalFlip(p=" + p + ")";
    }
}
