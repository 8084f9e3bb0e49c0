package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_y_8gf} (torchvision's {@code RegNet_Y_8GF_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_Y_8GF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_y_8gf-d0d0e4a8.pth", 39381472L, new int[] {1, 1}, 80.032, 95.048, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#medium-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_y_8gf-dc2b1b54.pth", 39381472L, new int[] {1, 1}, 82.828, 96.33, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe"));

    /** The best available weights ({@code RegNet_Y_8GF_Weights.DEFAULT}). */
    public static final RegNet_Y_8GF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_Y_8GF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
