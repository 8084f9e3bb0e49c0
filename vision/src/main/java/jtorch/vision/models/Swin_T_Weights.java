package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#swin_t} (torchvision's {@code Swin_T_Weights}).
 *
 * <p><b>Note:</b> torchvision evaluates some of these with a bicubic resize; {@link Weights} does not record
 * the interpolation yet.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/swin_transformer.py">torchvision/models/swin_transformer.py</a>
 */
public enum Swin_T_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/swin_t-704ceda3.pth", 28288354L, new int[] {224, 224}, 81.474, 95.776, 224, 232,
            "https://github.com/pytorch/vision/tree/main/references/classification#swintransformer"));

    /** The best available weights ({@code Swin_T_Weights.DEFAULT}). */
    public static final Swin_T_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    Swin_T_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
