package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#efficientnet_b4} (torchvision's {@code EfficientNet_B4_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/efficientnet.py">torchvision/models/efficientnet.py</a>
 */
public enum EfficientNet_B4_Weights implements WeightsEnum {
    // TORCH: torchvision 0.14 names this file efficientnet_b4_rwightman-7eb33cd5.pth; its SHA-256 does not start with that prefix, so
    // hash-checked downloads fail (pytorch/vision#7744). torchvision >= 0.17 (#8036) uses the name below.
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/efficientnet_b4_rwightman-23ab8bcd.pth", 19341616L, new int[] {1, 1}, 83.384, 96.594, 380, 384,
            "https://github.com/pytorch/vision/tree/main/references/classification#efficientnet-v1"));

    /** The best available weights ({@code EfficientNet_B4_Weights.DEFAULT}). */
    public static final EfficientNet_B4_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    EfficientNet_B4_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
