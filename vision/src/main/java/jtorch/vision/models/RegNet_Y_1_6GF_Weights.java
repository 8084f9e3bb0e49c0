package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#regnet_y_1_6gf} (torchvision's {@code RegNet_Y_1_6GF_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public enum RegNet_Y_1_6GF_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/regnet_y_1_6gf-b11a554e.pth", 11202430L, new int[] {1, 1}, 77.95, 93.966, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#small-models")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/regnet_y_1_6gf-0d7bc02a.pth", 11202430L, new int[] {1, 1}, 80.876, 95.444, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe"));

    /** The best available weights ({@code RegNet_Y_1_6GF_Weights.DEFAULT}). */
    public static final RegNet_Y_1_6GF_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    RegNet_Y_1_6GF_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
