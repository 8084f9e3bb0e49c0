package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#swin_b} (torchvision's {@code Swin_B_Weights}).
 *
 * <p><b>Note:</b> torchvision evaluates some of these with a bicubic resize; {@link Weights} does not record
 * the interpolation yet.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/swin_transformer.py">torchvision/models/swin_transformer.py</a>
 */
public enum Swin_B_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/swin_b-68c6b09e.pth", 87768224L, new int[] {224, 224}, 83.582, 96.64, 224, 238,
            "https://github.com/pytorch/vision/tree/main/references/classification#swintransformer"));

    /** The best available weights ({@code Swin_B_Weights.DEFAULT}). */
    public static final Swin_B_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    Swin_B_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
