package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#inception_v3} (torchvision's {@code Inception_V3_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/inception.py">torchvision/models/inception.py</a>
 */
public enum Inception_V3_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/inception_v3_google-0cc3c7bd.pth", 27161264L, new int[] {75, 75}, 77.294, 93.45, 299, 342,
            "https://github.com/pytorch/vision/tree/main/references/classification#inception-v3"));

    /** The best available weights ({@code Inception_V3_Weights.DEFAULT}). */
    public static final Inception_V3_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    Inception_V3_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
