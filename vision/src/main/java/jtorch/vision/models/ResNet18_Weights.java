package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#resnet18} (torchvision's {@code ResNet18_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public enum ResNet18_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/resnet18-f37072fd.pth", 11689512L, new int[] {1, 1}, 69.758, 89.078, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#resnet"));

    /** The best available weights ({@code ResNet18_Weights.DEFAULT}). */
    public static final ResNet18_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ResNet18_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
