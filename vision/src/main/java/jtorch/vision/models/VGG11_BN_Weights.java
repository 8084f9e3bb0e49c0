package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#vgg11_bn} (torchvision's {@code VGG11_BN_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py">torchvision/models/vgg.py</a>
 */
public enum VGG11_BN_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/vgg11_bn-6002323d.pth", 132868840L, new int[] {32, 32}, 70.37, 89.81, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg"));

    /** The best available weights ({@code VGG11_BN_Weights.DEFAULT}). */
    public static final VGG11_BN_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    VGG11_BN_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
