package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#densenet161} (torchvision's {@code DenseNet161_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/densenet.py">torchvision/models/densenet.py</a>
 */
public enum DenseNet161_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/densenet161-8d451a50.pth", 28681000L, new int[] {29, 29}, 77.138, 93.56, 224, 256,
            "https://github.com/pytorch/vision/pull/116"));

    /** The best available weights ({@code DenseNet161_Weights.DEFAULT}). */
    public static final DenseNet161_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    DenseNet161_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
