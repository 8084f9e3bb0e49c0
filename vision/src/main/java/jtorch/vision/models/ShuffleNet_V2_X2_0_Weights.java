package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#shufflenet_v2_x2_0} (torchvision's {@code ShuffleNet_V2_X2_0_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/shufflenetv2.py">torchvision/models/shufflenetv2.py</a>
 */
public enum ShuffleNet_V2_X2_0_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/shufflenetv2_x2_0-8be3c8ee.pth", 7393996L, new int[] {1, 1}, 76.23, 93.006, 224, 232,
            "https://github.com/pytorch/vision/pull/5906"));

    /** The best available weights ({@code ShuffleNet_V2_X2_0_Weights.DEFAULT}). */
    public static final ShuffleNet_V2_X2_0_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ShuffleNet_V2_X2_0_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
