package jtorch.tensor;

import jtorch.simd.DirectConv;
import jtorch.simd.Parallel;

/**
 * Float32 convolution without im2col: images are transposed to channels-last, zero-padded, and convolved
 * directly by {@link DirectConv}; results are transposed back to PyTorch's NCHW. Serves the forward pass and
 * the weight gradient of every non-pointwise, ungrouped float32 convolution, and the input gradient when the
 * stride is 1 (a stride-1 convolution's input gradient is another stride-1 convolution).
 *
 * <p>PERF: on the seed network's 5x5 layers (32-64 output channels, K = 800) this replaces implicit GEMM, which
 * packed 25 shifted copies of each input element into panels for only 32-64 rows of output.
 *
 * <p>Threads: with at least as many images as threads each thread convolves whole images, a few at a time
 * ({@link #CHUNK}), with its own scratch; otherwise (inference on one image) the output pixels are split. The
 * weight gradient splits the taps, so every thread owns distinct rows of it and the sums do not depend on the
 * thread count.
 */
final class CpuConvDirect {
    /** Output channels per block when the weight gradient is added into gw: one cache line of acc. */
    private static final int WGRAD_BLOCK = 16;

    /**
     * Images convolved per call on a thread, at most: one 7x7 image is 6 tiles of 8 pixels and a tail tile that
     * computes 8 rows for 1; several images in a row share tiles. Capped at {@link #CHUNK_FLOATS} of padded input
     * (32 K floats, 128 KB): 8 images of Fashion-MNIST's 64-channel 11x11 input gradient (248 KB) ran 15% slower
     * than one at a time.
     */
    private static final int CHUNK = 8;
    private static final int CHUNK_FLOATS = 32 * 1024;

    private CpuConvDirect() {}

    static boolean supports(NdArray x, NdArray w, ConvParams p) {
        return x.dtype() == DType.FLOAT32 && p.groups() == 1 && !p.isPointwise(w.size(2), w.size(3));
    }

    /**
     * Input gradient through {@link DirectConv}: needs stride 1 and padding within the dilated kernel, and enough
     * input channels to fill a column block (the input channels are its output columns: 3 channels would
     * compute 32 and keep 3).
     */
    static boolean supportsInputGrad(NdArray w, ConvParams p) {
        return p.strideH() == 1 && p.strideW() == 1 && p.padH() <= p.dilH() * (w.size(2) - 1)
                && p.padW() <= p.dilW() * (w.size(3) - 1) && 2 * w.size(1) >= DirectConv.blockWidth();
    }

    static void forward(NdArray x, NdArray w, NdArray bias, ConvParams p, NdArray out) {
        int o = w.size(0);
        int c = x.size(1);
        int kH = w.size(2);
        int kW = w.size(3);
        float[] wp = Scratch.floats(2, DirectConv.paddedWidth(o) * kH * kW * c);
        DirectConv.packWeights(CpuStorage.floatsOf(w), w.offset(), o, c, kH, kW, false, c, wp, 0);
        DirectConv.Layout one = new DirectConv.Layout(1, c, x.size(2) + 2 * p.padH(), x.size(3) + 2 * p.padW(), kH,
                kW, p.strideH(), p.strideW(), p.dilH(), p.dilW());
        convolve(CpuStorage.floatsOf(x), x.offset(), x.size(0), one, p.padH(), p.padW(), wp, o,
                bias == null ? null : CpuStorage.floatsOf(bias), bias == null ? 0 : bias.offset(), false,
                CpuStorage.floatsOf(out), out.offset());
    }

    /** gx += the input gradient (stride 1): gy padded by dil·(k-1) - pad, convolved with the flipped weights. */
    static void inputGrad(NdArray gy, NdArray w, ConvParams p, NdArray gx) {
        int o = w.size(0);
        int c = w.size(1);
        int kH = w.size(2);
        int kW = w.size(3);
        float[] wt = Scratch.floats(2, DirectConv.paddedWidth(c) * kH * kW * o);
        DirectConv.packWeights(CpuStorage.floatsOf(w), w.offset(), o, c, kH, kW, true, o, wt, 0);
        int qH = p.dilH() * (kH - 1) - p.padH();
        int qW = p.dilW() * (kW - 1) - p.padW();
        DirectConv.Layout one = new DirectConv.Layout(1, o, gy.size(2) + 2 * qH, gy.size(3) + 2 * qW, kH, kW, 1, 1,
                p.dilH(), p.dilW());
        convolve(CpuStorage.floatsOf(gy), gy.offset(), gy.size(0), one, qH, qW, wt, c, null, 0, true,
                CpuStorage.floatsOf(gx), gx.offset());
    }

