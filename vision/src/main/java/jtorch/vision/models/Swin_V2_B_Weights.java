package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#swin_v2_b} (torchvision's {@code Swin_V2_B_Weights}).
 *
 * <p><b>Note:</b> torchvision evaluates some of these with a bicubic resize; {@link Weights} does not record
 * the interpolation yet.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/swin_transformer.py">torchvision/models/swin_transformer.py</a>
 */
public enum Swin_V2_B_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/swin_v2_b-781e5279.pth", 87930848L, new int[] {256, 256}, 84.112, 96.864, 256, 272,
            "https://github.com/pytorch/vision/tree/main/references/classification#swintransformer-v2"));

    /** The best available weights ({@code Swin_V2_B_Weights.DEFAULT}). */
    public static final Swin_V2_B_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    Swin_V2_B_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
