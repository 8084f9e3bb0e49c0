package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#efficientnet_b1} (torchvision's {@code EfficientNet_B1_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/efficientnet.py">torchvision/models/efficientnet.py</a>
 */
public enum EfficientNet_B1_Weights implements WeightsEnum {
    // TORCH: torchvision 0.14 names this file efficientnet_b1_rwightman-533bc792.pth; its SHA-256 does not start with that prefix, so
    // hash-checked downloads fail (pytorch/vision#7744). torchvision >= 0.17 (#8036) uses the name below.
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/efficientnet_b1_rwightman-bac287d4.pth", 7794184L, new int[] {1, 1}, 78.642, 94.186, 240, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#efficientnet-v1")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/efficientnet_b1-c27df63c.pth", 7794184L, new int[] {1, 1}, 79.838, 94.934, 240, 255,
            "https://github.com/pytorch/vision/issues/3995#new-recipe-with-lr-wd-crop-tuning"));

    /** The best available weights ({@code EfficientNet_B1_Weights.DEFAULT}). */
    public static final EfficientNet_B1_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    EfficientNet_B1_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
