package jtorch.simd;

/**
 * Direct 2-d convolution on channels-last (NHWC) images: no im2col, no packed panels. A register tile of
 * 8 rows x {@link #blockWidth()} columns reads the 8 values it broadcasts straight from the image.
 *
 * <ul>
 *   <li>Forward: rows are 8 output pixels, columns output channels; the contraction runs over the filter
 *       taps and input channels, {@code K = (kh·kW + kw)·C + c}, against weights packed by {@link #packWeights}.
 *   <li>Weight gradient: rows are 8 of the K taps, columns output channels; the contraction runs over the
 *       output pixels, against the output gradient in NHWC.
 *   <li>Input gradient (stride 1): the forward pass over the output gradient, zero-padded by
 *       {@code dil·(k-1) - pad}, with the weights packed {@code transposed} (flipped, in and out swapped).
 * </ul>
 *
 * <p>Why: the seed network's 5x5 convolutions with 32-64 output channels give GEMMs only 32-64 rows tall
 * against K = 800, so im2col + GEMM spends as long copying 25 shifted copies of the input into panels as
 * multiplying. Here the input is transposed once ({@link #toNhwc}, one read and one write per element) and
 * each tile streams 2 weight vectors and 8 broadcasts per 16 FMAs, the SGEMM kernel's ratio.
 *
 * <p>The input is already padded: {@link Layout} describes it with padding included, so a tile never tests
 * bounds. Pixels, taps and column blocks are independent: callers split {@code [p0, p1)} or {@code [k0, k1)}
 * over threads.
 */
public final class DirectConv {
    /** Rows of the register tile. */
    static final int ROWS = 8;
    /**
     * Output pixels per pass of the weight gradient's gather tile. PERF: the seed network's 32->32 5x5 layer at
     * 16x16, one core, kernel alone: 212 GFLOP/s over whole images (256 pixels: 32 KB of gradient and the 51 KB
     * padded input per tap block), 251 at 128, 239 at 64, 217 at 32 (the accumulators' load and store per pass).
     */
    static final int GATHER_CHUNK = 128;
    private static final DirectConvKernels IMPL =
            Simd.choose(DirectConvKernels.class, "VectorDirectConv", ScalarDirectConv::new);
    private static final ChannelsLastKernels CL =
            Simd.choose(ChannelsLastKernels.class, "VectorChannelsLast", ScalarChannelsLast::new);

    /** Weights packed per thread at least: below ~16K a hand-off costs more than the copying. */
    private static final int PACK_GRAIN = 16 * 1024;

    private DirectConv() {}

    /**
     * A convolution over a padded NHWC input {@code [images][height][width][channels]} (channels innermost,
     * contiguous, padding already in height and width) with a {@code kH x kW} window, stride and dilation.
     */
    public record Layout(int images, int channels, int height, int width, int kH, int kW, int strideH, int strideW,
                         int dilH, int dilW) {
        public Layout {
            Checks.nonNegative("DirectConv", "images", images);
            Checks.positive("DirectConv", "channels", channels);
            Checks.window("DirectConv", kH, kW, strideH, strideW, 0, 0, dilH, dilW);
            if (Conv.outputSize(height, kH, 0, strideH, dilH) < 1 || Conv.outputSize(width, kW, 0, strideW, dilW) < 1) {
                throw new IllegalArgumentException("DirectConv: padded input " + height + "x" + width
                        + " is smaller than the dilated kernel " + ((kH - 1) * dilH + 1) + "x" + ((kW - 1) * dilW + 1));
            }
        }

        /** The same convolution over {@code n} images. */
        public Layout withImages(int n) {
            return new Layout(n, channels, height, width, kH, kW, strideH, strideW, dilH, dilW);
        }

        public int outH() {
            return Conv.outputSize(height, kH, 0, strideH, dilH);
        }

        public int outW() {
            return Conv.outputSize(width, kW, 0, strideW, dilW);
        }

        /** Output pixels of all images. */
        public int pixels() {
            return images * outH() * outW();
        }

        /** Output rows (image, oh) of all images. */
        public int outRows() {
            return images * outH();
        }

        /** Contraction length of the forward pass: taps times channels. */
        public int k() {
            return kH * kW * channels;
        }

        long inputSize() {
            return (long) images * height * width * channels;
        }

        /** Offset of tap {@code k} relative to its pixel's window origin. */
        int tapOffset(int k) {
            int c = k % channels;
            int t = k / channels;
            return ((t / kW) * dilH * width + (t % kW) * dilW) * channels + c;
        }

        /** Offset of output row {@code row} = (image, oh)'s window origin. */
        int rowOffset(int row) {
            int oh = row % outH();
            int img = row / outH();
            return ((img * height + oh * strideH) * width) * channels;
        }
    }

