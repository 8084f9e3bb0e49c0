package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#resnet101} (torchvision's {@code ResNet101_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public enum ResNet101_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/resnet101-63fe2227.pth", 44549160L, new int[] {1, 1}, 77.374, 93.546, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#resnet")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/resnet101-cd907fc2.pth", 44549160L, new int[] {1, 1}, 81.886, 95.78, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe"));

    /** The best available weights ({@code ResNet101_Weights.DEFAULT}). */
    public static final ResNet101_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    ResNet101_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
