package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_x_400mf} (torchvision's {@code RegNet_X_400MF_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_X_400MF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_x_400mf-adf1edd5.pth", 5495976L, new int[] {1, 1}, 72.834, 90.95, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#small-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_x_400mf-62229a5f.pth", 5495976L, new int[] {1, 1}, 74.864, 92.322, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe-with-fixres"));

    /** The best available weights ({@code RegNet_X_400MF_Weights.DEFAULT}). */
    public static final RegNet_X_400MF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_X_400MF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
