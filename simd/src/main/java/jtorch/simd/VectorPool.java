package jtorch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pooling with a vector fast path for the 2×2, stride-2, unpadded, undilated float max pool (the CIFAR CNN's
 * {@code MaxPool2d(2)}); every other case, and all double pooling, is inherited from {@link ScalarPool}.
 *
 * <p>The fast path reads 2·L input columns of both window rows (two loads each), splits each pair of loads
 * into even and odd columns with a two-vector {@code selectFrom} (one {@code vpermt2ps} on AVX-512), then
 * visits the four window candidates in PyTorch's order with {@code v > m || isNaN(v)}, so values and argmax
 * indices equal the scalar kernel's bit for bit, NaN and -inf windows included.
 *
 * <p>Planes that tile into blocks of 16 outputs (outW a power of two up to 16, even H and W) go to
 * {@link MaxPool2x2Blocks}, which fills every lane; the row kernel here takes the rest (Fashion-MNIST's 28, 14, 7).
 *
 * <p>PERF: on [64,32,32,32] (2048 planes of 32×32) this path takes 0.24–0.68 ms, against 9.6–14 ms for the
 * generic {@link ScalarPool} loop and 6.9 ms for a hand-specialised scalar 2×2 loop (its NaN test makes it
 * branchy): 14–40× overall; best of 5×20 calls after warm-up on this shared 2-core AVX-512 machine.
 */
final class VectorPool extends ScalarPool {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    private static final float[] EVEN = lanes(0);
    private static final float[] ODD = lanes(1);
    private static final float[] TWICE_IOTA = lanes(0);

    private static float[] lanes(int first) {
        float[] a = new float[F.length()];
        for (int i = 0; i < a.length; i++) {
            a[i] = 2 * i + first;
        }
        return a;
    }

    @Override
    public void maxPool2x2Backward(int planes, float[] gy, int gyOff, int[] argmax, int aOff, int outH, int outW,
                                   float[] gx, int gxOff) {
        // Whole blocks: every element written in order. Others (Fashion-MNIST's 14-wide planes): the scatter, which
        // reads one index per output where writing in order would read one per input.
        if (MaxPool2x2Blocks.supports(2 * outH, 2 * outW, outH, outW)) {
            MaxPool2x2Blocks.backward(planes, gy, gyOff, argmax, aOff, outH, outW, gx, gxOff);
        } else {
            super.maxPool2x2Backward(planes, gy, gyOff, argmax, aOff, outH, outW, gx, gxOff);
        }
    }

    @Override
    public void maxPool2dForward(int planes, float[] x, int xOff, int H, int W, int kH, int kW, int sH, int sW,
                                 int pH, int pW, int dH, int dW, int outH, int outW, float[] y, int yOff,
                                 int[] argmax, int aOff) {
        boolean fast = kH == 2 && kW == 2 && sH == 2 && sW == 2 && pH == 0 && pW == 0 && dH == 1 && dW == 1
                && 2 * outH <= H && 2 * outW <= W && H * W < (1 << 24);   // indices are exact in float
        if (!fast) {
            super.maxPool2dForward(planes, x, xOff, H, W, kH, kW, sH, sW, pH, pW, dH, dW, outH, outW, y, yOff,
                    argmax, aOff);
            return;
        }
        if (MaxPool2x2Blocks.supports(H, W, outH, outW)) {
            MaxPool2x2Blocks.forward(planes, x, xOff, H, W, outW, y, yOff, argmax, aOff);
            return;
        }
        float[] yBuf = new float[F.length()];
        int[] aBuf = new int[F.length()];
        for (int p = 0; p < planes; p++) {
            maxPool2x2(x, xOff + p * H * W, W, outH, outW, y, yOff + p * outH * outW, argmax, aOff + p * outH * outW,
                    yBuf, aBuf);
        }
    }

    /**
     * One plane. Rows narrower than a vector (the Fashion-MNIST network's 14-, 7- and 3-wide outputs) and the
     * last chunk of wider ones are computed on whole vectors: the surplus lanes read the next input rows and
     * write garbage into the next output row, which is computed later and overwrites it. Masks are used only
     * where a whole vector would leave the input array or this plane's output.
     * PERF: masked loads and stores cost a lane-by-lane mask bounds check each (Int512Mask.firstTrue, 7% of a
     * Fashion-MNIST step when every store of a 14-wide row was masked), so the plane's last rows go through a
     * small buffer instead.
     * PERF: the scalar loop this replaced for those widths took ~12 ns per window (its NaN test is an
     * unpredictable branch): 3.1 ms of a 30 ms Fashion-MNIST training step on two threads.
     */
    private static void maxPool2x2(float[] x, int xo, int W, int outH, int outW, float[] y, int yo, int[] argmax,
                                   int ao, float[] yBuf, int[] aBuf) {
        int step = F.length();
        int tail = outW % step;
        int full = outW - tail;
        VectorMask<Float> all = F.maskAll(true);
        int yEnd = yo + outH * outW;
        VectorMask<Float> tailLo = F.indexInRange(0, 2 * tail);
        VectorMask<Float> tailHi = F.indexInRange(step, 2 * tail);
        FloatVector even = FloatVector.fromArray(F, EVEN, 0);
        FloatVector odd = FloatVector.fromArray(F, ODD, 0);
        FloatVector twiceIota = FloatVector.fromArray(F, TWICE_IOTA, 0);
        for (int oh = 0; oh < outH; oh++) {
            int r0 = xo + 2 * oh * W;
            int r1 = r0 + W;
            for (int ow = 0; ow < outW; ow += step) {
                int c = 2 * ow;
                FloatVector a0;
                FloatVector a1;
                FloatVector b0;
                FloatVector b1;
                if (r1 + c + 2 * step <= x.length) {
                    a0 = FloatVector.fromArray(F, x, r0 + c);
                    a1 = FloatVector.fromArray(F, x, r0 + c + step);
                    b0 = FloatVector.fromArray(F, x, r1 + c);
                    b1 = FloatVector.fromArray(F, x, r1 + c + step);
                } else {
                    VectorMask<Float> lo = ow < full ? all : tailLo;
                    VectorMask<Float> hi = ow < full ? all : tailHi;
                    a0 = FloatVector.fromArray(F, x, r0 + c, lo);
                    a1 = FloatVector.fromArray(F, x, r0 + c + step, hi);
                    b0 = FloatVector.fromArray(F, x, r1 + c, lo);
                    b1 = FloatVector.fromArray(F, x, r1 + c + step, hi);
                }
                // Candidates in row-major window order (see replaces). The first always replaces the initial -inf
                // (or equals it), so it starts the running maximum. PERF: with VectorOperators.IS_NAN in replaces and
                // a -inf start, 2048 planes of 32x32 took 0.45-0.51 ms on one core; now 0.32-0.33.
                FloatVector m = even.selectFrom(a0, a1);
                FloatVector off = FloatVector.zero(F);
                FloatVector v = odd.selectFrom(a0, a1);
                VectorMask<Float> win = replaces(v, m);
                m = m.blend(v, win);
                off = off.blend(1f, win);
                v = even.selectFrom(b0, b1);
                win = replaces(v, m);
                m = m.blend(v, win);
                off = off.blend(W, win);
                v = odd.selectFrom(b0, b1);
                win = replaces(v, m);
                m = m.blend(v, win);
                off = off.blend(W + 1, win);
                FloatVector index = twiceIota.add(2 * oh * W + c).add(off);
                IntVector ii = (IntVector) index.convert(VectorOperators.F2I, 0);
                int yi = yo + oh * outW + ow;
                if (yi + step <= yEnd) {
                    m.intoArray(y, yi);
                    ii.intoArray(argmax, ao + oh * outW + ow);
                } else {
                    // Through a buffer: a masked store checks its mask lane by lane (~60 ns here).
                    int n = Math.min(step, outW - ow);
                    m.intoArray(yBuf, 0);
                    ii.intoArray(aBuf, 0);
                    System.arraycopy(yBuf, 0, y, yi, n);
                    System.arraycopy(aBuf, 0, argmax, ao + oh * outW + ow, n);
                }
            }
        }
    }

    /**
     * TORCH: max pooling's update rule, {@code v > m || isnan(v)}: lanes where candidate {@code v} takes over the
     * running maximum {@code m} (so a later NaN replaces an earlier one). NaN is found by {@code v != v}:
     * {@code VectorOperators.IS_NAN} cost a quarter of the 2x2 loop. Shared by {@link MaxPool2x2Blocks}.
     */
    static VectorMask<Float> replaces(FloatVector v, FloatVector m) {
        return v.compare(VectorOperators.GT, m).or(v.compare(VectorOperators.NE, v));
    }
}
