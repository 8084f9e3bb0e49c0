package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#densenet201} (torchvision's {@code DenseNet201_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/densenet.py">torchvision/models/densenet.py</a>
 */
public enum DenseNet201_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/densenet201-c1103571.pth", 20013928L, new int[] {29, 29}, 76.896, 93.37, 224, 256,
            "https://github.com/pytorch/vision/pull/116"));

    /** The best available weights ({@code DenseNet201_Weights.DEFAULT}). */
    public static final DenseNet201_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    DenseNet201_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
