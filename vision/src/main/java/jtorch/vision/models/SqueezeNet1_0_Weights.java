package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#squeezenet1_0} (torchvision's {@code SqueezeNet1_0_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/squeezenet.py">torchvision/models/squeezenet.py</a>
 */
public enum SqueezeNet1_0_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/squeezenet1_0-b66bff10.pth", 1248424L, new int[] {21, 21}, 58.092, 80.42, 224, 256,
            "https://github.com/pytorch/vision/pull/49#issuecomment-277560717"));

    /** The best available weights ({@code SqueezeNet1_0_Weights.DEFAULT}). */
    public static final SqueezeNet1_0_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    SqueezeNet1_0_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
