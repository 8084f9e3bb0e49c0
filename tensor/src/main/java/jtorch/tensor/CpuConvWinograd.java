package jtorch.tensor;

import jtorch.simd.DirectConv;
import jtorch.simd.Gemm;
import jtorch.simd.Parallel;
import jtorch.simd.Winograd;

/**
 * The forward pass of stride-1 3x3 convolutions by Winograd F(2x2, 3x3) ({@link Winograd}): 16 GEMMs of
 * transformed tiles take the place of the direct convolution's 36 multiplies per output pair and channel.
 * Images go in groups of up to {@link #GROUP_FLOATS} floats of input or output; each group is transposed to
 * padded NHWC, as for {@link CpuConvDirect}, its tiles' input patches transformed, multiplied in 16 GEMMs,
 * transformed back into an NHWC buffer, and transposed to NCHW with the bias. With many tiles each thread does all
 * of this for its own range of tiles, {@link #chunk} at a time, on its own scratch; with few, the threads split
 * the output channels of 16 GEMMs over all tiles ({@link #PER_THREAD_TILES}). Every output element comes from one
 * GEMM row, computed by one thread, so results do not depend on the thread count.
 *
 * <p>Taken for float32, ungrouped, undilated 3x3 stride-1 layers whose channel counts are multiples of 16 and whose
 * output height and width are even, with enough tiles to keep the GEMMs' row count up; the other layers, and
 * every backward pass, keep the direct kernels. {@code -Djtorch.conv.winograd=false} turns it off.
 *
 * <p>PERF: see docs/convolution.md ("Winograd") for the measurements behind the thresholds.
 */
