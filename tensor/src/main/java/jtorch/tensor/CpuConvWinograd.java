package jtorch.tensor;

import jtorch.simd.DirectConv;
import jtorch.simd.Gemm;
import jtorch.simd.Parallel;
import jtorch.simd.Winograd;

/**
 * The forward pass of stride-1 3x3 convolutions by Winograd F(2x2, 3x3) ({@link Winograd}): 16 GEMMs of
 * transformed tiles take the place of the direct convolution's 36 multiplies per output pair and channel.
 * With many tiles each thread takes bands of tile rows ({@link #banded}): it transposes the band's input rows to
 * padded NHWC, transforms their tiles, multiplies them in 16 GEMMs, transforms them back and transposes the
 * band's output rows to NCHW with the bias, all in its own scratch, so the activations are read once and written
 * once. With few tiles the whole batch is transposed once and the threads split the output channels of 16 GEMMs
 * over all tiles ({@link #PER_THREAD_TILES}). Every output element comes from one GEMM row, computed by one
 * thread, so results do not depend on the thread count.
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

    /** Largest all-tiles buffer (16·tiles·channels floats, 32 MB): above, the banded path runs instead. */
    static final int SHARED_FLOATS = 1 << 23;

    /** Tiles per GEMM: about 1 MB of transformed input and products per thread (16·tiles·(cin+cout) floats). */
    static int chunk(int cin, int cout) {
        return Math.max(64, Math.min(256, 16384 / (cin + cout))) / 8 * 8;
    }

    /**
     * Tiles per thread from which each thread runs its own GEMMs on its own tiles. Below, all tiles go through
     * each of the 16 GEMMs together, and the threads split the output channels: each thread then packs its share
     * of the transformed weights once, instead of all of them once per chunk of its tiles (512-channel layers at
     * 28x28 have 98 tiles per thread and 1 MB of weights per GEMM). The all-tiles buffers are capped at
     * {@link #SHARED_FLOATS} each.
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
        float[] xa = CpuStorage.floatsOf(x);
        float[] ba = bias == null ? null : CpuStorage.floatsOf(bias);
        int bOff = bias == null ? 0 : bias.offset();
        float[] ya = CpuStorage.floatsOf(out);
        long tiles = (long) n * ((hp - 2) / 2) * ((wpx - 2) / 2);
        int threads = Parallel.getNumThreads();
        if (threads > 1 && tiles < (long) PER_THREAD_TILES * threads && !Parallel.inParallelRegion()
                && 16L * tiles * Math.max(c, o) <= SHARED_FLOATS) {
            int l = (hp - 2) * (wpx - 2);
            float[] xs = Scratch.floats(3, n * hp * wpx * c);
            DirectConv.toNhwc(xa, x.offset(), n, c, h, wd, p.padH(), p.padW(), c, xs, 0);
            float[] ys = Scratch.floats(4, n * l * o);
            sharedGemms(xs, n, c, hp, wpx, o, u, (int) tiles, ys);
            DirectConv.fromNhwc(ys, 0, o, n, o, l, ba, bOff, false, ya, out.offset());
            return;
        }
        banded(xa, x.offset(), n, c, h, wd, p.padH(), p.padW(), o, u, ba, bOff, ya, out.offset());
    }

    /**
     * Each thread takes bands of whole tile rows of one image, about {@link #chunk} tiles each: the band's padded
     * input rows to NHWC (slot 3; the two it shares with the band before, when that was this thread's, copied),
     * its tiles transformed (slot 5), 16 GEMMs (slot 7), transformed back to NHWC rows (slot 4) and transposed to
     * the output with the bias. PERF: transposing whole images around the tile
     * loop (12.8 MB in and out at 64 channels and 224 pixels) wrote and re-read both NHWC copies through memory:
     * at VGG16's 64->64 layer the transposes took a fifth of its 9.7 ms.
     */
    private static void banded(float[] xa, int xOff, int n, int c, int h, int wd, int padH, int padW, int o,
                               float[] u, float[] ba, int bOff, float[] ya, int yOff) {
        int wpx = wd + 2 * padW;
        int tw = (wpx - 2) / 2;
        int th = (h + 2 * padH - 2) / 2;
        int outW = wpx - 2;
        int plane = 2 * th * outW;
        int rowsPerBand = Math.min(th, Math.max(1, (chunk(c, o) + tw - 1) / tw));
        int bands = (th + rowsPerBand - 1) / rowsPerBand;
        Parallel.forRange(0, n * bands, 1, (b0, b1) -> {
            int most = rowsPerBand * tw;
            float[] xb = Scratch.floats(3, (2 * rowsPerBand + 2) * wpx * c);
            float[] yb = Scratch.floats(4, 2 * rowsPerBand * outW * o);
            float[] v = Scratch.floats(5, 16 * most * c);
            float[] m = Scratch.floats(7, 16 * most * o);
            int row = wpx * c;
            for (int b = b0; b < b1; b++) {
                int image = b / bands;
                int r0 = b % bands * rowsPerBand;
                int rows = Math.min(rowsPerBand, th - r0);
                int bandH = 2 * rows + 2;
                int tc = rows * tw;
                int xi = xOff + image * c * h * wd;
                if (b > b0 && r0 > 0) {
                    // The previous band, of the same image, ended with this band's first two input rows.
                    System.arraycopy(xb, 2 * rowsPerBand * row, xb, 0, 2 * row);
                    DirectConv.toNhwcRows(xa, xi, c, h, wd, padH, padW, 2 * r0 + 2, bandH - 2, xb, 2 * row);
                } else {
                    DirectConv.toNhwcRows(xa, xi, c, h, wd, padH, padW, 2 * r0, bandH, xb, 0);
                }
                Winograd.transformInput(xb, 1, c, bandH, wpx, 0, tc, v);
                gemms(tc, c, o, 0, o, v, u, m);
                Winograd.transformOutput(m, 0, tc, 1, o, bandH, wpx, 0, tc, yb);
                DirectConv.fromNhwcPixels(yb, 0, o, o, plane, 2 * r0 * outW, 2 * rows * outW, ba, bOff, ya,
                        yOff + image * o * plane);
            }
        });
    }
}
