package jtorch.tensor;

import jtorch.simd.DirectConv;
import jtorch.simd.Parallel;
import jtorch.simd.Winograd5x5;

/**
 * Stride-1 5x5 convolutions by Winograd F(2x2, 5x5) ({@link Winograd5x5}), forward and input gradient (itself a
 * stride-1 5x5 convolution of the output gradient with the flipped weights): 36 products of transformed tiles take
 * the place of the direct convolution's 100 multiplies per output pair and channel. Each thread takes whole
 * images, a few at a time ({@link #CHUNK_TILES}), and runs the pipeline in its own scratch: the images to padded
 * NHWC (slot 3), their tiles transformed (slot 5), 36 products on the direct convolution's register tile (slot 7),
 * transformed back to NHWC (slot 4) and transposed to NCHW with the bias (or added into the input gradient).
 * A tile's result does not depend on which other tiles share its call, so results do not depend on the thread
 * count.
 *
 * <p>Taken for float32, ungrouped, undilated stride-1 5x5 layers with channel counts multiples of 16, an even
 * output height and width, and at least as many images as threads (one image keeps the direct route, which
 * splits pixels); the weight gradient stays direct. {@code -Djtorch.conv.winograd=false} turns it off.
 *
 * <p>PERF: see docs/convolution.md ("Winograd F(2x2, 5x5)").
 */
