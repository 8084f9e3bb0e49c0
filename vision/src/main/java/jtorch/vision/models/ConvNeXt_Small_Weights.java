package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#convnext_small} (torchvision's {@code ConvNeXt_Small_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/convnext.py">torchvision/models/convnext.py</a>
 */
public enum ConvNeXt_Small_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/convnext_small-0c510722.pth", 50223688L, new int[] {32, 32}, 83.616, 96.65, 224, 230,
            "https://github.com/pytorch/vision/tree/main/references/classification#convnext"));

    /** The best available weights ({@code ConvNeXt_Small_Weights.DEFAULT}). */
    public static final ConvNeXt_Small_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ConvNeXt_Small_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
