package jtorch.simd;

/**
 * Direct 2-d convolution on planar (NCHW) images with stride 1 along the width, for layers with few input
 * channels (a network's first layer: 1 for Fashion-MNIST, 3 for CIFAR-10). Output pixels of a row run along
 * the vector lanes and filter taps are the contraction, so the input is only zero-padded (no transpose) and the
 * output is written in PyTorch's layout.
 *
 * <ul>
 *   <li>Forward: 8 output channels x 2 vectors of one output row per tile, against weights packed
 *       {@code [ceil(O/8)][K][8]} ({@link #packWeights}); the bias is the accumulators' initial value.
 *   <li>Weight gradient: {@code gw[o][k] += Σ_pixels gy[o][pixel] · x[tap k of pixel]} in tiles of 4 output
 *       channels x 4 taps, each a vector of per-lane partial sums kept in {@code part} between images.
 * </ul>
 *
 * <p>Why: {@link DirectConv} contracts over taps x channels from a channels-last image, which for one input
 * channel is a 5-long inner loop, and the transposes around it (the 32-channel output and its gradient) cost
 * more than the convolution. Here K = C·kH·kW is one flat loop, {@code K} being the OIHW weight's inner index
 * {@code (c·kH + ky)·kW + kx}.
 */
public final class PlanarConv {
    /** Output channels per forward tile. */
    static final int OC_BLOCK = 8;
    /** Output channels and taps per weight-gradient tile. */
    static final int GRAD_BLOCK = 4;
    static final int TAP_BLOCK = 4;
    /** Taps per weight-gradient tile of a 5-row filter whose stride equals its dilation (one filter column). */
    static final int COLUMN_TAPS = 5;
    private static final PlanarConvKernels IMPL =
            Simd.choose(PlanarConvKernels.class, "VectorPlanarConv", ScalarPlanarConv::new);
    /** For output rows narrower than a vector (see {@link PlanarConvKernels#minWidth()}). */
    private static final PlanarConvKernels NARROW = new ScalarPlanarConv();

    private PlanarConv() {}

    /**
     * A convolution over zero-padded planar images {@code [images][channels][height][width]} (padding included
     * in height and width), stride {@code strideH} along the height and 1 along the width.
     */
    public record Layout(int images, int channels, int height, int width, int kH, int kW, int strideH, int dilH,
                         int dilW) {
        public Layout {
            Checks.nonNegative("PlanarConv", "images", images);
            Checks.positive("PlanarConv", "channels", channels);
            Checks.window("PlanarConv", kH, kW, strideH, 1, 0, 0, dilH, dilW);
            if (Conv.outputSize(height, kH, 0, strideH, dilH) < 1 || Conv.outputSize(width, kW, 0, 1, dilW) < 1) {
                throw new IllegalArgumentException("PlanarConv: padded input " + height + "x" + width
                        + " is smaller than the dilated kernel " + ((kH - 1) * dilH + 1) + "x" + ((kW - 1) * dilW + 1));
            }
        }

        public int outH() {
            return Conv.outputSize(height, kH, 0, strideH, dilH);
        }

        public int outW() {
            return Conv.outputSize(width, kW, 0, 1, dilW);
        }

        /** Contraction length: channels x taps. */
        public int k() {
            return channels * kH * kW;
        }

        int imageSize() {
            return channels * height * width;
        }

        /**
         * Offset of tap {@code k} from its output pixel's window origin, for {@code k < k()}; entries up to the
         * next multiple of {@link #TAP_BLOCK} repeat tap 0 (read, then discarded).
         */
        int[] tapOffsets() {
            int k = k();
            int[] off = new int[(k + TAP_BLOCK - 1) / TAP_BLOCK * TAP_BLOCK];
            for (int i = 0; i < k; i++) {
                int kx = i % kW;
                int ky = i / kW % kH;
                int c = i / (kW * kH);
                off[i] = (c * height + ky * dilH) * width + kx * dilW;
            }
            return off;
        }
    }

