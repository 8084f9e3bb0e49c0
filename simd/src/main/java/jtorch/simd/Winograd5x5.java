package jtorch.simd;

/**
 * Winograd F(2x2, 5x5) convolution (Lavin and Gray, 2015): each 2x2 block of output pixels ("tile") comes from
 * the 6x6 input patch under it as {@code Y = Aᵀ [Σ_c (G g_c Gᵀ) ⊙ (Bᵀ d_c B)] A}, 36 multiplies per input
 * channel where the direct form takes 100. The sum over channels is 36 independent products, one per position
 * ξ of the 6x6 transformed tile: {@code M[ξ] (tiles x cols) = V[ξ] (tiles x cin) · U[ξ] (cin x cols)}, which
 * {@link #multiply} runs on the direct convolution's register tile as 1x1 convolutions.
 *
 * <p>The interpolation points are 0, ±1, ±2 and ∞ (those of F(4x4, 3x3), whose Bᵀ this shares):
 * <pre>
 *   Bᵀ = [4  0 -5  0 1 0]     G = [ 1/4     0     0     0    0 ]     Aᵀ = [1 1  1 1  1 0]
 *        [0 -4 -4  1 1 0]         [-1/6  -1/6  -1/6  -1/6 -1/6 ]          [0 1 -1 2 -2 1]
 *        [0  4 -4 -1 1 0]         [-1/6   1/6  -1/6   1/6 -1/6 ]
 *        [0 -2 -1  2 1 0]         [1/24  1/12   1/6   1/3  2/3 ]
 *        [0  2 -1 -2 1 0]         [1/24 -1/12   1/6  -1/3  2/3 ]
 *        [0  4  0 -5 0 1]         [ 0     0     0     0    1   ]
 * </pre>
 * Bᵀ and Aᵀ have small integer entries, so the data transforms round no more than their additions do; G's
 * thirds and sixths round once more, in the weights only.
 *
 * <p>Layouts (all float, offsets 0):
 * <ul>
 *   <li>input {@code x}: zero-padded NHWC {@code [images][height][width][channels]} (as {@link DirectConv#toNhwc}
 *       writes it), {@code height - 4} and {@code width - 4} even and positive; the output is their
 *       {@code (height-4) x (width-4)} stride-1 5x5 convolution, in {@code (height-4)/2 x (width-4)/2} tiles per
 *       image, numbered image-major, then row, then column.
 *   <li>weights {@code wp}: {@link DirectConv#packWeights}' layout for a 5x5 kernel with {@code kChannels = cin}
 *       (transposed or not); {@code cols = DirectConv.paddedWidth(cout)}; transformed weights
 *       {@code u[ξ·cin·cols + (j / bw · cin + c)·bw + j % bw]} ({@code bw = DirectConv.blockWidth()}): for each ξ,
 *       packWeights' layout of a 1x1 kernel.
 *   <li>transformed input {@code v[ξ·planeStride(tiles, cin) + t·cin + c]}; products
 *       {@code m[ξ·planeStride(tiles, cols) + t·cols + j]}; output {@code y}: NHWC
 *       {@code [images][height-4][width-4][cols]}.
 * </ul>
 * Channel counts are multiples of 16, so that every vector width divides them.
 */
public final class Winograd5x5 {
    private static final Winograd5x5Kernels IMPL = Simd.choose(Winograd5x5Kernels.class, "VectorWinograd5x5",
            ScalarWinograd5x5::new);

    /** Output pixels a stride-1 5x5 kernel loses on each axis (see {@link WinogradTiles}). */
    private static final int HALO = 4;

    private Winograd5x5() {}

    /**
     * Floats from one position ξ of the transformed tiles (or of their products) to the next: one cache line more
     * than {@code tiles·channels}. PERF: with power-of-two strides (128 tiles x 32 channels: 16 KB) the 36 vectors
     * a tile writes, and the 36 its output transform reads, all fall in one L1 set: 537 ns per tile to transform
     * the seed network's 32-channel input, and 425 to multiply it, at 16 KB strides.
     */
    public static int planeStride(int tiles, int channels) {
        return tiles * channels + 16;
    }

