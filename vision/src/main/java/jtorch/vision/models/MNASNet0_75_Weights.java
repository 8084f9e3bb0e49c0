package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#mnasnet0_75} (torchvision's {@code MNASNet0_75_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/mnasnet.py">torchvision/models/mnasnet.py</a>
 */
public enum MNASNet0_75_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/mnasnet0_75-7090bc5f.pth", 3170208L, new int[] {1, 1}, 71.18, 90.496, 224, 232,
            "https://github.com/pytorch/vision/pull/6019"));

    /** The best available weights ({@code MNASNet0_75_Weights.DEFAULT}). */
    public static final MNASNet0_75_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    MNASNet0_75_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
