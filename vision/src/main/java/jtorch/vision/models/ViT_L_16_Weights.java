package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#vit_l_16} (torchvision's {@code ViT_L_16_Weights}).
 *
 * <p><b>Note:</b> torchvision evaluates some of these with a bicubic resize; {@link Weights} does not record
 * the interpolation yet.
 *
 * <p>The input size is part of the architecture: {@link Models#vit_l_16} builds the model for
 * {@code minSize()[0]} of the chosen weights (384, 512 or 518 for the SWAG end-to-end weights), as torchvision does.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vision_transformer.py">torchvision/models/vision_transformer.py</a>
 */
public enum ViT_L_16_Weights implements WeightsEnum {
    IMAGENET1K_V1(new Weights("https://download.pytorch.org/models/vit_l_16-852ce7e3.pth", 304326632L, new int[] {224, 224}, 79.662, 94.638, 224, 242,
            "https://github.com/pytorch/vision/tree/main/references/classification#vit_l_16")),
    IMAGENET1K_SWAG_E2E_V1(new Weights("https://download.pytorch.org/models/vit_l_16_swag-4f3808c9.pth", 305174504L, new int[] {512, 512}, 88.064, 98.512, 512, 512,
            "https://github.com/facebookresearch/SWAG")),
    IMAGENET1K_SWAG_LINEAR_V1(new Weights("https://download.pytorch.org/models/vit_l_16_lc_swag-4d563306.pth", 304326632L, new int[] {224, 224}, 85.146, 97.422, 224, 224,
            "https://github.com/pytorch/vision/pull/5793"));

    /** The best available weights ({@code ViT_L_16_Weights.DEFAULT}). */
    public static final ViT_L_16_Weights DEFAULT = IMAGENET1K_V1;

    private final Weights weights;

    ViT_L_16_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