final class CpuConvWinograd5x5 {
    private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("jtorch.conv.winograd", "true"));

    /** Tiles per pass on a thread: whole images up to about this many tiles (at 32+32 channels, 1.2 MB of v and m). */
    static final int CHUNK_TILES = 128;

    private CpuConvWinograd5x5() {}

    static boolean supports(NdArray x, NdArray w, ConvParams p) {
        return forwardShape(x, w, p) && enoughImages(x.size(0));
    }

    /** Whether the input gradient gx of this layer takes this route (gy padded by 4 - pad on each side). */
    static boolean supportsInputGrad(NdArray w, ConvParams p, NdArray gx) {
        return qualifies(gx.dtype(), w, p) && w.size(0) % 16 == 0 && w.size(1) % 16 == 0 && p.padH() <= 4
                && p.padW() <= 4 && evenOutput(gx.size(2) + 4, gx.size(3) + 4) && enoughImages(gx.size(0));
    }

    /**
     * Whether the weight gradient takes this route: as {@link #supports}, less the image count, with the 36
     * transformed partial sums of each group of chunks ({@link #SLAB_FLOATS} in all) held until they are added in
     * group order.
     */
    static boolean supportsWeightGrad(NdArray x, NdArray w, ConvParams p) {
        if (!forwardShape(x, w, p)) {
            return false;
        }
        int perImage = Winograd5x5.tiles(1, x.size(2) + 2 * p.padH(), x.size(3) + 2 * p.padW());
        int chunk = Math.max(1, CHUNK_TILES / perImage);
        long groups = Math.min(WGRAD_GROUPS, (x.size(0) + chunk - 1) / chunk);
        return groups * 36 * x.size(1) * DirectConv.paddedWidth(w.size(0)) <= SLAB_FLOATS;
    }

    /** Groups of chunks whose weight-gradient sums are kept apart (the parallel units of {@link #weightGrad}). */
    static final int WGRAD_GROUPS = 8;

    /** Most floats of the groups' weight-gradient sums (16 MB): the seed network's 32->64 layer at batch 64 takes 0.6 M. */
    static final int SLAB_FLOATS = 1 << 22;

    /** The forward pass's and the weight gradient's shared conditions (all but the image count). */
    private static boolean forwardShape(NdArray x, NdArray w, ConvParams p) {
        return qualifies(x.dtype(), w, p) && x.size(1) % 16 == 0 && w.size(0) % 16 == 0
                && evenOutput(x.size(2) + 2 * p.padH(), x.size(3) + 2 * p.padW());
    }

    private static boolean qualifies(DType dtype, NdArray w, ConvParams p) {
        return ENABLED && dtype == DType.FLOAT32 && p.groups() == 1 && w.size(2) == 5 && w.size(3) == 5
                && p.strideH() == 1 && p.strideW() == 1 && p.dilH() == 1 && p.dilW() == 1;
    }

    private static boolean evenOutput(int paddedH, int paddedW) {
        return paddedH >= 6 && paddedW >= 6 && paddedH % 2 == 0 && paddedW % 2 == 0;
    }

    private static boolean enoughImages(int n) {
        return n >= Parallel.getNumThreads() || Parallel.inParallelRegion();
    }

    static void forward(NdArray x, NdArray w, NdArray bias, ConvParams p, NdArray out) {
        int o = w.size(0);
        int c = x.size(1);
        float[] wp = Scratch.floats(2, DirectConv.paddedWidth(o) * 25 * c);
        DirectConv.packWeights(CpuStorage.floatsOf(w), w.offset(), o, c, 5, 5, false, c, wp, 0);
        convolve(CpuStorage.floatsOf(x), x.offset(), x.size(0), c, x.size(2), x.size(3), p.padH(), p.padW(), wp, o,
                bias == null ? null : CpuStorage.floatsOf(bias), bias == null ? 0 : bias.offset(), false,
                CpuStorage.floatsOf(out), out.offset());
    }

    /** gx += the input gradient: gy padded by 4 - pad, convolved with the flipped, transposed weights. */
    static void inputGrad(NdArray gy, NdArray w, ConvParams p, NdArray gx) {
        int o = w.size(0);
        int c = w.size(1);
        float[] wt = Scratch.floats(2, DirectConv.paddedWidth(c) * 25 * o);
        DirectConv.packWeights(CpuStorage.floatsOf(w), w.offset(), o, c, 5, 5, true, o, wt, 0);
        convolve(CpuStorage.floatsOf(gy), gy.offset(), gy.size(0), o, gy.size(2), gy.size(3), 4 - p.padH(),
                4 - p.padW(), wt, c, null, 0, true, CpuStorage.floatsOf(gx), gx.offset());
    }

    /** dst (+)= conv5x5(src padded by padH/padW, packed weights wp) (+ bias), NCHW in and out, n images. */
    private static void convolve(float[] src, int srcOff, int n, int ch, int h, int w, int padH, int padW,
                                 float[] wp, int outCh, float[] bias, int biasOff, boolean accumulate, float[] dst,
                                 int dstOff) {
        int hp = h + 2 * padH;
        int wpx = w + 2 * padW;
        int plane = (hp - 4) * (wpx - 4);
        int perImage = Winograd5x5.tiles(1, hp, wpx);
        int cols = DirectConv.paddedWidth(outCh);
        float[] u = Scratch.floats(6, 36 * ch * cols);
        Parallel.forRange(0, ch, 16, (c0, c1) -> Winograd5x5.transformWeights(wp, ch, outCh, c0, c1, u));
        int chunk = Math.max(1, CHUNK_TILES / perImage);
        Parallel.forRange(0, n, 1, (from, to) -> {
            int most = Math.min(chunk, to - from);
            float[] xs = Scratch.floats(3, most * hp * wpx * ch);
            float[] v = Scratch.floats(5, 36 * Winograd5x5.planeStride(most * perImage, ch));
            float[] m = Scratch.floats(7, 36 * Winograd5x5.planeStride(most * perImage, cols));
            float[] ys = Scratch.floats(4, most * plane * cols);
            for (int i = from; i < to; i += most) {
                int k = Math.min(most, to - i);
                int tc = k * perImage;
                DirectConv.toNhwc(src, srcOff + i * ch * h * w, k, ch, h, w, padH, padW, ch, xs, 0);
                Winograd5x5.transformInput(xs, k, ch, hp, wpx, 0, tc, v, tc);
                Winograd5x5.multiply(v, u, tc, ch, cols, m);
                Winograd5x5.transformOutput(m, tc, cols, k, hp, wpx, 0, tc, ys);
                DirectConv.fromNhwc(ys, 0, cols, k, outCh, plane, bias, biasOff, accumulate, dst,
                        dstOff + i * outCh * plane);
            }
        });
    }

    /**
     * gw += the weight gradient by F(5x5, 2x2): per chunk of images the input tiles and the output gradient's 2x2
     * blocks are transformed and multiplied into the 36 partial sums of the chunk's group ({@link #WGRAD_GROUPS}
     * groups of consecutive chunks, the same on any thread count; slot 6 holds all groups' sums); the groups' sums
     * are added in group order, transformed back to 5x5 (slot 2) and added into gw. So the result does not depend
     * on the thread count.
     */
    static void weightGrad(NdArray gy, NdArray x, NdArray w, ConvParams p, NdArray gw) {
        int n = x.size(0);
        int c = x.size(1);
        int h = x.size(2);
        int wd = x.size(3);
        int o = w.size(0);
        int padH = p.padH();
        int padW = p.padW();
        int hp = h + 2 * padH;
        int wpx = wd + 2 * padW;
        int oH = hp - 4;
        int oW = wpx - 4;
        int plane = oH * oW;
        int perImage = Winograd5x5.tiles(1, hp, wpx);
        int cols = DirectConv.paddedWidth(o);
        int chunk = Math.max(1, CHUNK_TILES / perImage);
        int chunks = (n + chunk - 1) / chunk;
        int slab = 36 * c * cols;
        float[] xa = CpuStorage.floatsOf(x);
        float[] ga = CpuStorage.floatsOf(gy);
        // Chunks in a fixed number of groups, each summed in order into its own slab by one thread, then the
        // slabs added in group order: the same additions on any thread count.
        int perGroup = (chunks + WGRAD_GROUPS - 1) / WGRAD_GROUPS;
        int groups = (chunks + perGroup - 1) / perGroup;
        float[] acc = Scratch.floats(6, groups * slab);
        Parallel.forRange(0, groups, 1, (g0, g1) -> {
            int tiles = chunk * perImage;
            float[] xs = Scratch.floats(3, chunk * hp * wpx * c);
            float[] gs = Scratch.floats(4, chunk * plane * cols);
            float[] v = Scratch.floats(5, 36 * Winograd5x5.planeStride(tiles, c));
            float[] yw = Scratch.floats(7, 36 * Winograd5x5.planeStride(tiles, cols));
            for (int g = g0; g < g1; g++) {
                java.util.Arrays.fill(acc, g * slab, (g + 1) * slab, 0f);
                for (int q = g * perGroup; q < Math.min(chunks, (g + 1) * perGroup); q++) {
                    int i = q * chunk;
                    int k = Math.min(chunk, n - i);
                    int tc = k * perImage;
                    DirectConv.toNhwc(xa, x.offset() + i * c * h * wd, k, c, h, wd, padH, padW, c, xs, 0);
                    DirectConv.toNhwc(ga, gy.offset() + i * o * plane, k, o, oH, oW, 0, 0, cols, gs, 0);
                    Winograd5x5.transformInput(xs, k, c, hp, wpx, 0, tc, v, tc);
                    Winograd5x5.transformGradient(gs, k, cols, hp, wpx, 0, tc, yw, tc);
                    Winograd5x5.multiplyGradient(v, yw, tc, c, cols, acc, g * slab);
                }
            }
        });
        Parallel.forRange(0, slab, 4096, (e0, e1) -> {
            for (int g = 1; g < groups; g++) {
                int from = g * slab;
                for (int e = e0; e < e1; e++) {
                    acc[e] += acc[from + e];
                }
            }
        });
        float[] dw = Scratch.floats(2, 25 * c * cols);
        Parallel.forRange(0, c, 1, (c0, c1) -> Winograd5x5.weightResult(acc, c, cols, c0, c1, dw));
        CpuConvDirect.addWeightGrad(dw, o, c, 25, cols, gw);
    }
}
