package jtorch.vision.transforms;

/**
 * Crops the central {@code h x w} window ({@code torchvision.transforms.CenterCrop}); an input smaller
 * than the window is first padded with zeros on each side, as torchvision does.
 */
public final class CenterCrop implements Transform {
    private final int height;
    private final int width;

    public CenterCrop(int size) {
        this(size, size);
    }

    public CenterCrop(int height, int width) {
        Transforms.checkSize(height, width, "CenterCrop");
        this.height = height;
        this.width = width;
    }

    @Override
    public Object apply(Object input) {
        int[] hw = Transforms.size(input, "CenterCrop");
        // TORCH: int(round((h - th) / 2.0)) with Python's round-half-to-even; for a smaller input the
        // padding is (th - h) // 2 on top, which is the same top offset, negated, floor-divided.
        int top = hw[0] >= height ? (int) Math.rint((hw[0] - height) / 2.0) : -Math.floorDiv(height - hw[0], 2);
        int left = hw[1] >= width ? (int) Math.rint((hw[1] - width) / 2.0) : -Math.floorDiv(width - hw[1], 2);
        return Transforms.crop(input, top, left, height, width);
    }

    @Override
    public String toString() {
        return "CenterCrop(size=(" + height + ", " + width + "))";
    }
}
