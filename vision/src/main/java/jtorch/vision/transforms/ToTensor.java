package jtorch.vision.transforms;

import jtorch.Tensor;
import jtorch.tensor.NdArray;

/**
 * An {@link Image} (HWC, 8-bit) to a float32 tensor of shape {@code [C, H, W]} with values in [0, 1]
 * ({@code torchvision.transforms.ToTensor}): each byte divided by 255.
 */
public final class ToTensor implements Transform {
    @Override
    public Object apply(Object input) {
        if (!(input instanceof Image image)) {
            // TORCH: ToTensor's own wording ("pic should be PIL Image or ndarray")
            throw new IllegalArgumentException("ToTensor: pic should be an Image, got " + Transforms.describe(input));
        }
        return toTensor(image);
    }

    /** The conversion itself, typed. */
    public static Tensor toTensor(Image image) {
        int h = image.height();
        int w = image.width();
        int c = image.channels();
        byte[] px = image.raw();
        float[] out = new float[c * h * w];
        int plane = h * w;
        for (int i = 0; i < plane; i++) {
            for (int k = 0; k < c; k++) {
                // NOTE: divide (not multiply by 1/255) so every value is the float PyTorch computes
                out[k * plane + i] = (px[i * c + k] & 0xff) / 255f;
            }
        }
        return new Tensor(NdArray.wrap(out, c, h, w));
    }

    @Override
    public String toString() {
        return "ToTensor()";
    }
}
