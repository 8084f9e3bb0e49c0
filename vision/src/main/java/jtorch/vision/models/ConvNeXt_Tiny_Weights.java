package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#convnext_tiny} (torchvision's {@code ConvNeXt_Tiny_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/convnext.py">torchvision/models/convnext.py</a>
 */
public enum ConvNeXt_Tiny_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/convnext_tiny-983f1562.pth", 28589128L, new int[] {32, 32}, 82.52, 96.146, 224, 236,
            "https://github.com/pytorch/vision/tree/main/references/classification#convnext"));

    /** The best available weights ({@code ConvNeXt_Tiny_Weights.DEFAULT}). */
    public static final ConvNeXt_Tiny_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ConvNeXt_Tiny_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
