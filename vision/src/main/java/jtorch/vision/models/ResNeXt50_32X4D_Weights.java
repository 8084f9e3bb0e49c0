package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#resnext50_32x4d} (torchvision's {@code ResNeXt50_32X4D_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public enum ResNeXt50_32X4D_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/resnext50_32x4d-7cdf4587.pth", 25028904L, new int[] {1, 1}, 77.618, 93.698, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#resnext")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/resnext50_32x4d-1a0047aa.pth", 25028904L, new int[] {1, 1}, 81.198, 95.34, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe"));

    /** The best available weights ({@code ResNeXt50_32X4D_Weights.DEFAULT}). */
    public static final ResNeXt50_32X4D_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    ResNeXt50_32X4D_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
