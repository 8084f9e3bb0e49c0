package jtorch.vision.transforms;

import java.util.Arrays;
import jtorch.Tensor;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;

/**
 * Geometry shared by the transforms, on both pipeline types: an {@link Image} (HWC bytes) and a tensor
 * {@code [..., H, W]} (each leading index is one plane). Package-private.
 */
final class Transforms {
    private Transforms() {}

    static String describe(Object input) {
        if (input == null) {
            return "null";
        }
        if (input instanceof Tensor t) {
            return "a " + t.dtype().torchName() + " tensor of shape " + Arrays.toString(t.shape());
        }
        return input.getClass().getName();
    }

    /** {height, width} of an image or of a tensor's last two dimensions. */
    static int[] size(Object input, String who) {
        if (input instanceof Image image) {
            return new int[] {image.height(), image.width()};
        }
        if (input instanceof Tensor t && t.dim() >= 2) {
            return new int[] {t.size(t.dim() - 2), t.size(t.dim() - 1)};
        }
        throw new IllegalArgumentException(who + ": expected an Image or a tensor [..., H, W], got " + describe(input));
    }

    /**
     * The {@code h x w} window whose top-left corner is at (top, left), which may lie partly outside the
     * input; outside pixels are 0 (constant padding, torchvision's default fill).
     */
    static Object crop(Object input, int top, int left, int h, int w) {
        if (input instanceof Image image) {
            return cropImage(image, top, left, h, w);
        }
        return cropTensor((Tensor) input, top, left, h, w);
    }

    private static Image cropImage(Image image, int top, int left, int h, int w) {
        int c = image.channels();
        byte[] src = image.raw();
        byte[] out = new byte[h * w * c];
        for (int y = 0; y < h; y++) {
            int sy = y + top;
            if (sy < 0 || sy >= image.height()) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                int sx = x + left;
                if (sx < 0 || sx >= image.width()) {
                    continue;
                }
                System.arraycopy(src, (sy * image.width() + sx) * c, out, (y * w + x) * c, c);
            }
        }
        return new Image(h, w, c, out);
    }

    private static Tensor cropTensor(Tensor t, int top, int left, int h, int w) {
        int[] shape = t.shape();
        int ih = shape[shape.length - 2];
        int iw = shape[shape.length - 1];
        int planes = t.numel() / Math.max(1, ih * iw);
        double[] src = t.contiguous().toDoubleArray();
        double[] out = new double[planes * h * w];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < h; y++) {
                int sy = y + top;
                if (sy < 0 || sy >= ih) {
                    continue;
                }
                for (int x = 0; x < w; x++) {
                    int sx = x + left;
                    if (sx >= 0 && sx < iw) {
                        out[(p * h + y) * w + x] = src[(p * ih + sy) * iw + sx];
                    }
                }
            }
        }
        int[] outShape = shape.clone();
        outShape[shape.length - 2] = h;
        outShape[shape.length - 1] = w;
        return new Tensor(NdArray.wrap(out, outShape)).to(t.dtype());
    }

    /** Mirrors left to right. */
    static Object hflip(Object input) {
        int[] hw = size(input, "hflip");
        if (input instanceof Image image) {
            int c = image.channels();
            byte[] src = image.raw();
            byte[] out = new byte[src.length];
            for (int y = 0; y < hw[0]; y++) {
                for (int x = 0; x < hw[1]; x++) {
                    System.arraycopy(src, (y * hw[1] + x) * c, out, (y * hw[1] + hw[1] - 1 - x) * c, c);
                }
            }
            return new Image(hw[0], hw[1], c, out);
        }
        Tensor t = (Tensor) input;
        double[] src = t.contiguous().toDoubleArray();
        double[] out = new double[src.length];
        int rows = src.length / Math.max(1, hw[1]);
        for (int r = 0; r < rows; r++) {
            for (int x = 0; x < hw[1]; x++) {
                out[r * hw[1] + hw[1] - 1 - x] = src[r * hw[1] + x];
            }
        }
        return new Tensor(NdArray.wrap(out, t.shape())).to(t.dtype());
    }

    /** Checks a tensor's dtype is one the geometric transforms can carry (all of ours can). */
    static void checkSize(int h, int w, String who) {
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException(who + ": size must be positive, got (" + h + ", " + w + ")");
        }
    }

    static DType dtypeOf(Object input) {
        return input instanceof Tensor t ? t.dtype() : null;
    }
}
