package jtorch.tensor;

import jtorch.simd.Parallel;
import jtorch.simd.PlanarConv;

/**
 * Float32 convolution of layers with few input channels (a network's first layer) through {@link PlanarConv}:
 * the input is zero-padded in its own NCHW layout and the output written in place, so the wide output of such
 * a layer (32 channels of the full image) is never transposed, forward or backward. Serves the forward pass and
 * the weight gradient; the input gradient (rarely needed: the input is usually data) keeps the other routes.
 *
 * <p>Threads: the forward pass splits images (output rows when there are fewer images than threads); the weight
 * gradient splits blocks of 4 output channels, so each thread owns distinct rows of it and the sums do not depend
 * on the thread count.
 */
final class CpuConvPlanar {
    /** Above this many input channels the channels-last route ({@link CpuConvDirect}) has the longer loops. */
    static final int MAX_CHANNELS = 4;

    private CpuConvPlanar() {}

    static boolean supports(NdArray x, NdArray w, ConvParams p) {
        return x.dtype() == DType.FLOAT32 && p.groups() == 1 && p.strideW() == 1 && x.size(1) <= MAX_CHANNELS
                && !p.isPointwise(w.size(2), w.size(3));
    }

    private static PlanarConv.Layout layout(NdArray x, NdArray w, ConvParams p) {
        return new PlanarConv.Layout(x.size(0), x.size(1), x.size(2) + 2 * p.padH(), x.size(3) + 2 * p.padW(),
                w.size(2), w.size(3), p.strideH(), p.dilH(), p.dilW());
    }

    /** Zero-pads all images into the calling thread's scratch slot 3, images split over threads. */
    private static float[] padded(NdArray x, ConvParams p, PlanarConv.Layout g) {
        int c = x.size(1);
        int h = x.size(2);
        int wd = x.size(3);
        int image = c * g.height() * g.width();
        float[] xp = Scratch.floats(3, g.images() * image);
        float[] xa = CpuStorage.floatsOf(x);
        Parallel.forRange(0, g.images(), 8, (from, to) -> PlanarConv.pad(xa, x.offset() + from * c * h * wd,
                to - from, c, h, wd, p.padH(), p.padW(), xp, from * image));
        return xp;
    }

    static void forward(NdArray x, NdArray w, NdArray bias, ConvParams p, NdArray out) {
        PlanarConv.Layout g = layout(x, w, p);
        int o = w.size(0);
        float[] wp = Scratch.floats(2, PlanarConv.packedSize(o, g.k()));
        PlanarConv.packWeights(CpuStorage.floatsOf(w), w.offset(), o, g.k(), wp, 0);
        float[] xp = padded(x, p, g);
        float[] ba = bias == null ? null : CpuStorage.floatsOf(bias);
        int bOff = bias == null ? 0 : bias.offset();
        float[] ya = CpuStorage.floatsOf(out);
        int n = g.images();
        int threads = Parallel.getNumThreads();
        if (n >= threads || threads == 1 || Parallel.inParallelRegion()) {
            Parallel.forRange(0, n, 1, (from, to) -> PlanarConv.forward(g, xp, 0, wp, 0, o, ba, bOff, ya,
                    out.offset(), from, to));
            return;
        }
        // Fewer images than threads (inference on one image): split the output rows.
        int rows = g.outH();
        Parallel.forRange(0, n * rows, 4, (from, to) -> {
            for (int u = from; u < to; ) {
                int image = u / rows;
                int y1 = Math.min(to, (image + 1) * rows);
                PlanarConv.forwardRows(g, xp, 0, wp, 0, o, ba, bOff, ya, out.offset(), image, u % rows,
                        u % rows + (y1 - u));
                u = y1;
            }
        });
    }

    /**
     * gw += Σ_images gy ⋆ x, blocks of 4 output channels split over threads; gb (may be null) += the bias gradient,
     * each channel's planes summed by the thread that owns its weight-gradient rows while they are in its cache
     * (the same sums, in the same order, as {@link CpuConv}'s separate pass, which read the 8 MB gradient of the
     * CIFAR network's first layer from memory again).
     */
    static void weightGrad(NdArray gy, NdArray x, NdArray w, ConvParams p, NdArray gw, NdArray gb) {
        PlanarConv.Layout g = layout(x, w, p);
        int o = w.size(0);
        float[] xp = padded(x, p, g);
        float[] ga = CpuStorage.floatsOf(gy);
        float[] wa = CpuStorage.floatsOf(gw);
        double[] biasSums = gb == null ? null : new double[o];
        Parallel.forRange(0, PlanarConv.gradBlocks(o), 1, (b0, b1) -> {
            float[] part = Scratch.floats(4, PlanarConv.partialSize(b1 - b0, g.k()));
            PlanarConv.weightGrad(g, xp, 0, ga, gy.offset(), o, part, wa, gw.offset(), b0, b1, biasSums);
        });
        if (gb != null) {
            float[] ba = CpuStorage.floatsOf(gb);
            for (int oc = 0; oc < o; oc++) {
                ba[gb.offset() + oc] += (float) biasSums[oc];
            }
        }
    }
}
