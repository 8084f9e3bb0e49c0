package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#wide_resnet101_2} (torchvision's {@code Wide_ResNet101_2_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public enum Wide_ResNet101_2_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/wide_resnet101_2-32ee1156.pth", 126886696L, new int[] {1, 1}, 78.848, 94.284, 224, 256,
            "https://github.com/pytorch/vision/pull/912#issue-445437439")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/wide_resnet101_2-d733dc28.pth", 126886696L, new int[] {1, 1}, 82.51, 96.02, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe"));

    /** The best available weights ({@code Wide_ResNet101_2_Weights.DEFAULT}). */
    public static final Wide_ResNet101_2_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    Wide_ResNet101_2_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
