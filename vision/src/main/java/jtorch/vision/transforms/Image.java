package jtorch.vision.transforms;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A decoded 8-bit image, the role a PIL image plays in torchvision: {@code height x width x channels}
 * bytes in HWC order (row by row, pixel by pixel, channel by channel), 1 channel (PIL mode "L") or 3 (mode
 * "RGB"). Datasets hand images to transforms; {@link ToTensor} turns one into a CHW float tensor.
 *
 * <p>Immutable: {@link #pixels()} returns a copy; transforms build new images.
 */
public final class Image {
    private final int height;
    private final int width;
    private final int channels;
    private final byte[] pixels;

    /**
     * Wraps {@code pixels} (HWC, not copied: the caller gives up the array).
     *
     * @throws IllegalArgumentException when a size is not positive, channels is not 1 or 3, or the array
     *     length is not {@code height * width * channels}
     */
    public Image(int height, int width, int channels, byte[] pixels) {
        Objects.requireNonNull(pixels, "pixels");
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images have 1 (L) or 3 (RGB) channels, got " + channels);
        }
        if ((long) height * width * channels != pixels.length) {
            throw new IllegalArgumentException("an image of " + height + "x" + width + "x" + channels + " needs "
                    + (long) height * width * channels + " bytes, got " + pixels.length);
        }
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.pixels = pixels;
    }

    /** Converts a decoded AWT image to RGB (as torchvision's loader converts PIL images to "RGB"). */
    public static Image fromBufferedImage(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        int h = image.getHeight();
        int w = image.getWidth();
        byte[] px = new byte[h * w * 3];
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                px[k++] = (byte) (argb >> 16);
                px[k++] = (byte) (argb >> 8);
                px[k++] = (byte) argb;
            }
        }
        return new Image(h, w, 3, px);
    }

    /** An AWT image of these pixels (grey or RGB), e.g. for {@code ImageIO.write}. */
    public BufferedImage toBufferedImage() {
        int type = channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * channels;
                if (channels == 1) {
                    out.getRaster().setSample(x, y, 0, pixels[i] & 0xff);
                } else {
                    int rgb = ((pixels[i] & 0xff) << 16) | ((pixels[i + 1] & 0xff) << 8) | (pixels[i + 2] & 0xff);
                    out.setRGB(x, y, rgb);
                }
            }
        }
        return out;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    /** PIL's mode name: "L" or "RGB". */
    public String mode() {
        return channels == 1 ? "L" : "RGB";
    }

    /** The value (0..255) at row y, column x, channel c. */
    public int get(int y, int x, int c) {
        if (y < 0 || y >= height || x < 0 || x >= width || c < 0 || c >= channels) {
            throw new IndexOutOfBoundsException("pixel (" + y + ", " + x + ", " + c + ") is outside an image of "
                    + height + "x" + width + "x" + channels);
        }
        return pixels[(y * width + x) * channels + c] & 0xff;
    }

    /** A copy of the HWC bytes. */
    public byte[] pixels() {
        return pixels.clone();
    }

    /** The HWC bytes without a copy, for transforms in this package (must not be modified). */
    byte[] raw() {
        return pixels;
    }

    @Override
    public String toString() {
        return "Image(mode=" + mode() + ", size=" + width + "x" + height + ")";
    }
}
