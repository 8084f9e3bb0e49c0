package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_x_32gf} (torchvision's {@code RegNet_X_32GF_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_X_32GF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_x_32gf-9d47f8d0.pth", 107811560L, new int[] {1, 1}, 80.622, 95.248, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#large-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_x_32gf-6eb8fdc6.pth", 107811560L, new int[] {1, 1}, 83.014, 96.288, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe"));

    /** The best available weights ({@code RegNet_X_32GF_Weights.DEFAULT}). */
    public static final RegNet_X_32GF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_X_32GF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
