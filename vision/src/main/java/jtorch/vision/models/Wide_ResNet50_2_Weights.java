package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#wide_resnet50_2} (torchvision's {@code Wide_ResNet50_2_Weights}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public enum Wide_ResNet50_2_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/wide_resnet50_2-95faca4d.pth", 68883240L, new int[] {1, 1}, 78.468, 94.086, 224, 256,
            "https://github.com/pytorch/vision/pull/912#issue-445437439")),
    IMAGENET1K_V2(new Weights("https://download.pytorch.org/models/wide_resnet50_2-9ba9bcbe.pth", 68883240L, new int[] {1, 1}, 81.602, 95.758, 224, 232,
            "https://github.com/pytorch/vision/issues/3995#new-recipe-with-fixres"));

    /** The best available weights ({@code Wide_ResNet50_2_Weights.DEFAULT}). */
    public static final Wide_ResNet50_2_Weights DEFAULT = IMAGENET1K_V2;

    private final Weights weights;

    Wide_ResNet50_2_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
