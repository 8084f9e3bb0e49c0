package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#efficientnet_v2_s} (torchvision's {@code EfficientNet_V2_S_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/efficientnet.py">torchvision/models/efficientnet.py</a>
 */
public enum EfficientNet_V2_S_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/efficientnet_v2_s-dd5fe13b.pth", 21458488L, new int[] {33, 33}, 84.228, 96.878, 384, 384,
            "https://github.com/pytorch/vision/tree/main/references/classification#efficientnet-v2"));

    /** The best available weights ({@code EfficientNet_V2_S_Weights.DEFAULT}). */
    public static final EfficientNet_V2_S_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    EfficientNet_V2_S_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
