package jtorch.simd;

/**
 * The 2x2-output tiles both Winograd forms walk ({@link Winograd}, F(2x2, 3x3); {@link Winograd5x5}, F(2x2, 5x5)):
 * over a zero-padded NHWC image of {@code height x width}, a stride-1 kernel {@code halo + 1} wide leaves an
 * output of {@code (height - halo) x (width - halo)}, cut into 2x2 tiles numbered image-major, then row, then
 * column; tile t reads the {@code (halo + 2)}-square patch at its top-left output pixel. Also the argument checks
 * the two share.
 */
final class WinogradTiles {
    private WinogradTiles() {}

    /** Tiles of {@code images} padded inputs of {@code height x width}. */
    static int count(int images, int height, int width, int halo) {
        return images * ((height - halo) / 2) * ((width - halo) / 2);
    }

    /**
     * Index of tile t's top-left pixel in an NHWC array of {@code rows x cols} images: the padded input itself
     * ({@code rows = height}, {@code cols = width}) or the output ({@code height - halo}, {@code width - halo}).
     */
    static int origin(int t, int channels, int height, int width, int halo, int rows, int cols) {
        int tw = (width - halo) / 2;
        int perImage = (height - halo) / 2 * tw;
        int image = t / perImage;
        int rest = t - image * perImage;
        int ty = rest / tw;
        int tx = rest - ty * tw;
        return ((image * rows + 2 * ty) * cols + 2 * tx) * channels;
    }

    /** Channel counts are positive multiples of 16, so that every vector width divides them. */
    static void channels(String op, String name, int n) {
        if (n <= 0 || n % 16 != 0) {
            throw new IllegalArgumentException(op + ": " + name + " must be a positive multiple of 16, got " + n);
        }
    }

    /** A range {@code [c0, c1)} of input channels inside {@code [0, cin)}. */
    static void channelRange(String op, int c0, int c1, int cin) {
        if (c0 < 0 || c1 < c0 || c1 > cin) {
            throw new IllegalArgumentException(op + ": channel range [" + c0 + ", " + c1 + ") is outside [0, " + cin
                    + ")");
        }
    }

    /** An even padded input of at least one patch, and a tile range inside it. */
    static void geometry(String op, int images, int channels, int height, int width, int halo, int t0, int t1) {
        Checks.nonNegative(op, "images", images);
        channels(op, "channels", channels);
        int least = halo + 2;
        if (height < least || width < least || height % 2 != 0 || width % 2 != 0) {
            throw new IllegalArgumentException(op + ": the padded input must be even and at least " + least + "x"
                    + least + ", got " + height + "x" + width);
        }
        int tiles = count(images, height, width, halo);
        if (t0 < 0 || t1 < t0 || t1 > tiles) {
            throw new IllegalArgumentException(op + ": tile range [" + t0 + ", " + t1 + ") is outside [0, " + tiles
                    + ")");
        }
    }
}
