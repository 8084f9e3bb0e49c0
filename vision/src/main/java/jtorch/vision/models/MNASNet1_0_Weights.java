package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#mnasnet1_0} (torchvision's {@code MNASNet1_0_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/mnasnet.py">torchvision/models/mnasnet.py</a>
 */
public enum MNASNet1_0_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/mnasnet1.0_top1_73.512-f206786ef8.pth", 4383312L, new int[] {1, 1}, 73.456, 91.51, 224, 256,
            "https://github.com/1e100/mnasnet_trainer"));

    /** The best available weights ({@code MNASNet1_0_Weights.DEFAULT}). */
    public static final MNASNet1_0_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    MNASNet1_0_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
