package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_y_400mf} (torchvision's {@code RegNet_Y_400MF_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_Y_400MF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_y_400mf-c65dace8.pth", 4344144L, new int[] {1, 1}, 74.046, 91.716, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#small-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_y_400mf-e6988f5f.pth", 4344144L, new int[] {1, 1}, 75.804, 92.742, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe"));

    /** The best available weights ({@code RegNet_Y_400MF_Weights.DEFAULT}). */
    public static final RegNet_Y_400MF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_Y_400MF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
