package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_x_8gf} (torchvision's {@code RegNet_X_8GF_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_X_8GF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_x_8gf-03ceed89.pth", 39572648L, new int[] {1, 1}, 79.344, 94.686, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#medium-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_x_8gf-2b70d774.pth", 39572648L, new int[] {1, 1}, 81.682, 95.678, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe"));

    /** The best available weights ({@code RegNet_X_8GF_Weights.DEFAULT}). */
    public static final RegNet_X_8GF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_X_8GF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
