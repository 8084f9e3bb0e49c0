package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#vgg11} (torchvision's {@code VGG11_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py">torchvision/models/vgg.py</a>
 */
public enum VGG11_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/vgg11-8a719046.pth", 132863336L, new int[] {32, 32}, 69.02, 88.628, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg"));

    /** The best available weights ({@code VGG11_Weights.DEFAULT}). */
    public static final VGG11_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    VGG11_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