final class CpuConvWinograd {
    private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("jtorch.conv.winograd", "true"));

    /** Fewest tiles per thread: below, each GEMM has too few rows to pay for packing its 16 weight matrices. */
    static final int MIN_TILES_PER_THREAD = 64;

    private CpuConvWinograd() {}

    static boolean supports(NdArray x, NdArray w, ConvParams p) {
        if (!ENABLED || x.dtype() != DType.FLOAT32 || p.groups() != 1 || w.size(2) != 3 || w.size(3) != 3
                || p.strideH() != 1 || p.strideW() != 1 || p.dilH() != 1 || p.dilW() != 1
                || x.size(1) % 16 != 0 || w.size(0) % 16 != 0) {
            return false;
        }
        int hp = x.size(2) + 2 * p.padH();
        int wp = x.size(3) + 2 * p.padW();
        if (hp < 4 || wp < 4 || hp % 2 != 0 || wp % 2 != 0) {
            return false;
        }
        long tiles = (long) x.size(0) * ((hp - 2) / 2) * ((wp - 2) / 2);
        return tiles >= (long) MIN_TILES_PER_THREAD * Parallel.getNumThreads();
    }

    /**
     * Images per group: at most this many floats of padded NHWC input or of NHWC output (32 MB; at least one
     * image), so that a large batch is not copied whole: VGG16's first layer at batch 64 would need 836 MB.
     */
    static final int GROUP_FLOATS = 1 << 23;

    /** Tiles per GEMM: about 1 MB of transformed input and products per thread (16·tiles·(cin+cout) floats). */
    static int chunk(int cin, int cout) {
        return Math.max(64, Math.min(256, 16384 / (cin + cout))) / 8 * 8;
    }

    /**
     * Tiles per thread from which each thread runs its own GEMMs on its own tiles. Below, all tiles go through
     * each of the 16 GEMMs together, and the threads split the output channels: each thread then packs its share
     * of the transformed weights once, instead of all of them once per chunk of its tiles (512-channel layers at
     * 28x28 have 98 tiles per thread and 1 MB of weights per GEMM). The all-tiles buffers are capped at
     * {@link #GROUP_FLOATS} each.
     */
    static final int PER_THREAD_TILES = 1024;

    /** The 16 GEMMs of {@code tc} tiles on this thread, output channels [j0, j1): m[ξ] = v[ξ] · u[ξ]. */
    private static void gemms(int tc, int c, int o, int j0, int j1, float[] v, float[] u, float[] m) {
        for (int xi = 0; xi < 16; xi++) {
            Gemm.sgemmSerial(false, false, tc, j1 - j0, c, 1f, v, xi * tc * c, c, u, xi * c * o + j0, o, 0f, m,
                    xi * tc * o + j0, o);
        }
    }

    /**
     * All tiles at once: the transforms split the tiles over the threads; the GEMMs split the output channels,
     * in blocks of 32, each thread running all 16 GEMMs for its columns (one parallel region: 16 threaded GEMM
     * calls each started and joined the pool twice, and VGG16's forward measured 84-92 ms that way against
     * 79-87 this way, in alternating runs on a noisy machine).
     */
    private static void sharedGemms(float[] xs, int n, int c, int hp, int wpx, int o, float[] u, int tiles,
                                    float[] ys) {
        float[] v = Scratch.floats(5, 16 * tiles * c);
        float[] m = Scratch.floats(7, 16 * tiles * o);
        Parallel.forRange(0, tiles, 8, (t0, t1) -> Winograd.transformInput(xs, n, c, hp, wpx, t0, t1, v, 0,
                tiles));
        Parallel.forRange(0, (o + 31) / 32, 1, (b0, b1) -> gemms(tiles, c, o, b0 * 32, Math.min(o, b1 * 32), v, u,
                m));
        Parallel.forRange(0, tiles, 8, (t0, t1) -> Winograd.transformOutput(m, 0, tiles, n, o, hp, wpx, t0, t1,
                ys));
    }

    static void forward(NdArray x, NdArray w, NdArray bias, ConvParams p, NdArray out) {
        int n = x.size(0);
        int c = x.size(1);
        int h = x.size(2);
        int wd = x.size(3);
        int o = w.size(0);
        int hp = h + 2 * p.padH();
        int wpx = wd + 2 * p.padW();
        float[] wp = Scratch.floats(2, DirectConv.paddedWidth(o) * 9 * c);
        DirectConv.packWeights(CpuStorage.floatsOf(w), w.offset(), o, c, 3, 3, false, c, wp, 0);
        float[] u = Scratch.floats(6, 16 * c * o);
        Parallel.forRange(0, c, 16, (c0, c1) -> Winograd.transformWeights(wp, c, o, c0, c1, u));
        int image = hp * wpx * c;
        int l = (hp - 2) * (wpx - 2);
        int group = (int) Math.max(1, Math.min(n, GROUP_FLOATS / Math.max(image, (long) l * o)));
        float[] xa = CpuStorage.floatsOf(x);
        float[] ba = bias == null ? null : CpuStorage.floatsOf(bias);
        float[] ya = CpuStorage.floatsOf(out);
        for (int i0 = 0; i0 < n; i0 += group) {
            int g = Math.min(group, n - i0);
            float[] xs = Scratch.floats(3, g * image);
            DirectConv.toNhwc(xa, x.offset() + i0 * c * h * wd, g, c, h, wd, p.padH(), p.padW(), c, xs, 0);
            float[] ys = Scratch.floats(4, g * l * o);
            convolveGroup(xs, g, c, hp, wpx, o, u, ys);
            DirectConv.fromNhwc(ys, 0, o, g, o, l, ba, bias == null ? 0 : bias.offset(), false, ya,
                    out.offset() + i0 * o * l);
        }
    }

    /** The tiles of g images in padded NHWC {@code xs} into NHWC {@code ys}. */
    private static void convolveGroup(float[] xs, int g, int c, int hp, int wpx, int o, float[] u, float[] ys) {
        int tiles = Winograd.tiles(g, hp, wpx);
        int threads = Parallel.getNumThreads();
        if (threads > 1 && tiles < PER_THREAD_TILES * threads && !Parallel.inParallelRegion()
                && 16L * tiles * Math.max(c, o) <= GROUP_FLOATS) {
            sharedGemms(xs, g, c, hp, wpx, o, u, tiles, ys);
            return;
        }
        int chunk = chunk(c, o);
        Parallel.forRange(0, tiles, MIN_TILES_PER_THREAD, (from, to) -> {
            float[] v = Scratch.floats(5, 16 * chunk * c);
            float[] m = Scratch.floats(7, 16 * chunk * o);
            for (int t0 = from; t0 < to; t0 += chunk) {
                int t1 = Math.min(to, t0 + chunk);
                Winograd.transformInput(xs, g, c, hp, wpx, t0, t1, v);
                gemms(t1 - t0, c, o, 0, o, v, u, m);
                Winograd.transformOutput(m, t0, t1 - t0, g, o, hp, wpx, t0, t1, ys);
            }
        });
    }
}