    /**
     * Zero-pads planar images: {@code dst[((i·ch + c)·(h+2·padH) + y+padH)·(w+2·padW) + x+padW] =
     * src[((i·ch + c)·h + y)·w + x]}, borders 0.
     */
    public static void pad(float[] src, int srcOff, int images, int ch, int h, int w, int padH, int padW, float[] dst,
                           int dstOff) {
        Checks.images("PlanarConv.pad", images, ch, h, w, padH, padW);
        int hp = h + 2 * padH;
        int wp = w + 2 * padW;
        int planes = images * ch;
        Checks.span("PlanarConv.pad", "src", src, "srcOff", srcOff, (long) planes * h * w);
        Checks.span("PlanarConv.pad", "dst", dst, "dstOff", dstOff, (long) planes * hp * wp);
        for (int pl = 0; pl < planes; pl++) {
            int d = dstOff + pl * hp * wp;
            java.util.Arrays.fill(dst, d, d + padH * wp, 0f);
            for (int y = 0; y < h; y++) {
                int row = d + (y + padH) * wp;
                java.util.Arrays.fill(dst, row, row + padW, 0f);
                System.arraycopy(src, srcOff + (pl * h + y) * w, dst, row + padW, w);
                java.util.Arrays.fill(dst, row + padW + w, row + wp, 0f);
            }
            java.util.Arrays.fill(dst, d + (padH + h) * wp, d + hp * wp, 0f);
        }
    }

    /** Length of {@link #packWeights}'s output for {@code cout} channels of {@code k} taps. */
    public static int packedSize(int cout, int k) {
        return (cout + OC_BLOCK - 1) / OC_BLOCK * OC_BLOCK * k;
    }

    /**
     * Packs OIHW weights {@code [cout][k]} (k = C·kH·kW) for {@link #forward}: {@code dst[(o/8·k + k)·8 + o%8]},
     * channels past {@code cout} 0.
     */
    public static void packWeights(float[] w, int wOff, int cout, int k, float[] dst, int dstOff) {
        Checks.positive("PlanarConv.packWeights", "cout", cout);
        Checks.positive("PlanarConv.packWeights", "k", k);
        Checks.span("PlanarConv.packWeights", "w", w, "wOff", wOff, (long) cout * k);
        Checks.span("PlanarConv.packWeights", "dst", dst, "dstOff", dstOff, packedSize(cout, k));
        int blocks = (cout + OC_BLOCK - 1) / OC_BLOCK;
        for (int b = 0; b < blocks; b++) {
            int base = dstOff + b * k * OC_BLOCK;
            for (int r = 0; r < OC_BLOCK; r++) {
                int o = b * OC_BLOCK + r;
                for (int i = 0; i < k; i++) {
                    dst[base + i * OC_BLOCK + r] = o < cout ? w[wOff + o * k + i] : 0f;
                }
            }
        }
    }

    /**
     * {@code out[outOff + ((i·cout + o)·outH + y)·outW + q] = bias[o] + Σ_k w[o][k] · x-window(i, y, q)[k]} for
     * images {@code i} in {@code [img0, img1)} ({@code bias} null: no bias; {@code wp} from {@link #packWeights}).
     */
    public static void forward(Layout g, float[] x, int xOff, float[] wp, int wpOff, int cout, float[] bias,
                               int biasOff, float[] out, int outOff, int img0, int img1) {
        forward(IMPL, g, x, xOff, wp, wpOff, cout, bias, biasOff, out, outOff, img0, img1);
    }

    static void forward(PlanarConvKernels impl, Layout g, float[] x, int xOff, float[] wp, int wpOff, int cout,
                        float[] bias, int biasOff, float[] out, int outOff, int img0, int img1) {
        checkImages("PlanarConv.forward", img0, img1, g.images());
        for (int i = img0; i < img1; i++) {
            forwardRows(impl, g, x, xOff, wp, wpOff, cout, bias, biasOff, out, outOff, i, 0, g.outH());
        }
    }

    /** As {@link #forward}, for output rows {@code [y0, y1)} of image {@code image} only (one image over threads). */
    public static void forwardRows(Layout g, float[] x, int xOff, float[] wp, int wpOff, int cout, float[] bias,
                                   int biasOff, float[] out, int outOff, int image, int y0, int y1) {
        forwardRows(IMPL, g, x, xOff, wp, wpOff, cout, bias, biasOff, out, outOff, image, y0, y1);
    }

