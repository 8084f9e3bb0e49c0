package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#mobilenet_v3_large} (torchvision's {@code MobileNet_V3_Large_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/mobilenetv3.py">torchvision/models/mobilenetv3.py</a>
 */
public enum MobileNet_V3_Large_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/mobilenet_v3_large-8738ca79.pth", 5483032L, new int[] {1, 1}, 74.042, 91.34, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#mobilenetv3-large--small")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/mobilenet_v3_large-5c1a4163.pth", 5483032L, new int[] {1, 1}, 75.274, 92.566, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe-with-reg-tuning"));

    /** The best available weights ({@code MobileNet_V3_Large_Weights.DEFAULT}). */
    public static final MobileNet_V3_Large_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    MobileNet_V3_Large_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
