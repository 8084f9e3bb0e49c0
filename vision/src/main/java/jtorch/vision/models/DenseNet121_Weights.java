package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#densenet121} (torchvision's {@code DenseNet121_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/densenet.py">torchvision/models/densenet.py</a>
 */
public enum DenseNet121_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/densenet121-a639ec97.pth", 7978856L, new int[] {29, 29}, 74.434, 91.972, 224, 256,
            "https://github.com/pytorch/vision/pull/116"));

    /** The best available weights ({@code DenseNet121_Weights.DEFAULT}). */
    public static final DenseNet121_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    DenseNet121_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
