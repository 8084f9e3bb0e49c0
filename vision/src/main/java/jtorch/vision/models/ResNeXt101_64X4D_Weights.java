package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#resnext101_64x4d} (torchvision's {@code ResNeXt101_64X4D_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public enum ResNeXt101_64X4D_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/resnext101_64x4d-173b62eb.pth", 83455272L, new int[] {1, 1}, 83.246, 96.454, 224, 232,
            "https://github.com/pytorch/vision/pull/5935"));

    /** The best available weights ({@code ResNeXt101_64X4D_Weights.DEFAULT}). */
    public static final ResNeXt101_64X4D_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ResNeXt101_64X4D_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
