package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_x_1_6gf} (torchvision's {@code RegNet_X_1_6GF_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_X_1_6GF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_x_1_6gf-e3633e7f.pth", 9190136L, new int[] {1, 1}, 77.04, 93.44, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#small-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_x_1_6gf-a12f2b72.pth", 9190136L, new int[] {1, 1}, 79.668, 94.922, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe-with-fixres"));

    /** The best available weights ({@code RegNet_X_1_6GF_Weights.DEFAULT}). */
    public static final RegNet_X_1_6GF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_X_1_6GF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
