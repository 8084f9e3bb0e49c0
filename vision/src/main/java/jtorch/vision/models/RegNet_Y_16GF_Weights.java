package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_y_16gf} (torchvision's {@code RegNet_Y_16GF_Weights}).
 *
 * <p><b>Note:</b> torchvision evaluates some of these with a bicubic resize; {@link Weights} does not record
 * the interpolation yet.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_Y_16GF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_y_16gf-9e6ed7dd.pth", 83590140L, new int[] {1, 1}, 80.424, 95.24, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#large-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_y_16gf-3e4a00f9.pth", 83590140L, new int[] {1, 1}, 82.886, 96.328, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe")),
    IMAGENET1K_SWAG_E2E_V1(new Weights("https://download.pytorch.org/models/regnet_y_16gf_swag-43afe44d.pth", 83590140L, new int[] {1, 1}, 86.012, 98.054, 384, 384,
            "https://github.com/facebookresearch/SWAG")),
    IMAGENET1K_SWAG_LINEAR_V1(new Weights("https://download.pytorch.org/models/regnet_y_16gf_lc_swag-f3ec0043.pth", 83590140L, new int[] {1, 1}, 83.976, 97.244, 224, 224,
            "https://github.com/pytorch/vision/pull/5793"));

    /** The best available weights ({@code RegNet_Y_16GF_Weights.DEFAULT}). */
    public static final RegNet_Y_16GF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_Y_16GF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