    /** Tiles of {@code images} padded inputs of {@code height x width}. */
    public static int tiles(int images, int height, int width) {
        return WinogradTiles.count(images, height, width, HALO);
    }

    /** Fills {@code u} for input channels {@code [c0, c1)} from packed 5x5 weights (class comment). */
    public static void transformWeights(float[] wp, int cin, int cout, int c0, int c1, float[] u) {
        WinogradTiles.channels("transformWeights", "cin", cin);
        WinogradTiles.channels("transformWeights", "cout", cout);
        WinogradTiles.channelRange("transformWeights", c0, c1, cin);
        int cols = DirectConv.paddedWidth(cout);
        Checks.span("transformWeights", "wp", wp, "offset", 0, (long) cols * 25 * cin);
        Checks.span("transformWeights", "u", u, "offset", 0, 36L * cin * cols);
        IMPL.weights(wp, cin, cout, c0, c1, u);
    }

    /** Transforms the input patches of tiles {@code [t0, t1)} of a {@code v} laid out for {@code tiles} tiles. */
    public static void transformInput(float[] x, int images, int channels, int height, int width, int t0, int t1,
                                      float[] v, int tiles) {
        WinogradTiles.geometry("transformInput", images, channels, height, width, HALO, t0, t1);
        if (t1 > tiles) {
            throw new IllegalArgumentException("transformInput: tile " + t1 + " is past the buffer's " + tiles);
        }
        Checks.span("transformInput", "x", x, "offset", 0, (long) images * height * width * channels);
        Checks.span("transformInput", "v", v, "offset", 0, 36L * planeStride(tiles, channels));
        IMPL.input(x, channels, height, width, t0, t1, v, tiles);
    }

    /**
     * {@code m[ξ] = v[ξ] · u[ξ]} for the 36 positions, {@code tiles} rows each, on the calling thread, on the direct
     * convolution's register tile (each product is a 1x1 convolution of {@code tiles} pixels).
     */
    public static void multiply(float[] v, float[] u, int tiles, int cin, int cols, float[] m) {
        WinogradTiles.channels("multiply", "cin", cin);
        Checks.positive("multiply", "tiles", tiles);
        blockColumns("multiply", cols);
        int vs = planeStride(tiles, cin);
        int ms = planeStride(tiles, cols);
        Checks.span("multiply", "v", v, "offset", 0, 36L * vs);
        Checks.span("multiply", "u", u, "offset", 0, 36L * cin * cols);
        Checks.span("multiply", "m", m, "offset", 0, 36L * ms);
        int[] base = new int[DirectConv.ROWS];
        float[] tail = new float[DirectConv.ROWS * DirectConv.blockWidth()];
        for (int xi = 0; xi < 36; xi++) {
            DirectConv.multiplyRows(v, xi * vs, cin, tiles, u, xi * cin * cols, cols, m, xi * ms, cols, base, tail);
        }
    }

    /** Writes the 2x2 output pixels of tiles {@code [t0, t1)} from their products (class comment). */
    public static void transformOutput(float[] m, int tiles, int cols, int images, int height, int width, int t0,
                                       int t1, float[] y) {
        WinogradTiles.geometry("transformOutput", images, cols, height, width, HALO, t0, t1);
        if (t1 > tiles) {
            throw new IllegalArgumentException("transformOutput: tile " + t1 + " is past the buffer's " + tiles);
        }
        Checks.span("transformOutput", "m", m, "offset", 0, 36L * planeStride(tiles, cols));
        Checks.span("transformOutput", "y", y, "offset", 0, (long) images * (height - 4) * (width - 4) * cols);
        IMPL.output(m, tiles, cols, height, width, t0, t1, y);
    }

