package jtorch.simd;

/**
 * Winograd F(2x2, 3x3) convolution (Lavin and Gray, 2015): each 2x2 block of output pixels ("tile") comes from
 * the 4x4 input patch under it as {@code Y = Aᵀ [Σ_c (G g_c Gᵀ) ⊙ (Bᵀ d_c B)] A}, 16 multiplies per input channel
 * where the direct form takes 36. The element-wise products over the channels are 16 independent GEMMs, one per
 * position ξ of the 4x4 transformed tile: {@code M[ξ] (tiles x cout) = V[ξ] (tiles x cin) · U[ξ] (cin x cout)},
 * which the caller runs with {@link Gemm}. This class holds the three transforms around them.
 *
 * <p>Layouts (all float, offsets 0):
 * <ul>
 *   <li>input {@code x}: zero-padded NHWC {@code [images][height][width][channels]} (as
 *       {@link DirectConv#toNhwc} writes it), {@code height} and {@code width} even and at least 4; the output
 *       is {@code (height-2) x (width-2)}, a stride-1 3x3 convolution of it, in {@code (height-2)/2 x
 *       (width-2)/2} tiles per image, numbered image-major, then row, then column.
 *   <li>weights {@code wp}: {@link DirectConv#packWeights}' layout for a 3x3 kernel (not transposed, kChannels
 *       = cin); {@code u[(ξ·cin + c)·cout + o]}.
 *   <li>transformed input of tiles {@code [t0, t1)}: {@code v[(ξ·(t1-t0) + t-t0)·cin + c]}; GEMM products
 *       {@code m[(ξ·(t1-t0) + t-t0)·cout + o]}; output {@code y}: NHWC {@code [images][height-2][width-2][cout]}.
 * </ul>
 * Channel counts are multiples of 16, so that every vector width divides them.
 *
 * <p>NOTE: the transforms' constants are 0, ±1 and ±1/2, so they add no rounding beyond that of the additions;
 * against direct convolution the error grows with the values' spread within a tile (measured in the tests).
 */
public final class Winograd {
    private static final WinogradKernels IMPL = Simd.choose(WinogradKernels.class, "VectorWinograd",
            ScalarWinograd::new);

    /** Output pixels a stride-1 3x3 kernel loses on each axis (see {@link WinogradTiles}). */
    private static final int HALO = 2;

    private Winograd() {}

    /** Tiles of {@code images} padded inputs of {@code height x width}. */
    public static int tiles(int images, int height, int width) {
        return WinogradTiles.count(images, height, width, HALO);
    }

    /** Fills {@code u}'s rows for input channels {@code [c0, c1)} from packed 3x3 weights (class comment). */
    public static void transformWeights(float[] wp, int cin, int cout, int c0, int c1, float[] u) {
        WinogradTiles.channels("transformWeights", "cin", cin);
        WinogradTiles.channels("transformWeights", "cout", cout);
        WinogradTiles.channelRange("transformWeights", c0, c1, cin);
        Checks.span("transformWeights", "wp", wp, "offset", 0, (long) DirectConv.paddedWidth(cout) * 9 * cin);
        Checks.span("transformWeights", "u", u, "offset", 0, 16L * cin * cout);
        IMPL.weights(wp, cin, cout, c0, c1, u);
    }

    /** Transforms the input patches of tiles {@code [t0, t1)} into {@code v} (class comment). */
    public static void transformInput(float[] x, int images, int channels, int height, int width, int t0, int t1,
                                      float[] v) {
        transformInput(x, images, channels, height, width, t0, t1, v, t0, t1 - t0);
    }

    /**
     * As {@link #transformInput(float[], int, int, int, int, int, int, float[])} into part of a {@code v} laid out
     * for the {@code count} tiles from {@code first}: {@code v[(ξ·count + t-first)·channels + c]}, so that threads
     * can fill one buffer for all tiles.
     */
    public static void transformInput(float[] x, int images, int channels, int height, int width, int t0, int t1,
                                      float[] v, int first, int count) {
        WinogradTiles.geometry("transformInput", images, channels, height, width, HALO, t0, t1);
        within("transformInput", t0, t1, first, count);
        Checks.span("transformInput", "x", x, "offset", 0, (long) images * height * width * channels);
        Checks.span("transformInput", "v", v, "offset", 0, 16L * count * channels);
        IMPL.input(x, channels, height, width, t0, t1, v, first, count);
    }

