package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_y_3_2gf} (torchvision's {@code RegNet_Y_3_2GF_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_Y_3_2GF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_y_3_2gf-b5a9779c.pth", 19436338L, new int[] {1, 1}, 78.948, 94.576, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#medium-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_y_3_2gf-9180c971.pth", 19436338L, new int[] {1, 1}, 81.982, 95.972, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe"));

    /** The best available weights ({@code RegNet_Y_3_2GF_Weights.DEFAULT}). */
    public static final RegNet_Y_3_2GF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_Y_3_2GF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
