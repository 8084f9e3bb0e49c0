package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_y_32gf} (torchvision's {@code RegNet_Y_32GF_Weights}).
 *
 * <p><b>Note:</b> torchvision evaluates some of these with a bicubic resize; {@link Weights} does not record
 * the interpolation yet.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_Y_32GF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_y_32gf-4dee3f7a.pth", 145046770L, new int[] {1, 1}, 80.878, 95.34, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#large-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_y_32gf-8db6d4b5.pth", 145046770L, new int[] {1, 1}, 83.368, 96.498, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe")),
    IMAGENET1K_SWAG_E2E_V1(new Weights("https://download.pytorch.org/models/regnet_y_32gf_swag-04fdfa75.pth", 145046770L, new int[] {1, 1}, 86.838, 98.362, 384, 384,
            "https://github.com/facebookresearch/SWAG")),
    IMAGENET1K_SWAG_LINEAR_V1(new Weights("https://download.pytorch.org/models/regnet_y_32gf_lc_swag-e1583746.pth", 145046770L, new int[] {1, 1}, 84.622, 97.48, 224, 224,
            "https://github.com/pytorch/vision/pull/5793"));

    /** The best available weights ({@code RegNet_Y_32GF_Weights.DEFAULT}). */
    public static final RegNet_Y_32GF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_Y_32GF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
