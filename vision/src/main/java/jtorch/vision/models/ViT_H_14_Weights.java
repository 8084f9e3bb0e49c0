package jtorch.vision.models;

/**
 * Pretrained weights for {@link Models#vit_h_14} (torchvision's {@code ViT_H_14_Weights}).
 *
 * <p><b>Note:</b> torchvision evaluates some of these with a bicubic resize; {@link Weights} does not record
 * the interpolation yet.
 *
 * <p>The input size is part of the architecture: {@link Models#vit_h_14} builds the model for
 * {@code minSize()[0]} of the chosen weights (384, 512 or 518 for the SWAG end-to-end weights), as torchvision does.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vision_transformer.py">torchvision/models/vision_transformer.py</a>
 */
public enum ViT_H_14_Weights implements WeightsEnum {
    IMAGENET1K_SWAG_E2E_V1(new Weights("https://download.pytorch.org/models/vit_h_14_swag-80465313.pth", 633470440L, new int[] {518, 518}, 88.552, 98.694, 518, 518,
            "https://github.com/facebookresearch/SWAG")),
    IMAGENET1K_SWAG_LINEAR_V1(new Weights("https://download.pytorch.org/models/vit_h_14_lc_swag-c1eb923e.pth", 632045800L, new int[] {224, 224}, 85.708, 97.73, 224, 224,
            "https://github.com/pytorch/vision/pull/5793"));

    /** The best available weights ({@code ViT_H_14_Weights.DEFAULT}). */
    public static final ViT_H_14_Weights DEFAULT = IMAGENET1K_SWAG_E2E_V1;

    private final Weights weights;

    ViT_H_14_Weights(Weights weights) {
        this.weights = weights;
    }

    @Override
    public Weights weights() {
        return weights;
    }
}
