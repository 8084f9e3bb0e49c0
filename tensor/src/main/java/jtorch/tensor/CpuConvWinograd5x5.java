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
        return qualifies(x.dtype(), w, p) && x.size(1) % 16 == 0 && w.size(0) % 16 == 0
                && evenOutput(x.size(2) + 2 * p.padH(), x.size(3) + 2 * p.padW()) && enoughImages(x.size(0));
    }

    /** Whether the input gradient gx of this layer takes this route (gy padded by 4 - pad on each side). */
    static boolean supportsInputGrad(NdArray w, ConvParams p, NdArray gx) {
        return qualifies(gx.dtype(), w, p) && w.size(0) % 16 == 0 && w.size(1) % 16 == 0 && p.padH() <= 4
                && p.padW() <= 4 && evenOutput(gx.size(2) + 4, gx.size(3) + 4) && enoughImages(gx.size(0));
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
}
