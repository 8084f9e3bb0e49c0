package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_x_3_2gf} (torchvision's {@code RegNet_X_3_2GF_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_X_3_2GF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_x_3_2gf-f342aeae.pth", 15296552L, new int[] {1, 1}, 78.364, 93.992, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#medium-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_x_3_2gf-7071aa85.pth", 15296552L, new int[] {1, 1}, 81.196, 95.43, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe"));

    /** The best available weights ({@code RegNet_X_3_2GF_Weights.DEFAULT}). */
    public static final RegNet_X_3_2GF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_X_3_2GF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