    /** Columns of a tile: output channels are computed in blocks of this many (32 with 512-bit vectors). */
    public static int blockWidth() {
        return IMPL.blockWidth();
    }

    /** {@code cols} rounded up to a multiple of {@link #blockWidth()}. */
    public static int paddedWidth(int cols) {
        int nr = blockWidth();
        return (cols + nr - 1) / nr * nr;
    }

    /**
     * NCHW to zero-padded NHWC: {@code dst[((i·(h+2·padH) + y+padH)·(w+2·padW) + x+padW)·ld + c] = src[((i·ch + c)·h
     * + y)·w + x]}; padding rows, columns and channels {@code ch..ld-1} are written as 0.
     */
    public static void toNhwc(float[] src, int srcOff, int images, int ch, int h, int w, int padH, int padW, int ld,
                              float[] dst, int dstOff) {
        Checks.images("toNhwc", images, ch, h, w, padH, padW);
        if (ld < ch) {
            throw new IllegalArgumentException("toNhwc: ld must be >= channels=" + ch + ", got " + ld);
        }
        int hp = h + 2 * padH;
        int wp = w + 2 * padW;
        Checks.span("toNhwc", "src", src, "srcOff", srcOff, (long) images * ch * h * w);
        Checks.span("toNhwc", "dst", dst, "dstOff", dstOff, (long) images * hp * wp * ld);
        for (int i = 0; i < images; i++) {
            int d = dstOff + i * hp * wp * ld;
            java.util.Arrays.fill(dst, d, d + padH * wp * ld, 0f);
            java.util.Arrays.fill(dst, d + (padH + h) * wp * ld, d + hp * wp * ld, 0f);
            for (int y = 0; y < h; y++) {
                int row = d + (y + padH) * wp * ld;
                java.util.Arrays.fill(dst, row, row + padW * ld, 0f);
                java.util.Arrays.fill(dst, row + (padW + w) * ld, row + wp * ld, 0f);
                if (ld > ch) {
                    for (int x = 0; x < w; x++) {
                        int px = row + (x + padW) * ld;
                        java.util.Arrays.fill(dst, px + ch, px + ld, 0f);
                    }
                }
            }
            if (w > 0) {
                int from = srcOff + i * ch * h * w;
                int to = d + (padH * wp + padW) * ld;
                overChannels(ch, h * w, (c0, c1) -> CL.toChannelsLast(src, from + c0 * h * w, h * w, h * w, c1 - c0,
                        dst, to + c0, ld, w, 2 * padW));
            }
        }
    }

    /** Below this many elements an image is transposed on the calling thread. */
    private static final int TRANSPOSE_GRAIN = 1 << 16;

    /**
     * Splits one image's channels over the pool in blocks of 16 (the transposes' register block), which write
     * disjoint channels; inline when already in a parallel region, as when threads take whole images.
     * PERF: inference on one image transposed on one thread while the other waited: VGG16's 64 x 224 x 224
     * activations took 1.5 ms in and 1.8 ms out, of its 13 ms layer.
     */
    private static void overChannels(int ch, int pixels, Parallel.RangeBody body) {
        if ((long) ch * pixels < TRANSPOSE_GRAIN) {
            body.run(0, ch);
            return;
        }
        int blocks = (ch + 15) / 16;
        Parallel.forRange(0, blocks, 1, (b0, b1) -> body.run(16 * b0, Math.min(ch, 16 * b1)));
    }

