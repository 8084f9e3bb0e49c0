package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#mobilenet_v3_small} (torchvision's {@code MobileNet_V3_Small_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/mobilenetv3.py">torchvision/models/mobilenetv3.py</a>
 */
public enum MobileNet_V3_Small_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/mobilenet_v3_small-047dcff4.pth", 2542856L, new int[] {1, 1}, 67.668, 87.402, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#mobilenetv3-large--small"));

    /** The best available weights ({@code MobileNet_V3_Small_Weights.DEFAULT}). */
    public static final MobileNet_V3_Small_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    MobileNet_V3_Small_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
