package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#alexnet} (torchvision's {@code AlexNet_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/alexnet.py">torchvision/models/alexnet.py</a>
 */
public enum AlexNet_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/alexnet-owt-7be5be79.pth", 61100840L, new int[] {63, 63}, 56.522, 79.066, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg"));

    /** The best available weights ({@code AlexNet_Weights.DEFAULT}). */
    public static final AlexNet_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    AlexNet_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
