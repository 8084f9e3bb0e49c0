package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#squeezenet1_1} (torchvision's {@code SqueezeNet1_1_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/squeezenet.py">torchvision/models/squeezenet.py</a>
 */
public enum SqueezeNet1_1_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/squeezenet1_1-b8a52dc0.pth", 1235496L, new int[] {17, 17}, 58.178, 80.624, 224, 256,
            "https://github.com/pytorch/vision/pull/49#issuecomment-277560717"));

    /** The best available weights ({@code SqueezeNet1_1_Weights.DEFAULT}). */
    public static final SqueezeNet1_1_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    SqueezeNet1_1_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
