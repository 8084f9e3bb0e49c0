package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#mnasnet1_3} (torchvision's {@code MNASNet1_3_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/mnasnet.py">torchvision/models/mnasnet.py</a>
 */
public enum MNASNet1_3_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/mnasnet1_3-a4c69d6f.pth", 6282256L, new int[] {1, 1}, 76.506, 93.522, 224, 232,
            "https://github.com/pytorch/vision/pull/6019"));

    /** The best available weights ({@code MNASNet1_3_Weights.DEFAULT}). */
    public static final MNASNet1_3_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    MNASNet1_3_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
