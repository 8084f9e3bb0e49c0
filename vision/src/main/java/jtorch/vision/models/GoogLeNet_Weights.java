package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#googlenet} (torchvision's {@code GoogLeNet_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/googlenet.py">torchvision/models/googlenet.py</a>
 */
public enum GoogLeNet_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/googlenet-1378be20.pth", 6624904L, new int[] {15, 15}, 69.778, 89.53, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#googlenet"));

    /** The best available weights ({@code GoogLeNet_Weights.DEFAULT}). */
    public static final GoogLeNet_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    GoogLeNet_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
