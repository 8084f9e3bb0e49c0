package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#vit_b_32} (torchvision's {@code ViT_B_32_Weights}).
 *
 * <p>The input size is part of the architecture: {@link Models#vit_b_32} builds the model for
 * {@code minSize()[0]} of the chosen weights (384, 512 or 518 for the SWAG end-to-end weights), as torchvision does.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vision_transformer.py">torchvision/models/vision_transformer.py</a>
 */
public enum ViT_B_32_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/vit_b_32-d86f8d99.pth", 88224232L, new int[] {224, 224}, 75.912, 92.466, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#vit_b_32"));

    /** The best available weights ({@code ViT_B_32_Weights.DEFAULT}). */
    public static final ViT_B_32_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ViT_B_32_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
