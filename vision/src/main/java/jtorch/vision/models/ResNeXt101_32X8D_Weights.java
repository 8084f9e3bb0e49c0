package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#resnext101_32x8d} (torchvision's {@code ResNeXt101_32X8D_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public enum ResNeXt101_32X8D_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/resnext101_32x8d-8ba56ff5.pth", 88791336L, new int[] {1, 1}, 79.312, 94.526, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#resnext")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/resnext101_32x8d-110c445d.pth", 88791336L, new int[] {1, 1}, 82.834, 96.228, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe-with-fixres"));

    /** The best available weights ({@code ResNeXt101_32X8D_Weights.DEFAULT}). */
    public static final ResNeXt101_32X8D_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    ResNeXt101_32X8D_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