    /**
     * dst (+)= conv(src, packed weights wp) (+ bias), NCHW in and out, for n images; {@code one} describes one
     * image padded by padH/padW.
     */
    private static void convolve(float[] src, int srcOff, int n, DirectConv.Layout one, int padH, int padW,
                                 float[] wp, int outCh, float[] bias, int biasOff, boolean accumulate, float[] dst,
                                 int dstOff) {
        int ch = one.channels();
        int h = one.height() - 2 * padH;
        int w = one.width() - 2 * padW;
        int cols = DirectConv.paddedWidth(outCh);
        int l = one.pixels();
        int image = ch * h * w;
        int inPadded = one.height() * one.width() * ch;
        int threads = Parallel.getNumThreads();
        if (n >= threads || threads == 1 || Parallel.inParallelRegion()) {
            Parallel.forRange(0, n, 1, (from, to) -> {
                int chunk = Math.max(1, Math.min(CHUNK, CHUNK_FLOATS / inPadded));
                float[] xs = Scratch.floats(4, chunk * inPadded);
                float[] ys = Scratch.floats(5, chunk * l * cols);
                for (int i = from; i < to; i += chunk) {
                    int m = Math.min(chunk, to - i);
                    DirectConv.Layout some = one.withImages(m);
                    DirectConv.toNhwc(src, srcOff + i * image, m, ch, h, w, padH, padW, ch, xs, 0);
                    DirectConv.forward(some, xs, 0, wp, 0, cols, ys, 0, cols, 0, some.pixels());
                    DirectConv.fromNhwc(ys, 0, cols, m, outCh, l, bias, biasOff, accumulate, dst,
                            dstOff + i * outCh * l);
                }
            });
            return;
        }
        // Fewer images than threads: transpose all, split the output pixels.
        DirectConv.Layout all = one.withImages(n);
        float[] xs = Scratch.floats(3, n * inPadded);
        float[] ys = Scratch.floats(4, n * l * cols);
        DirectConv.toNhwc(src, srcOff, n, ch, h, w, padH, padW, ch, xs, 0);
        Parallel.forRange(0, all.pixels(), 64, (p0, p1) -> DirectConv.forward(all, xs, 0, wp, 0, cols, ys, 0, cols,
                p0, p1));
        DirectConv.fromNhwc(ys, 0, cols, n, outCh, l, bias, biasOff, accumulate, dst, dstOff);
    }

    /** gw += Σ_images gy ⋆ x, computed as gwᵀ[K][O] with the taps split over threads. */
    static void weightGrad(NdArray gy, NdArray x, NdArray w, ConvParams p, NdArray gw) {
        int n = x.size(0);
        int c = x.size(1);
        int h = x.size(2);
        int wd = x.size(3);
        int o = w.size(0);
        int kH = w.size(2);
        int kW = w.size(3);
        int hp = h + 2 * p.padH();
        int wpx = wd + 2 * p.padW();
        DirectConv.Layout g = new DirectConv.Layout(n, c, hp, wpx, kH, kW, p.strideH(), p.strideW(), p.dilH(),
                p.dilW());
        int oH = g.outH();
        int l = oH * g.outW();
        int k = g.k();
        int cols = DirectConv.paddedWidth(o);
        float[] xa = CpuStorage.floatsOf(x);
        float[] ga = CpuStorage.floatsOf(gy);
        float[] xs = Scratch.floats(2, n * hp * wpx * c);
        float[] gs = Scratch.floats(3, n * l * cols);
        float[] acc = Scratch.floats(4, k * cols);
        Parallel.forRange(0, n, 1, (from, to) -> {
            DirectConv.toNhwc(xa, x.offset() + from * c * h * wd, to - from, c, h, wd, p.padH(), p.padW(), c, xs,
                    from * hp * wpx * c);
            DirectConv.toNhwc(ga, gy.offset() + from * o * l, to - from, o, oH, g.outW(), 0, 0, cols, gs,
                    from * l * cols);
        });
        java.util.Arrays.fill(acc, 0, k * cols, 0f);
        int tiles = (k + 7) / 8;
        Parallel.forRange(0, tiles, 1, (t0, t1) -> {
            int k0 = t0 * 8;
            int k1 = Math.min(k, t1 * 8);
            // Image by image, so one image's input and gradient stay in cache across all of this thread's taps.
            for (int i = 0; i < n; i++) {
                DirectConv.weightGrad(g, xs, 0, gs, 0, cols, cols, acc, 0, cols, k0, k1, i * oH, (i + 1) * oH);
            }
        });
        addWeightGrad(acc, o, c, kH * kW, cols, gw);
    }

    /**
     * gw (OIHW, o x c x taps) += acc, whose row {@code t·c + ci} holds the {@code cols}-padded output channels of
     * tap t and input channel ci (the direct tile's K order).
     */
    static void addWeightGrad(float[] acc, int o, int c, int taps, int cols, NdArray gw) {
        float[] wa = CpuStorage.floatsOf(gw);
        // Blocks of output channels over threads: each thread reads a cache line of every acc row and writes
        // WGRAD_BLOCK rows of gw (VGG16's 512x512x3x3: 16 rows of 18 KB, which stay in L2 across the taps).
        // PERF: the single-threaded walk over all output channels wrote one float per 18 KB row per step:
        // 12% of a VGG16 training step at [8,3,32,32]. Each element still gets exactly one addition.
        Parallel.forRange(0, (o + WGRAD_BLOCK - 1) / WGRAD_BLOCK, 1, (b0, b1) -> {
            for (int o0 = b0 * WGRAD_BLOCK; o0 < Math.min(o, b1 * WGRAD_BLOCK); o0 += WGRAD_BLOCK) {
                int o1 = Math.min(o, o0 + WGRAD_BLOCK);
                for (int t = 0; t < taps; t++) {
                    for (int ci = 0; ci < c; ci++) {
                        int src = (t * c + ci) * cols;
                        int dst = gw.offset() + ci * taps + t;
                        for (int oc = o0; oc < o1; oc++) {
                            wa[dst + oc * c * taps] += acc[src + oc];
                        }
                    }
                }
            }
        });
    }
}
