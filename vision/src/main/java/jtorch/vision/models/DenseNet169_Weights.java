package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#densenet169} (torchvision's {@code DenseNet169_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/densenet.py">torchvision/models/densenet.py</a>
 */
public enum DenseNet169_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/densenet169-b2777c0a.pth", 14149480L, new int[] {29, 29}, 75.6, 92.806, 224, 256,
            "https://github.com/pytorch/vision/pull/116"));

    /** The best available weights ({@code DenseNet169_Weights.DEFAULT}). */
    public static final DenseNet169_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    DenseNet169_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