    /**
     * NHWC to NCHW: {@code dst[(i·ch + c)·hw + q] (+)= src[(i·hw + q)·ld + c] + bias[c]} (no bias when
     * {@code bias} is null), overwriting unless {@code accumulate}.
     */
    public static void fromNhwc(float[] src, int srcOff, int ld, int images, int ch, int hw, float[] bias, int biasOff,
                                boolean accumulate, float[] dst, int dstOff) {
        Checks.nonNegative("fromNhwc", "images", images);
        Checks.nonNegative("fromNhwc", "channels", ch);
        Checks.nonNegative("fromNhwc", "hw", hw);
        if (ld < ch) {
            throw new IllegalArgumentException("fromNhwc: ld must be >= channels=" + ch + ", got " + ld);
        }
        Checks.span("fromNhwc", "src", src, "srcOff", srcOff, (long) images * hw * ld);
        Checks.span("fromNhwc", "dst", dst, "dstOff", dstOff, (long) images * ch * hw);
        if (bias != null) {
            Checks.span("fromNhwc", "bias", bias, "biasOff", biasOff, ch);
        }
        for (int i = 0; i < images; i++) {
            int from = srcOff + i * hw * ld;
            int to = dstOff + i * ch * hw;
            overChannels(ch, hw, (c0, c1) -> CL.fromChannelsLast(src, from + c0, ld, c1 - c0, hw, hw, bias,
                    biasOff + c0, accumulate, dst, to + c0 * hw));
        }
    }

    /**
     * Padded rows {@code [py0, py0 + rows)} of one NCHW image ({@code ch x h x w} at {@code srcOff}, padded by
     * {@code padH}, {@code padW}) as a band {@code [rows][w + 2·padW][ch]} at {@code dstOff}: what {@link #toNhwc}
     * writes for those rows (with {@code ld = ch}), padding zeros included. Runs on the calling thread; callers
     * split an image into bands so that each band's transpose stays in cache for what reads it next.
     */
    public static void toNhwcRows(float[] src, int srcOff, int ch, int h, int w, int padH, int padW, int py0, int rows,
                                  float[] dst, int dstOff) {
        Checks.images("toNhwcRows", 1, ch, h, w, padH, padW);
        int wp = w + 2 * padW;
        if (py0 < 0 || rows < 0 || py0 + rows > h + 2 * padH) {
            throw new IllegalArgumentException("toNhwcRows: rows [" + py0 + ", " + ((long) py0 + rows)
                    + ") are not within the " + (h + 2 * padH) + " padded rows");
        }
        Checks.span("toNhwcRows", "src", src, "srcOff", srcOff, (long) ch * h * w);
        Checks.span("toNhwcRows", "dst", dst, "dstOff", dstOff, (long) rows * wp * ch);
        for (int r = 0; r < rows; r++) {
            int y = py0 + r - padH;
            int row = dstOff + r * wp * ch;
            if (y < 0 || y >= h) {
                java.util.Arrays.fill(dst, row, row + wp * ch, 0f);
            } else {
                java.util.Arrays.fill(dst, row, row + padW * ch, 0f);
                java.util.Arrays.fill(dst, row + (padW + w) * ch, row + wp * ch, 0f);
            }
        }
        int ya = Math.max(py0 - padH, 0);
        int yb = Math.min(py0 + rows - padH, h);
        if (ya < yb && w > 0) {
            CL.toChannelsLast(src, srcOff + ya * w, h * w, (yb - ya) * w, ch, dst,
                    dstOff + ((ya + padH - py0) * wp + padW) * ch, ch, w, 2 * padW);
        }
    }

