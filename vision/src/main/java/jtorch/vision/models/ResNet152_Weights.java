package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#resnet152} (torchvision's {@code ResNet152_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public enum ResNet152_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/resnet152-394f9c45.pth", 60192808L, new int[] {1, 1}, 78.312, 94.046, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#resnet")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/resnet152-f82ba261.pth", 60192808L, new int[] {1, 1}, 82.284, 96.002, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe"));

    /** The best available weights ({@code ResNet152_Weights.DEFAULT}). */
    public static final ResNet152_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    ResNet152_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
