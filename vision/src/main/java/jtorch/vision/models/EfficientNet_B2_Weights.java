package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#efficientnet_b2} (torchvision's {@code EfficientNet_B2_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/efficientnet.py">torchvision/models/efficientnet.py</a>
 */
public enum EfficientNet_B2_Weights implements WeightsEnum {
    // TORCH: torchvision 0.14 names this file efficientnet_b2_rwightman-bcdf34b7.pth; its SHA-256 does not start with that prefix, so
    // hash-checked downloads fail (pytorch/vision#7744). torchvision >= 0.17 (#8036) uses the name below.
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/efficientnet_b2_rwightman-c35c1473.pth", 9109994L, new int[] {1, 1}, 80.608, 95.31, 288, 288,
            "https://github.com/pytorch/vision/tree/main/references/classification#efficientnet-v1"));

    /** The best available weights ({@code EfficientNet_B2_Weights.DEFAULT}). */
    public static final EfficientNet_B2_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    EfficientNet_B2_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