    /**
     * The weight gradient's second operand: the 2x2 blocks of output gradient under tiles {@code [t0, t1)}
     * ({@code gy} NHWC {@code [images][height-4][width-4][cols]}, {@code height x width} the padded input's),
     * each spread to 6x6 by F(5x5, 2x2)'s {@code G' g G'ᵀ} (G' = [1/4 0; -1/6 -1/6; -1/6 1/6; 1/24 1/12;
     * 1/24 -1/12; 0 1]), into {@code w[ξ·planeStride(tiles, cols) + t·cols + j]}. With the input tiles of
     * {@link #transformInput} (F(5x5, 2x2) shares Bᵀ) and {@link #multiplyGradient}, the 5x5 weight gradient is
     * {@code A'ᵀ [Σ_t V_t ⊙ W_t] A'} ({@link #weightResult}).
     */
    public static void transformGradient(float[] gy, int images, int cols, int height, int width, int t0, int t1,
                                         float[] w, int tiles) {
        WinogradTiles.geometry("transformGradient", images, cols, height, width, HALO, t0, t1);
        if (t1 > tiles) {
            throw new IllegalArgumentException("transformGradient: tile " + t1 + " is past the buffer's " + tiles);
        }
        Checks.span("transformGradient", "gy", gy, "offset", 0, (long) images * (height - 4) * (width - 4) * cols);
        Checks.span("transformGradient", "w", w, "offset", 0, 36L * planeStride(tiles, cols));
        IMPL.gradient(gy, cols, height, width, t0, t1, w, tiles);
    }

    /**
     * {@code acc[accOff + (ξ·cin + c)·cols + j] += Σ_{t < tiles} v[ξ][t][c] · w[ξ][t][j]} for the 36 positions, on
     * the calling thread ({@code v} from {@link #transformInput}, {@code w} from {@link #transformGradient}).
     */
    public static void multiplyGradient(float[] v, float[] w, int tiles, int cin, int cols, float[] acc, int accOff) {
        WinogradTiles.channels("multiplyGradient", "cin", cin);
        Checks.positive("multiplyGradient", "tiles", tiles);
        blockColumns("multiplyGradient", cols);
        int vs = planeStride(tiles, cin);
        int ws = planeStride(tiles, cols);
        Checks.span("multiplyGradient", "v", v, "offset", 0, 36L * vs);
        Checks.span("multiplyGradient", "w", w, "offset", 0, 36L * ws);
        Checks.span("multiplyGradient", "acc", acc, "accOff", accOff, 36L * cin * cols);
        int[] pix = new int[tiles];
        for (int xi = 0; xi < 36; xi++) {
            DirectConv.gatherRows(v, xi * vs, cin, tiles, w, xi * ws, cols, acc, accOff + xi * cin * cols, pix);
        }
    }

    /**
     * The 5x5 weight gradient of input channels {@code [c0, c1)} from the summed products {@code m[(ξ·cin + c)·cols
     * + j]}: {@code dw[((a·5 + b)·cin + c)·cols + j]} (the direct weight gradient's K order), by F(5x5, 2x2)'s {@code A'ᵀ m A'} (A'ᵀ = [1 1 1 1 1 0;
     * 0 1 -1 2 -2 0; 0 1 1 4 4 0; 0 1 -1 8 -8 0; 0 1 1 16 16 1]).
     */
    public static void weightResult(float[] m, int cin, int cols, int c0, int c1, float[] dw) {
        WinogradTiles.channels("weightResult", "cin", cin);
        if (cols <= 0 || cols % 16 != 0) {
            throw new IllegalArgumentException("weightResult: cols must be a positive multiple of 16, got " + cols);
        }
        WinogradTiles.channelRange("weightResult", c0, c1, cin);
        Checks.span("weightResult", "m", m, "offset", 0, 36L * cin * cols);
        Checks.span("weightResult", "dw", dw, "offset", 0, 25L * cin * cols);
        IMPL.weightResult(m, cin, cols, c0, c1, dw);
    }

    private static void blockColumns(String op, int cols) {
        if (cols <= 0 || cols % DirectConv.blockWidth() != 0) {
            throw new IllegalArgumentException(op + ": cols must be a positive multiple of blockWidth()="
                    + DirectConv.blockWidth() + ", got " + cols);
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
}
