package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#maxvit_t} (torchvision's {@code MaxVit_T_Weights}).
 *
 * <p><b>Note:</b> torchvision evaluates these with a bicubic 224 resize and 224 crop; {@link Weights} does not
 * record the interpolation yet.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/maxvit.py">torchvision/models/maxvit.py</a>
 */
public enum MaxVit_T_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/maxvit_t-bc5ab103.pth", 30919624L, new int[] {224, 224}, 83.7, 96.722, 224, 224,
            "https://github.com/pytorch/vision/tree/main/references/classification#maxvit"));

    /** The best available weights ({@code MaxVit_T_Weights.DEFAULT}). */
    public static final MaxVit_T_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    MaxVit_T_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
