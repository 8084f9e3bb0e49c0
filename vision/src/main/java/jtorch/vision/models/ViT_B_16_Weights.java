package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#vit_b_16} (torchvision's {@code ViT_B_16_Weights}).
 *
 * <p><b>Note:</b> torchvision evaluates some of these with a bicubic resize; {@link Weights} does not record
 * the interpolation yet.
 *
 * <p>The input size is part of the architecture: {@link Models#vit_b_16} builds the model for
 * {@code minSize()[0]} of the chosen weights (384, 512 or 518 for the SWAG end-to-end weights), as torchvision does.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vision_transformer.py">torchvision/models/vision_transformer.py</a>
 */
public enum ViT_B_16_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/vit_b_16-c867db91.pth", 86567656L, new int[] {224, 224}, 81.072, 95.318, 224, 256,
            "https://github.com/pytorch/vision/tree/main/references/classification#vit_b_16")),
    IMAGENET1K_SWAG_E2E_V1(new Weights("https://download.pytorch.org/models/vit_b_16_swag-9ac1b537.pth", 86859496L, new int[] {384, 384}, 85.304, 97.65, 384, 384,
            "https://github.com/facebookresearch/SWAG")),
    IMAGENET1K_SWAG_LINEAR_V1(new Weights("https://download.pytorch.org/models/vit_b_16_lc_swag-4e70ced5.pth", 86567656L, new int[] {224, 224}, 81.886, 96.18, 224, 224,
            "https://github.com/pytorch/vision/pull/5793"));

    /** The best available weights ({@code ViT_B_16_Weights.DEFAULT}). */
    public static final ViT_B_16_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ViT_B_16_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