    /**
     * Pixels {@code [q0, q0 + count)} of one NCHW image's {@code ch} planes of {@code hw} (at {@code dstOff}) from
     * NHWC {@code src} (pixel {@code q0} at {@code srcOff}, pixels {@code ld} apart), plus the bias (none when
     * null): {@link #fromNhwc} for a band of rows, on the calling thread.
     */
    public static void fromNhwcPixels(float[] src, int srcOff, int ld, int ch, int hw, int q0, int count, float[] bias,
                                      int biasOff, float[] dst, int dstOff) {
        Checks.nonNegative("fromNhwcPixels", "channels", ch);
        if (q0 < 0 || count < 0 || q0 + count > hw || ld < ch) {
            throw new IllegalArgumentException("fromNhwcPixels: pixels [" + q0 + ", " + ((long) q0 + count)
                    + ") of " + hw + " with ld=" + ld + " for " + ch + " channels");
        }
        Checks.span("fromNhwcPixels", "src", src, "srcOff", srcOff, (long) count * ld);
        Checks.span("fromNhwcPixels", "dst", dst, "dstOff", dstOff, (long) ch * hw);
        if (bias != null) {
            Checks.span("fromNhwcPixels", "bias", bias, "biasOff", biasOff, ch);
        }
        CL.fromChannelsLast(src, srcOff, ld, ch, count, hw, bias, biasOff, false, dst, dstOff + q0);
    }

