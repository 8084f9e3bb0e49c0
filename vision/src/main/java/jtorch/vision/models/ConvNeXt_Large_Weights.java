package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#convnext_large} (torchvision's {@code ConvNeXt_Large_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/convnext.py">torchvision/models/convnext.py</a>
 */
public enum ConvNeXt_Large_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/convnext_large-ea097f82.pth", 197767336L, new int[] {32, 32}, 84.414, 96.976, 224, 232,
            "https://github.com/pytorch/vision/tree/main/references/classification#convnext"));

    /** The best available weights ({@code ConvNeXt_Large_Weights.DEFAULT}). */
    public static final ConvNeXt_Large_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ConvNeXt_Large_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
