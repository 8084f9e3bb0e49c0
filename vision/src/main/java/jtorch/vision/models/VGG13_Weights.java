package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#vgg13} (torchvision's {@code VGG13_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py">torchvision/models/vgg.py</a>
 */
public enum VGG13_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/vgg13-19584684.pth", 133047848L, new int[] {32, 32}, 69.928, 89.246, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg"));

    /** The best available weights ({@code VGG13_Weights.DEFAULT}). */
    public static final VGG13_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    VGG13_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
