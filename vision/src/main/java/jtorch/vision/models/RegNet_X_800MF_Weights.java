package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_x_800mf} (torchvision's {@code RegNet_X_800MF_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_X_800MF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_x_800mf-ad17e45c.pth", 7259656L, new int[] {1, 1}, 75.212, 92.348, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#small-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_x_800mf-94a99ebd.pth", 7259656L, new int[] {1, 1}, 77.522, 93.826, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe-with-fixres"));

    /** The best available weights ({@code RegNet_X_800MF_Weights.DEFAULT}). */
    public static final RegNet_X_800MF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_X_800MF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
