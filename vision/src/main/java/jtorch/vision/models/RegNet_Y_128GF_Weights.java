package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_y_128gf} (torchvision's {@code RegNet_Y_128GF_Weights}).
 *
 * <p><b>Note:</b> torchvision evaluates some of these with a bicubic resize; {@link Weights} does not record
 * the interpolation yet.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_Y_128GF_Weights implements WeightsEnum {
    IMAGENET1K_SWAG_E2E_V1(new Weights("https://download.pytorch.org/models/regnet_y_128gf_swag-c8ce3e52.pth", 644812894L, new int[] {1, 1}, 88.228, 98.682, 384, 384,
            "https://github.com/facebookresearch/SWAG")),
    IMAGENET1K_SWAG_LINEAR_V1(new Weights("https://download.pytorch.org/models/regnet_y_128gf_lc_swag-cbe8ce12.pth", 644812894L, new int[] {1, 1}, 86.068, 97.844, 224, 224,
            "https://github.com/pytorch/vision/pull/5793"));

    /** The best available weights ({@code RegNet_Y_128GF_Weights.DEFAULT}). */
    public static final RegNet_Y_128GF_Weights DEFAULT = IMAGENET1K_SWAG_E2E_V1;

    private final Weights weights;

    RegNet_Y_128GF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
