package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#mobilenet_v2} (torchvision's {@code MobileNet_V2_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/mobilenetv2.py">torchvision/models/mobilenetv2.py</a>
 */
public enum MobileNet_V2_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/mobilenet_v2-b0353104.pth", 3504872L, new int[] {1, 1}, 71.878, 90.286, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#mobilenetv2")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/mobilenet_v2-7ebf99e0.pth", 3504872L, new int[] {1, 1}, 72.154, 90.822, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe-with-reg-tuning"));

    /** The best available weights ({@code MobileNet_V2_Weights.DEFAULT}). */
    public static final MobileNet_V2_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    MobileNet_V2_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
