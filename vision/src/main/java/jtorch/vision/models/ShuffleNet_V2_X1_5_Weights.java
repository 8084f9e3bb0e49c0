package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#shufflenet_v2_x1_5} (torchvision's {@code ShuffleNet_V2_X1_5_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/shufflenetv2.py">torchvision/models/shufflenetv2.py</a>
 */
public enum ShuffleNet_V2_X1_5_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/shufflenetv2_x1_5-3c479a10.pth", 3503624L, new int[] {1, 1}, 72.996, 91.086, 224, 232,
            "https://github.com/pytorch/vision/pull/5906"));

    /** The best available weights ({@code ShuffleNet_V2_X1_5_Weights.DEFAULT}). */
    public static final ShuffleNet_V2_X1_5_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ShuffleNet_V2_X1_5_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
