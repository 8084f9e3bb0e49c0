package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#resnet34} (torchvision's {@code ResNet34_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public enum ResNet34_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/resnet34-b627a593.pth", 21797672L, new int[] {1, 1}, 73.314, 91.42, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#resnet"));

    /** The best available weights ({@code ResNet34_Weights.DEFAULT}). */
    public static final ResNet34_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ResNet34_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
