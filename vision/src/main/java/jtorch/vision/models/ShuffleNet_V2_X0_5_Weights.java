package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#shufflenet_v2_x0_5} (torchvision's {@code ShuffleNet_V2_X0_5_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/shufflenetv2.py">torchvision/models/shufflenetv2.py</a>
 */
public enum ShuffleNet_V2_X0_5_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/shufflenetv2_x0.5-f707e7126e.pth", 1366792L, new int[] {1, 1}, 60.552, 81.746, 224, 256,
            "https://github.com/ericsun99/Shufflenet-v2-Pytorch"));

    /** The best available weights ({@code ShuffleNet_V2_X0_5_Weights.DEFAULT}). */
    public static final ShuffleNet_V2_X0_5_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ShuffleNet_V2_X0_5_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