    static void forwardRows(PlanarConvKernels impl, Layout g, float[] x, int xOff, float[] wp, int wpOff, int cout,
                            float[] bias, int biasOff, float[] out, int outOff, int image, int y0, int y1) {
        Checks.positive("PlanarConv.forward", "cout", cout);
        checkImages("PlanarConv.forward", image, image + 1, g.images());
        checkImages("PlanarConv.forward rows", y0, y1, g.outH());
        if (g.outW() < impl.minWidth()) {
            impl = NARROW;
        }
        int k = g.k();
        int outW = g.outW();
        int plane = g.outH() * outW;
        Checks.span("PlanarConv.forward", "x", x, "xOff", xOff, (long) g.images() * g.imageSize());
        Checks.span("PlanarConv.forward", "wp", wp, "wpOff", wpOff, packedSize(cout, k));
        Checks.span("PlanarConv.forward", "out", out, "outOff", outOff, (long) g.images() * cout * plane);
        if (bias != null) {
            Checks.span("PlanarConv.forward", "bias", bias, "biasOff", biasOff, cout);
        }
        int[] tapOff = g.tapOffsets();
        int rowStep = g.strideH() * g.width();
        int xImg = xOff + image * g.imageSize();
        for (int o0 = 0; o0 < cout; o0 += OC_BLOCK) {
            int ocs = Math.min(OC_BLOCK, cout - o0);
            int w0 = wpOff + o0 * k;
            int oBase = outOff + (image * cout + o0) * plane;
            for (int y = y0; y < y1; y++) {
                impl.forwardRow(x, xImg + y * rowStep, tapOff, k, wp, w0, bias, biasOff + o0, ocs, out,
                        oBase + y * outW, plane, outW);
            }
        }
    }

    /** Weight-gradient blocks of output channels: split {@code [0, gradBlocks(cout))} over threads. */
    public static int gradBlocks(int cout) {
        return (cout + GRAD_BLOCK - 1) / GRAD_BLOCK;
    }

    /** Scratch floats {@link #weightGrad} needs for {@code blocks} output-channel blocks of a {@code k}-tap filter. */
    public static int partialSize(int blocks, int k) {
        return blocks * ((k + TAP_BLOCK - 1) / TAP_BLOCK) * GRAD_BLOCK * TAP_BLOCK * IMPL.lanes();
    }

    /**
     * {@code gw[gwOff + o·k + t] += Σ_{images, pixels} gy[gyOff + (i·cout + o)·plane + pixel]
     * · x-window(pixel)[t]}
     * for output channels in the blocks {@code [b0, b1)} of {@link #gradBlocks}. Each (channel, tap) sum runs over
     * images, rows and lanes in a fixed order, whatever range of blocks a thread takes.
     *
     * @param part scratch of at least {@code partialSize(b1 - b0, k)} floats, overwritten
     */
    public static void weightGrad(Layout g, float[] x, int xOff, float[] gy, int gyOff, int cout, float[] part,
                                  float[] gw, int gwOff, int b0, int b1) {
        weightGrad(IMPL, g, x, xOff, gy, gyOff, cout, part, gw, gwOff, b0, b1, null);
    }

    /**
     * As {@link #weightGrad(Layout, float[], int, float[], int, int, float[], float[], int, int, int)}, also adding
     * each image's {@code Reduce.sum} of channel o's gradient plane into {@code biasSums[o]}, in image order (the
     * bias gradient, summed while the plane is in cache from the weight gradient's tiles, not read again from memory).
     */
    public static void weightGrad(Layout g, float[] x, int xOff, float[] gy, int gyOff, int cout, float[] part,
                                  float[] gw, int gwOff, int b0, int b1, double[] biasSums) {
        if (biasSums != null && biasSums.length < cout) {
            throw new IllegalArgumentException("PlanarConv.weightGrad: biasSums holds " + biasSums.length
                    + " sums for " + cout + " output channels");
        }
        weightGrad(IMPL, g, x, xOff, gy, gyOff, cout, part, gw, gwOff, b0, b1, biasSums);
    }

    /** Adds the sums of the gradient planes of channels o0 .. o0 + ocs - 1 of one image (at gImg) into biasSums. */
    private static void addBiasSums(float[] gy, int gImg, int plane, int o0, int ocs, double[] biasSums) {
        if (biasSums != null) {
            for (int r = 0; r < ocs; r++) {
                biasSums[o0 + r] += Reduce.sum(plane, gy, gImg + r * plane);
            }
        }
    }

