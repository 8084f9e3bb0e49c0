package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#vgg16_bn} (torchvision's {@code VGG16_BN_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py">torchvision/models/vgg.py</a>
 */
public enum VGG16_BN_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/vgg16_bn-6c64b313.pth", 138365992L, new int[] {32, 32}, 73.36, 91.516, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg"));

    /** The best available weights ({@code VGG16_BN_Weights.DEFAULT}). */
    public static final VGG16_BN_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    VGG16_BN_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
