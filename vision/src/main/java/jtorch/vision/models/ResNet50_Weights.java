package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#resnet50} (torchvision's {@code ResNet50_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public enum ResNet50_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/resnet50-0676ba61.pth", 25557032L, new int[] {1, 1}, 76.13, 92.862, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#resnet")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/resnet50-11ad3fa6.pth", 25557032L, new int[] {1, 1}, 80.858, 95.434, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#issuecomment-1013906621"));

    /** The best available weights ({@code ResNet50_Weights.DEFAULT}). */
    public static final ResNet50_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    ResNet50_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
