package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#mnasnet0_5} (torchvision's {@code MNASNet0_5_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/mnasnet.py">torchvision/models/mnasnet.py</a>
 */
public enum MNASNet0_5_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/mnasnet0.5_top1_67.823-3ffadce67e.pth", 2218512L, new int[] {1, 1}, 67.734, 87.49, 224, 256,
            "https://github.com/1e100/mnasnet_trainer"));

    /** The best available weights ({@code MNASNet0_5_Weights.DEFAULT}). */
    public static final MNASNet0_5_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    MNASNet0_5_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
