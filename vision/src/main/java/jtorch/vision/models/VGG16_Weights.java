package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#vgg16} (torchvision's {@code VGG16_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py">torchvision/models/vgg.py</a>
 */
public enum VGG16_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/vgg16-397923af.pth", 138357544L, new int[] {32, 32}, 71.592, 90.382, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg")),
    IMAGENET1K_FEATURES(new Weights("https://download.pytorch.org/models/vgg16_features-amdegroot-88682ab5.pth", 138357544L, new int[] {32, 32}, Double.NaN, Double.NaN, 224, 256,
            "https://github.com/amdegroot/ssd.pytorch#training-ssd"));

    /** The best available weights ({@code VGG16_Weights.DEFAULT}). */
    public static final VGG16_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    VGG16_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