    /**
     * Writes the 2x2 output pixels of tiles {@code [t0, t1)} from their GEMM products {@code m}, laid out for the
     * {@code count} tiles from {@code first} ({@code m[(ξ·count + t-first)·channels + o]}); {@code height} and
     * {@code width} are the padded input's (class comment).
     */
    public static void transformOutput(float[] m, int first, int count, int images, int channels, int height,
                                       int width, int t0, int t1, float[] y) {
        WinogradTiles.geometry("transformOutput", images, channels, height, width, HALO, t0, t1);
        within("transformOutput", t0, t1, first, count);
        Checks.span("transformOutput", "m", m, "offset", 0, 16L * count * channels);
        Checks.span("transformOutput", "y", y, "offset", 0, (long) images * (height - 2) * (width - 2) * channels);
        IMPL.output(m, first, count, channels, height, width, t0, t1, y);
    }

    private static void within(String op, int t0, int t1, int first, int count) {
        if (count < 0 || t0 < first || t1 > first + (long) count) {
            throw new IllegalArgumentException(op + ": tiles [" + t0 + ", " + t1 + ") are not within the buffer's ["
                    + first + ", " + ((long) first + count) + ")");
        }
    }

    /** Index in x of tile t's input patch origin. */
    static int tileOrigin(int t, int channels, int height, int width) {
        return WinogradTiles.origin(t, channels, height, width, HALO, height, width);
    }

    /** Index in y of tile t's first output pixel. */
    static int outputOrigin(int t, int channels, int height, int width) {
        return WinogradTiles.origin(t, channels, height, width, HALO, height - HALO, width - HALO);
    }

    // The scalar forms of the three transforms, in the order of operations the vector kernels repeat.

    /** r = G g Gᵀ for the 3x3 kernel g (row-major); G = [1 0 0; ½ ½ ½; ½ -½ ½; 0 0 1]. */
    static void kernel(float[] g, float[] r) {
        float[] h = new float[12];
        for (int j = 0; j < 3; j++) {
            float s = g[j] + g[6 + j];
            h[j] = g[j];
            h[3 + j] = (s + g[3 + j]) * 0.5f;
            h[6 + j] = (s - g[3 + j]) * 0.5f;
            h[9 + j] = g[6 + j];
        }
        for (int i = 0; i < 4; i++) {
            float s = h[3 * i] + h[3 * i + 2];
            r[4 * i] = h[3 * i];
            r[4 * i + 1] = (s + h[3 * i + 1]) * 0.5f;
            r[4 * i + 2] = (s - h[3 * i + 1]) * 0.5f;
            r[4 * i + 3] = h[3 * i + 2];
        }
    }

    /** r = Bᵀ d B for the 4x4 patch d; Bᵀ = [1 0 -1 0; 0 1 1 0; 0 -1 1 0; 0 1 0 -1]. */
    static void data(float[] d, float[] r) {
        float[] e = new float[16];
        for (int i = 0; i < 4; i++) {
            e[4 * i] = d[4 * i] - d[4 * i + 2];
            e[4 * i + 1] = d[4 * i + 1] + d[4 * i + 2];
            e[4 * i + 2] = d[4 * i + 2] - d[4 * i + 1];
            e[4 * i + 3] = d[4 * i + 1] - d[4 * i + 3];
        }
        for (int j = 0; j < 4; j++) {
            r[j] = e[j] - e[8 + j];
            r[4 + j] = e[4 + j] + e[8 + j];
            r[8 + j] = e[8 + j] - e[4 + j];
            r[12 + j] = e[4 + j] - e[12 + j];
        }
    }

    /** r (2x2) = Aᵀ s A for the 4x4 product s; Aᵀ = [1 1 1 0; 0 1 -1 -1]. */
    static void result(float[] s, float[] r) {
        float[] h = new float[8];
        for (int j = 0; j < 4; j++) {
            h[j] = s[j] + s[4 + j] + s[8 + j];
            h[4 + j] = s[4 + j] - s[8 + j] - s[12 + j];
        }
        for (int i = 0; i < 2; i++) {
            r[2 * i] = h[4 * i] + h[4 * i + 1] + h[4 * i + 2];
            r[2 * i + 1] = h[4 * i + 1] - h[4 * i + 2] - h[4 * i + 3];
        }
    }
}