    static void weightGrad(PlanarConvKernels impl, Layout g, float[] x, int xOff, float[] gy, int gyOff, int cout,
                           float[] part, float[] gw, int gwOff, int b0, int b1, double[] biasSums) {
        Checks.positive("PlanarConv.weightGrad", "cout", cout);
        if (g.outW() < impl.minWidth()) {
            impl = NARROW;
        }
        checkImages("PlanarConv.weightGrad", b0, b1, gradBlocks(cout));
        int k = g.k();
        int outH = g.outH();
        int outW = g.outW();
        int plane = outH * outW;
        int lanes = impl.lanes();
        int tapBlocks = (k + TAP_BLOCK - 1) / TAP_BLOCK;
        int need = (b1 - b0) * tapBlocks * GRAD_BLOCK * TAP_BLOCK * lanes;
        Checks.span("PlanarConv.weightGrad", "x", x, "xOff", xOff, (long) g.images() * g.imageSize());
        Checks.span("PlanarConv.weightGrad", "gy", gy, "gyOff", gyOff, (long) g.images() * cout * plane);
        Checks.span("PlanarConv.weightGrad", "gw", gw, "gwOff", gwOff, (long) cout * k);
        Checks.span("PlanarConv.weightGrad", "part", part, "partOff", 0, need);
        java.util.Arrays.fill(part, 0, need, 0f);
        int rowStep = g.strideH() * g.width();
        // Tiles of 4 output channels x `width` taps: one 5-row filter column each (weightGradColumn) when the
        // filter has 5 rows and its stride equals its dilation, else 4 consecutive taps (weightGradImage). Each
        // (channel, tap) sum runs over images, rows and lanes in the same order either way, so the two give the
        // same bits; C·kW columns of 4 x 5 lanes take no more of part than ⌈K/4⌉ tiles of 4 x 4.
        boolean columns = g.kH() == COLUMN_TAPS && g.strideH() == g.dilH();
        int kW = g.kW();
        int width = columns ? COLUMN_TAPS : TAP_BLOCK;
        int tiles = columns ? g.channels() * kW : tapBlocks;
        int tileSize = GRAD_BLOCK * width * lanes;
        int[] tapOff = columns ? null : g.tapOffsets();
        for (int i = 0; i < g.images(); i++) {
            int xImg = xOff + i * g.imageSize();
            for (int b = b0; b < b1; b++) {
                int o0 = b * GRAD_BLOCK;
                int ocs = Math.min(GRAD_BLOCK, cout - o0);
                int gImg = gyOff + (i * cout + o0) * plane;
                for (int t = 0; t < tiles; t++) {
                    int at = ((b - b0) * tiles + t) * tileSize;
                    if (columns) {
                        int colOff = t / kW * g.height() * g.width() + t % kW * g.dilW();
                        impl.weightGradColumn(x, xImg, rowStep, colOff, gy, gImg, plane, ocs, outH, outW, part, at);
                    } else {
                        impl.weightGradImage(x, xImg, rowStep, tapOff, t * TAP_BLOCK, gy, gImg, plane, ocs, outH,
                                outW, part, at);
                    }
                }
                addBiasSums(gy, gImg, plane, o0, ocs, biasSums);
            }
        }
        // Each (channel, tap) sum adds its lanes in order; it sits in its tile at row o % 4, column u.
        for (int o = b0 * GRAD_BLOCK; o < Math.min(cout, b1 * GRAD_BLOCK); o++) {
            int r = o % GRAD_BLOCK;
            for (int t = 0; t < tiles; t++) {
                for (int u = 0; u < width; u++) {
                    // K index c·kH·kW + ky·kW + kx (OIHW): column t is (c, kx) = (t / kW, t % kW) with ky = u.
                    int tap = columns ? (t / kW * COLUMN_TAPS + u) * kW + t % kW : t * TAP_BLOCK + u;
                    if (tap >= k) {
                        break;   // the last 4-tap tile's padding
                    }
                    int p = ((o / GRAD_BLOCK - b0) * tiles + t) * tileSize + (r * width + u) * lanes;
                    float s = 0f;
                    for (int l = 0; l < lanes; l++) {
                        s += part[p + l];
                    }
                    gw[gwOff + o * k + tap] += s;
                }
            }
        }
    }

    private static void checkImages(String op, int from, int to, int size) {
        if (from < 0 || to > size || from > to) {
            throw new IllegalArgumentException(op + ": range [" + from + ", " + to + ") must lie inside [0, " + size
                    + "]");
        }
    }
}
