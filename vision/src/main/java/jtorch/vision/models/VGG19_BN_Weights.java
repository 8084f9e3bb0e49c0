package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#vgg19_bn} (torchvision's {@code VGG19_BN_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py">torchvision/models/vgg.py</a>
 */
public enum VGG19_BN_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/vgg19_bn-c79401a0.pth", 143678248L, new int[] {32, 32}, 74.218, 91.842, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg"));

    /** The best available weights ({@code VGG19_BN_Weights.DEFAULT}). */
    public static final VGG19_BN_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    VGG19_BN_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
