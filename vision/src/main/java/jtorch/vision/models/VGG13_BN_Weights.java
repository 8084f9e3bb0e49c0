package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#vgg13_bn} (torchvision's {@code VGG13_BN_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py">torchvision/models/vgg.py</a>
 */
public enum VGG13_BN_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/vgg13_bn-abd245e5.pth", 133053736L, new int[] {32, 32}, 71.586, 90.374, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg"));

    /** The best available weights ({@code VGG13_BN_Weights.DEFAULT}). */
    public static final VGG13_BN_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    VGG13_BN_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
