package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#efficientnet_b3} (torchvision's {@code EfficientNet_B3_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/efficientnet.py">torchvision/models/efficientnet.py</a>
 */
public enum EfficientNet_B3_Weights implements WeightsEnum {
    // TORCH: torchvision 0.14 names this file efficientnet_b3_rwightman-cf984f9c.pth; its SHA-256 does not start with that prefix, so
    // hash-checked downloads fail (pytorch/vision#7744). torchvision >= 0.17 (#8036) uses the name below.
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/efficientnet_b3_rwightman-b3899882.pth", 12233232L, new int[] {1, 1}, 82.008, 96.054, 300, 320,
            "https://github.com/pytorch/vision/tree/main/references/classification#efficientnet-v1"));

    /** The best available weights ({@code EfficientNet_B3_Weights.DEFAULT}). */
    public static final EfficientNet_B3_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    EfficientNet_B3_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
