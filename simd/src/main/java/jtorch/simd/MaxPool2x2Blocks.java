package jtorch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 2×2, stride-2 max pool over planes that tile exactly ({@code H = 2·outH}, {@code W = 2·outW}) with a row of
 * outputs that divides 16 (outW = 1, 2, 4, 8 or 16) and planes of whole 16-output blocks: then the batch is one
 * stream in which 16 consecutive outputs read exactly 64 consecutive inputs (their 16/outW window-row pairs), so
 * each block is 4 vector loads, and each of the four window candidates is picked out of them by two two-source
 * selections and a blend, with lane patterns fixed by outW. Candidates are visited in PyTorch's order with
 * {@link VectorPool#replaces}, as the row kernel there does, so values and argmax indices equal the scalar
 * kernel's bit for bit.
 *
 * <p>PERF: the row kernel computes one output row per step, so narrow planes waste most lanes: the CIFAR network's
 * 16×16 and 8×8 poolings (8 and 4 of 16 lanes used) took 1.3 and 4.2 ns per output on one core; here every shape
 * takes 0.34 (2048 planes of 32×32: 0.29-0.35 -> 0.18 ms; 16×16: 0.17 -> 0.044; 4096 of 8×8: 0.28 -> 0.022).
 *
 * <p>The backward pass ({@link #backward}) walks the same blocks the other way: each of the 4 input vectors of a
 * block takes, lane by lane, its window's gradient and argmax (one shuffle of the block's 16 outputs each) and
 * keeps the gradient where the argmax is that lane's own position, 0 elsewhere: every input written once, in
 * order, where the scalar kernel zero-filled the planes and then scattered into them.
 */
final class MaxPool2x2Blocks {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final int L = 16;
    /** Per outW (index log2 outW): per candidate, the selections from (v0,v1) and (v2,v3), and the offsets. */
    private static final Pattern[] PATTERNS = new Pattern[5];
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    /** Per outW (index log2 outW): per input vector k of a block, the output lane of each input lane. */
    private static final int[][][] SOURCES = new int[5][4][L];
    /** The block-relative input offsets 0..63, as 4 vectors of floats. */
    private static final float[] RELATIVE = new float[4 * L];

    /** For each of the 4 candidates (dy, dx) in window order: indexes and the block-relative input offset. */
    private record Pattern(float[][] low, float[][] high, boolean[][] fromHigh, float[][] offset) {}

    static {
        for (int log = 0; log < PATTERNS.length; log++) {
            int outW = 1 << log;
            int w = 2 * outW;
            float[][] low = new float[4][L];
            float[][] high = new float[4][L];
            boolean[][] fromHigh = new boolean[4][L];
            float[][] offset = new float[4][L];
            for (int c = 0; c < 4; c++) {
                int dy = c / 2;
                int dx = c % 2;
                for (int lane = 0; lane < L; lane++) {
                    int rel = (2 * (lane / outW) + dy) * w + 2 * (lane % outW) + dx;
                    offset[c][lane] = rel;
                    fromHigh[c][lane] = rel >= 2 * L;
                    low[c][lane] = rel < 2 * L ? rel : 0;
                    high[c][lane] = rel >= 2 * L ? rel - 2 * L : 0;
                }
            }
            PATTERNS[log] = new Pattern(low, high, fromHigh, offset);
            for (int rel = 0; rel < 4 * L; rel++) {
                SOURCES[log][rel / L][rel % L] = (rel / w / 2) * outW + rel % w / 2;
            }
        }
        for (int rel = 0; rel < 4 * L; rel++) {
            RELATIVE[rel] = rel;
        }
    }

    private MaxPool2x2Blocks() {}

    /** True when {@link #forward} applies: 16 lanes and planes that tile into blocks as described above. */
    static boolean supports(int H, int W, int outH, int outW) {
        return F.length() == L && H == 2 * outH && W == 2 * outW && outW <= L && Integer.bitCount(outW) == 1
                && outH * outW % L == 0 && H * W < (1 << 24);   // offsets are exact in float
    }

    /** The max pool of {@code planes} contiguous planes; argmax indices are h·W + w within each plane. */
    static void forward(int planes, float[] x, int xOff, int H, int W, int outW, float[] y, int yOff,
                        int[] argmax, int aOff) {
        Pattern pat = PATTERNS[Integer.numberOfTrailingZeros(outW)];
        FloatVector l0 = FloatVector.fromArray(F, pat.low[0], 0);
        FloatVector l1 = FloatVector.fromArray(F, pat.low[1], 0);
        FloatVector l2 = FloatVector.fromArray(F, pat.low[2], 0);
        FloatVector l3 = FloatVector.fromArray(F, pat.low[3], 0);
        FloatVector h0 = FloatVector.fromArray(F, pat.high[0], 0);
        FloatVector h1 = FloatVector.fromArray(F, pat.high[1], 0);
        FloatVector h2 = FloatVector.fromArray(F, pat.high[2], 0);
        FloatVector h3 = FloatVector.fromArray(F, pat.high[3], 0);
        VectorMask<Float> m0 = VectorMask.fromArray(F, pat.fromHigh[0], 0);
        VectorMask<Float> m1 = VectorMask.fromArray(F, pat.fromHigh[1], 0);
        VectorMask<Float> m2 = VectorMask.fromArray(F, pat.fromHigh[2], 0);
        VectorMask<Float> m3 = VectorMask.fromArray(F, pat.fromHigh[3], 0);
        FloatVector o0 = FloatVector.fromArray(F, pat.offset[0], 0);
        FloatVector o1 = FloatVector.fromArray(F, pat.offset[1], 0);
        FloatVector o2 = FloatVector.fromArray(F, pat.offset[2], 0);
        FloatVector o3 = FloatVector.fromArray(F, pat.offset[3], 0);
        int plane = H * W;
        int blocks = planes * (plane / (4 * L));
        for (int b = 0; b < blocks; b++) {
            int in = xOff + 4 * L * b;
            FloatVector v0 = FloatVector.fromArray(F, x, in);
            FloatVector v1 = FloatVector.fromArray(F, x, in + L);
            FloatVector v2 = FloatVector.fromArray(F, x, in + 2 * L);
            FloatVector v3 = FloatVector.fromArray(F, x, in + 3 * L);
            // Candidates in row-major window order (VectorPool.replaces); the first starts the maximum.
            FloatVector m = l0.selectFrom(v0, v1).blend(h0.selectFrom(v2, v3), m0);
            FloatVector off = o0;
            FloatVector v = l1.selectFrom(v0, v1).blend(h1.selectFrom(v2, v3), m1);
            VectorMask<Float> win = VectorPool.replaces(v, m);
            m = m.blend(v, win);
            off = off.blend(o1, win);
            v = l2.selectFrom(v0, v1).blend(h2.selectFrom(v2, v3), m2);
            win = VectorPool.replaces(v, m);
            m = m.blend(v, win);
            off = off.blend(o2, win);
            v = l3.selectFrom(v0, v1).blend(h3.selectFrom(v2, v3), m3);
            win = VectorPool.replaces(v, m);
            m = m.blend(v, win);
            off = off.blend(o3, win);
            // The block's first input, within its plane: blocks never straddle planes (plane % 64 == 0).
            int inPlane = 4 * L * b % plane;
            IntVector index = (IntVector) off.add(inPlane).convert(VectorOperators.F2I, 0);
            m.intoArray(y, yOff + L * b);
            index.intoArray(argmax, aOff + L * b);
        }
    }

    /**
     * The backward of {@link #forward} over planes that {@link #supports} (H = 2·outH, W = 2·outW): every gx
     * element is set to its window's gradient if it is the window's argmax, else 0.
     */
    static void backward(int planes, float[] gy, int gyOff, int[] argmax, int aOff, int outH, int outW, float[] gx,
                         int gxOff) {
        int[][] src = SOURCES[Integer.numberOfTrailingZeros(outW)];
        VectorShuffle<Float> s0 = VectorShuffle.fromArray(F, src[0], 0);
        VectorShuffle<Float> s1 = VectorShuffle.fromArray(F, src[1], 0);
        VectorShuffle<Float> s2 = VectorShuffle.fromArray(F, src[2], 0);
        VectorShuffle<Float> s3 = VectorShuffle.fromArray(F, src[3], 0);
        FloatVector r0 = FloatVector.fromArray(F, RELATIVE, 0);
        FloatVector r1 = FloatVector.fromArray(F, RELATIVE, L);
        FloatVector r2 = FloatVector.fromArray(F, RELATIVE, 2 * L);
        FloatVector r3 = FloatVector.fromArray(F, RELATIVE, 3 * L);
        FloatVector zero = FloatVector.zero(F);
        int plane = 4 * outH * outW;
        int blocks = planes * (outH * outW / L);
        for (int b = 0; b < blocks; b++) {
            FloatVector g = FloatVector.fromArray(F, gy, gyOff + L * b);
            // Argmax relative to the block's first input (exact in float: plane < 2^24, see supports).
            FloatVector a = ((FloatVector) IntVector.fromArray(I, argmax, aOff + L * b)
                    .convert(VectorOperators.I2F, 0)).sub(4 * L * b % plane);
            int out = gxOff + 4 * L * b;
            zero.blend(g.rearrange(s0), a.rearrange(s0).eq(r0)).intoArray(gx, out);
            zero.blend(g.rearrange(s1), a.rearrange(s1).eq(r1)).intoArray(gx, out + L);
            zero.blend(g.rearrange(s2), a.rearrange(s2).eq(r2)).intoArray(gx, out + 2 * L);
            zero.blend(g.rearrange(s3), a.rearrange(s3).eq(r3)).intoArray(gx, out + 3 * L);
        }
    }
}