    /**
     * Packs OIHW weights {@code [cout][cin][kH][kW]} for {@link #forward}: column blocks of {@link #blockWidth()}
     * output channels, each {@code [K][blockWidth]} with {@code K = (kh·kW + kw)·kChannels + c}; missing
     * channels are 0. With {@code transposed} the result is the input-gradient operand: outputs are the
     * {@code cin} channels, inputs the {@code cout} channels, and the window is flipped.
     *
     * @return the packed length, {@code paddedWidth(outputs)·kH·kW·kChannels}
     */
    public static int packWeights(float[] w, int wOff, int cout, int cin, int kH, int kW, boolean transposed,
                                  int kChannels, float[] dst, int dstOff) {
        Checks.positive("packWeights", "cout", cout);
        Checks.positive("packWeights", "cin", cin);
        Checks.window("packWeights", kH, kW, 1, 1, 0, 0, 1, 1);
        int outs = transposed ? cin : cout;
        int ins = transposed ? cout : cin;
        if (kChannels < ins) {
            throw new IllegalArgumentException("packWeights: kChannels must be >= " + ins + ", got " + kChannels);
        }
        int nr = blockWidth();
        int cols = paddedWidth(outs);
        int k = kH * kW * kChannels;
        Checks.span("packWeights", "w", w, "wOff", wOff, (long) cout * cin * kH * kW);
        Checks.span("packWeights", "dst", dst, "dstOff", dstOff, (long) cols * k);
        if (ins < kChannels || outs < cols) {
            java.util.Arrays.fill(dst, dstOff, dstOff + cols * k, 0f);
        }
        // PERF: one column block at a time, each block row (nr outputs of one tap and channel) gathered with
        // vectors (IMPL.packBlock). Storing one output's column of every block row, then the next output's,
        // touched 9·cin lines per output, out of L1 for 512 channels: VGG16's 512x512x3x3 layers took 0.81 ms on
        // two threads that way (1.58 transposed), ~6 ms of its forward pass over the eight 512-output layers.
        // PERF: blocks split over threads (disjoint stores): on one thread these layers' packing took as long as
        // a 14x14 layer's convolution on two.
        int taps = kH * kW;
        // Output o's weights start at w[o][0] (cin·taps floats apart); transposed, output o is input channel o
        // of every filter, read with the window flipped.
        int step = transposed ? taps : cin * taps;
        int cStep = transposed ? cin * taps : taps;
        int first = transposed ? taps - 1 : 0;
        int tapStep = transposed ? -1 : 1;
        int blocks = (outs + nr - 1) / nr;
        Parallel.forRange(0, blocks, Math.max(1, PACK_GRAIN / (nr * k)), (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int o0 = b * nr;
                int s = wOff + o0 * step + first;
                int d = dstOff + b * k * nr;
                if (o0 + nr <= outs) {
                    IMPL.packBlock(w, s, cStep, tapStep, step, ins, taps, dst, d, kChannels);
                } else {
                    // The last, partial block: its missing columns stay zero.
                    ScalarDirectConv.packColumns(w, s, cStep, tapStep, step, ins, taps, dst, d, kChannels, nr,
                            outs - o0);
                }
            }
        });
        return cols * k;
    }

    /**
     * {@code out[outOff + p·ldo + j] = Σ_K x-window(p)[K] · wp[block(j)][K][j % blockWidth]} for output pixels
     * {@code p} in {@code [p0, p1)} and {@code j < cols} ({@code cols} a multiple of {@link #blockWidth()},
     * {@code wp} from {@link #packWeights}).
     */
    public static void forward(Layout g, float[] x, int xOff, float[] wp, int wpOff, int cols, float[] out,
                               int outOff, int ldo, int p0, int p1) {
        forward(IMPL, g, x, xOff, wp, wpOff, cols, out, outOff, ldo, p0, p1);
    }

    static void forward(DirectConvKernels impl, Layout g, float[] x, int xOff, float[] wp, int wpOff, int cols,
                        float[] out, int outOff, int ldo, int p0, int p1) {
        int nr = impl.blockWidth();
        checkCols("forward", cols, nr, ldo, "ldo");
        checkRange("forward", "p", p0, p1, g.pixels());
        Checks.span("forward", "x", x, "xOff", xOff, g.inputSize());
        Checks.span("forward", "wp", wp, "wpOff", wpOff, (long) cols * g.k());
        if (p1 > p0) {
            Checks.span("forward", "out", out, "outOff", outOff, (long) (p1 - 1) * ldo + cols);
        }
        // Segments of K contiguous in the image: with dilW = 1 a window row (kW taps x C channels) is one run.
        boolean rowRuns = g.dilW() == 1;
        int segs = rowRuns ? g.kH() : g.kH() * g.kW();
        int segLen = rowRuns ? g.kW() * g.channels() : g.channels();
        int[] outerA = new int[segs];
        int[] outerB = new int[segs];
        for (int s = 0; s < segs; s++) {
            outerA[s] = g.tapOffset(s * segLen);
            outerB[s] = s * segLen * nr;
        }
        int[] base = new int[ROWS];
        float[] tail = new float[ROWS * nr];
        int k = g.k();
        int outW = g.outW();
        int step = g.strideW() * g.channels();
        // Walk the pixels in order: one division per output row instead of two per pixel.
        int row = p0 / outW;
        int ow = p0 % outW;
        int rowBase = xOff + g.rowOffset(Math.min(row, Math.max(0, g.outRows() - 1)));
        for (int p = p0; p < p1; p += ROWS) {
            int rows = Math.min(ROWS, p1 - p);
            for (int r = 0; r < rows; r++) {
                base[r] = rowBase + ow * step;
                if (++ow == outW) {
                    ow = 0;
                    row++;
                    if (row < g.outRows()) {
                        rowBase = xOff + g.rowOffset(row);
                    }
                }
            }
            for (int r = rows; r < ROWS; r++) {
                base[r] = base[rows - 1];
            }
            denseRows(impl, x, base, outerA, outerB, segs, segLen, wp, wpOff, k, cols, rows, out, outOff + p * ldo,
                    ldo, tail);
        }
    }

    /**
     * The dense tile over all column blocks of one group of up to 8 output rows ({@code rows}, starting at
     * {@code out[outOff]}): a full group straight into out, a short one through {@code tail} (8·blockWidth floats)
     * so that rows past the end are never written.
     */
    private static void denseRows(DirectConvKernels impl, float[] a, int[] base, int[] outerA, int[] outerB,
                                  int segs, int segLen, float[] wp, int wpOff, int k, int cols, int rows, float[] out,
                                  int outOff, int ldo, float[] tail) {
        int nr = impl.blockWidth();
        for (int j = 0; j < cols; j += nr) {
            if (rows == ROWS) {
                impl.tileDense(a, base, outerA, outerB, segs, segLen, wp, wpOff + j * k, out, outOff + j, ldo);
            } else {
                impl.tileDense(a, base, outerA, outerB, segs, segLen, wp, wpOff + j * k, tail, 0, nr);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(tail, r * nr, out, outOff + r * ldo + j, nr);
                }
            }
        }
    }

    /**
     * {@code out[outOff + r·ldo + j] = Σ_{c < inner} a[aOff + r·inner + c] · wp[wpOff + (j / bw · inner + c)·bw
     * + j % bw]} for rows {@code r < rows}, {@code j < cols}: the forward pass of a 1x1 convolution over
     * {@code rows} pixels, without {@link #forward}'s layout walk (Winograd's products, 36 such calls per chunk of
     * tiles). Callers check bounds; {@code base} holds 8 ints and {@code tail} 8·blockWidth floats of scratch.
     */
    static void multiplyRows(float[] a, int aOff, int inner, int rows, float[] wp, int wpOff, int cols, float[] out,
                             int outOff, int ldo, int[] base, float[] tail) {
        int[] zero = {0};
        for (int p = 0; p < rows; p += ROWS) {
            int n = Math.min(ROWS, rows - p);
            for (int r = 0; r < ROWS; r++) {
                base[r] = aOff + (p + Math.min(r, n - 1)) * inner;
            }
            denseRows(IMPL, a, base, zero, zero, 1, inner, wp, wpOff, inner, cols, n, out, outOff + p * ldo, ldo,
                    tail);
        }
    }

    /**
     * {@code c[cOff + k·cols + j] += Σ_{i < rows} a[aOff + i·lda + k] · b[bOff + i·cols + j]} for {@code k < lda}
     * (a multiple of 8) and {@code j < cols} (a multiple of blockWidth): {@code Aᵀ·B} with a long inner dimension,
     * on the weight gradient's gather tile (Winograd's weight-gradient products). Callers check bounds.
     */
    static void gatherRows(float[] a, int aOff, int lda, int rows, float[] b, int bOff, int cols, float[] c,
                           int cOff, int[] pix) {
        int nr = IMPL.blockWidth();
        for (int i = 0; i < rows; i++) {
            pix[i] = i * lda;
        }
        for (int k = 0; k < lda; k += ROWS) {
            for (int j = 0; j < cols; j += nr) {
                IMPL.tileGather(a, pix, rows, aOff + k, b, bOff + j, cols, c, cOff + k * cols + j, cols);
            }
        }
    }

    /**
     * {@code gw[gwOff + k·ldw + j] += Σ_p x-window(p)[k] · gy[gyOff + p·ldg + j]} for taps {@code k} in
     * {@code [k0, k1)}, {@code j < cols}, over the output pixels of output rows {@code [row0, row1)} (row =
     * image·outH + oh); {@code gy} is NHWC, one row of {@code ldg} per output pixel.
     */
    public static void weightGrad(Layout g, float[] x, int xOff, float[] gy, int gyOff, int ldg, int cols, float[] gw,
                                  int gwOff, int ldw, int k0, int k1, int row0, int row1) {
        weightGrad(IMPL, g, x, xOff, gy, gyOff, ldg, cols, gw, gwOff, ldw, k0, k1, row0, row1);
    }

    static void weightGrad(DirectConvKernels impl, Layout g, float[] x, int xOff, float[] gy, int gyOff, int ldg,
                           int cols, float[] gw, int gwOff, int ldw, int k0, int k1, int row0, int row1) {
        int nr = impl.blockWidth();
        checkCols("weightGrad", cols, nr, ldg, "ldg");
        checkCols("weightGrad", cols, nr, ldw, "ldw");
        checkRange("weightGrad", "k", k0, k1, g.k());
        checkRange("weightGrad", "row", row0, row1, g.outRows());
        Checks.span("weightGrad", "x", x, "xOff", xOff, g.inputSize());
        if (row1 > row0) {
            Checks.span("weightGrad", "gy", gy, "gyOff", gyOff, (long) (row1 * g.outW() - 1) * ldg + cols);
        }
        if (k1 > k0) {
            Checks.span("weightGrad", "gw", gw, "gwOff", gwOff, (long) (k1 - 1) * ldw + cols);
        }
        int rowsOut = row1 - row0;
        if (g.channels() % ROWS == 0 && k0 % ROWS == 0 && k1 % ROWS == 0) {
            // 8 taps = 8 consecutive channels at one filter position: one loop over a chunk of the rows' pixels.
            // All taps run over one chunk before the next, so the chunk's gradient rows (GATHER_CHUNK x cols)
            // and the input rows under it stay in L1 across the taps.
            int outW = g.outW();
            int n = rowsOut * outW;
            int step = g.strideW() * g.channels();
            int chunks = (n + GATHER_CHUNK - 1) / GATHER_CHUNK;
            int[][] pix = new int[chunks][];
            for (int q = 0; q < chunks; q++) {
                pix[q] = new int[Math.min(GATHER_CHUNK, n - q * GATHER_CHUNK)];
            }
            for (int r = 0, p = 0; r < rowsOut; r++) {
                int base = xOff + g.rowOffset(row0 + r);
                for (int ow = 0; ow < outW; ow++, p++) {
                    pix[p / GATHER_CHUNK][p % GATHER_CHUNK] = base + ow * step;
                }
            }
            for (int q = 0; q < chunks; q++) {
                int gyAt = gyOff + (row0 * outW + q * GATHER_CHUNK) * ldg;
                for (int k = k0; k < k1; k += ROWS) {
                    int tap = g.tapOffset(k);
                    for (int j = 0; j < cols; j += nr) {
                        impl.tileGather(x, pix[q], pix[q].length, tap, gy, gyAt + j, ldg, gw, gwOff + k * ldw + j,
                                ldw);
                    }
                }
            }
            return;
        }
        int[] outerA = new int[rowsOut];
        int[] outerB = new int[rowsOut];
        for (int o = 0; o < rowsOut; o++) {
            outerA[o] = xOff + g.rowOffset(row0 + o);
            outerB[o] = (row0 + o) * g.outW() * ldg;
        }
        int[] base = new int[ROWS];
        float[] tail = new float[ROWS * nr];
        int aStride = g.strideW() * g.channels();
        for (int k = k0; k < k1; k += ROWS) {
            int rows = Math.min(ROWS, k1 - k);
            for (int r = 0; r < ROWS; r++) {
                base[r] = g.tapOffset(k + Math.min(r, rows - 1));
            }
            for (int j = 0; j < cols; j += nr) {
                if (rows == ROWS) {
                    impl.tile(x, base, outerA, outerB, rowsOut, g.outW(), aStride, gy, gyOff + j, ldg, true, gw,
                            gwOff + k * ldw + j, ldw);
                } else {
                    impl.tile(x, base, outerA, outerB, rowsOut, g.outW(), aStride, gy, gyOff + j, ldg, false, tail,
                            0, nr);
                    for (int r = 0; r < rows; r++) {
                        int d = gwOff + (k + r) * ldw + j;
                        for (int q = 0; q < nr; q++) {
                            gw[d + q] += tail[r * nr + q];
                        }
                    }
                }
            }
        }
    }

    private static void checkCols(String op, int cols, int nr, int ld, String ldName) {
        if (cols < 0 || cols % nr != 0) {
            throw new IllegalArgumentException(op + ": cols must be a non-negative multiple of blockWidth()=" + nr
                    + ", got " + cols);
        }
        if (ld < cols) {
            throw new IllegalArgumentException(op + ": " + ldName + " must be >= cols=" + cols + ", got " + ld);
        }
    }

    private static void checkRange(String op, String what, int from, int to, int size) {
        if (from < 0 || to > size || from > to) {
            throw new IllegalArgumentException(op + ": " + what + " range [" + from + ", " + to
                    + ") must lie inside [0, " + size + "]");
        }
    }
}
