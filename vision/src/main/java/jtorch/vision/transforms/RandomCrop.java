package jtorch.vision.transforms;

import jtorch.Torch;
import jtorch.tensor.Generator;

/**
 * Pads every side with {@code padding} zeros, then crops a random {@code size x size} window
 * ({@code torchvision.transforms.RandomCrop(size, padding)}). The corner is drawn as torchvision draws it:
 * {@code randint(0, h - th + 1)} for the row, then the same for the column, from the generator given (the
 * default one otherwise).
 */
public final class RandomCrop implements Transform {
    private final int height;
    private final int width;
    private final int padding;
    private final Generator generator;

    public RandomCrop(int size) {
        this(size, 0);
    }

    public RandomCrop(int size, int padding) {
        this(size, size, padding, null);
    }

    /** @param generator null means the default generator at each call */
    public RandomCrop(int height, int width, int padding, Generator generator) {
        Transforms.checkSize(height, width, "RandomCrop");
        if (padding < 0) {
            throw new IllegalArgumentException("RandomCrop: padding must be non-negative, got " + padding);
        }
        this.height = height;
        this.width = width;
        this.padding = padding;
        this.generator = generator;
    }

    @Override
    public Object apply(Object input) {
        int[] hw = Transforms.size(input, "RandomCrop");
        int h = hw[0] + 2 * padding;
        int w = hw[1] + 2 * padding;
        if (h < height || w < width) {
            // TORCH: torchvision's wording
            throw new IllegalArgumentException("Required crop size (" + height + ", " + width
                    + ") is larger than input image size (" + h + ", " + w + ")");
        }
        Generator g = generator != null ? generator : Torch.defaultGenerator();
        int i = (int) Torch.randint(g, 0, h - height + 1, 1).item();
        int j = (int) Torch.randint(g, 0, w - width + 1, 1).item();
        return Transforms.crop(input, i - padding, j - padding, height, width);
    }

    @Override
    public String toString() {
        return "RandomCrop(size=(" + height + ", " + width + "), padding=" + padding + ")";
    }
}
