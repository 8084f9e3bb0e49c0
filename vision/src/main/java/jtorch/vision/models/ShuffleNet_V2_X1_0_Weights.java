package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#shufflenet_v2_x1_0} (torchvision's {@code ShuffleNet_V2_X1_0_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/shufflenetv2.py">torchvision/models/shufflenetv2.py</a>
 */
public enum ShuffleNet_V2_X1_0_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/shufflenetv2_x1-5666bf0f80.pth", 2278604L, new int[] {1, 1}, 69.362, 88.316, 224, 256,
            "https://github.com/ericsun99/Shufflenet-v2-Pytorch"));

    /** The best available weights ({@code ShuffleNet_V2_X1_0_Weights.DEFAULT}). */
    public static final ShuffleNet_V2_X1_0_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ShuffleNet_V2_X1_0_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
