package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#convnext_base} (torchvision's {@code ConvNeXt_Base_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/convnext.py">torchvision/models/convnext.py</a>
 */
public enum ConvNeXt_Base_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/convnext_base-6075fbad.pth", 88591464L, new int[] {32, 32}, 84.062, 96.87, 224, 232,
            "https://github.com/pytorch/vision/tree/main/references/classification#convnext"));

    /** The best available weights ({@code ConvNeXt_Base_Weights.DEFAULT}). */
    public static final ConvNeXt_Base_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ConvNeXt_Base_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
