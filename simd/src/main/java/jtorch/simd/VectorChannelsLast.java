package jtorch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Planar/channels-last transposes in 16 x 16 register blocks: 16 vector loads, 4 rounds of 16 two-source lane
 * selections ({@code selectFrom}, one {@code vpermt2ps} each), 16 vector stores. Round k swaps bit k of the
 * vector index with bit k of the lane index, so after 4 rounds vector i holds what was lane i of every vector.
 * Rows and channels outside whole blocks go through {@link ScalarChannelsLast}, as does everything when vectors
 * are not 16 lanes wide.
 *
 * <p>PERF: 32 channels x 196 pixels, one core: 0.14-0.18 ns per element, against 0.28-0.34 for the scalar twin.
 */
final class VectorChannelsLast implements ChannelsLastKernels {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final int B = 16;
    private static final boolean BLOCKS = F.length() == B;
    private static final ScalarChannelsLast EDGE = new ScalarChannelsLast();
    /** For round k, at 32·k: the selection indexes of the low vector of each pair, then those of the high one. */
    private static final float[] SWAP = new float[8 * B];
    /**
     * Pixels per span: within a span the channel blocks go outermost, so the planar side is read or written 16
     * planes at a time, as runs the hardware prefetchers follow, while the span's channels-last side (256 pixels)
     * stays in cache. PERF: pixel blocks outermost kept every plane of the image open at once (64 streams at 64
     * channels); VGG16's 64-channel 224-pixel transposes then took a quarter of its 64->64 layer.
     */
    private static final int SPAN = 256;

    static {
        for (int k = 0; k < 4; k++) {
            int bit = 1 << k;
            for (int p = 0; p < B; p++) {
                boolean set = (p & bit) != 0;
                SWAP[2 * k * B + p] = set ? B + p - bit : p;
                SWAP[(2 * k + 1) * B + p] = set ? B + p : p + bit;
            }
        }
    }

    @Override
    public void toChannelsLast(float[] src, int sOff, int plane, int count, int ch, float[] dst, int dOff, int ld,
                               int rowLen, int rowGap) {
        int qb = BLOCKS ? count / B * B : 0;
        int cb = BLOCKS ? ch / B * B : 0;
        if (cb > 0) {
            // Blocks of 16 pixels run across row ends; each pixel's destination is tracked as they go. The pixels go
            // in spans of SPAN, all channel blocks of a span before the next span (see SPAN).
            int[] off = new int[SPAN];
            int x = 0;
            int pix = 0;
            for (int q0 = 0; q0 < qb; q0 += SPAN) {
                int span = Math.min(SPAN, qb - q0);
                for (int p = 0; p < span; p++) {
                    off[p] = dOff + pix * ld;
                    pix++;
                    if (++x == rowLen) {
                        x = 0;
                        pix += rowGap;
                    }
                }
                for (int c = 0; c < cb; c += B) {
                    for (int q = 0; q < span; q += B) {
                        block(src, sOff + c * plane + q0 + q, plane, null, 0, false, dst, off, q, c);
                    }
                }
            }
            for (int q = qb; q < count; q++) {
                int d = dOff + (q + q / rowLen * rowGap) * ld;
                for (int c = 0; c < cb; c++) {
                    dst[d + c] = src[sOff + c * plane + q];
                }
            }
        }
        if (cb < ch) {
            EDGE.toChannelsLast(src, sOff + cb * plane, plane, count, ch - cb, dst, dOff + cb, ld, rowLen, rowGap);
        }
    }

    @Override
    public void fromChannelsLast(float[] src, int sOff, int ld, int ch, int count, int plane, float[] bias,
                                 int biasOff, boolean accumulate, float[] dst, int dOff) {
        int qb = BLOCKS ? count / B * B : 0;
        int cb = BLOCKS ? ch / B * B : 0;
        int[] planes = new int[B];
        for (int i = 0; i < B; i++) {
            planes[i] = i * plane;
        }
        for (int q0 = 0; q0 < qb; q0 += SPAN) {
            int end = Math.min(qb, q0 + SPAN);
            for (int c = 0; c < cb; c += B) {
                for (int q = q0; q < end; q += B) {
                    block(src, sOff + q * ld + c, ld, bias, bias == null ? 0 : biasOff + c, accumulate, dst, planes, 0,
                            dOff + c * plane + q);
                }
            }
        }
        if (cb < ch) {
            EDGE.fromChannelsLast(src, sOff + cb, ld, ch - cb, count, plane, bias, biasOff + cb, accumulate, dst,
                    dOff + cb * plane);
        }
        if (qb < count) {
            ScalarChannelsLast.fromPixels(src, sOff, ld, cb, count, plane, qb, bias, biasOff, accumulate, dst, dOff);
        }
    }

    /**
     * The 16 x 16 block transpose both directions share:
     * {@code dst[off[first + i] + add + p] (+)= src[s + p·stride + i] + bias[biasOff + i]} for i, p < 16 (no bias
     * when {@code bias} is null, overwriting unless {@code accumulate}).
     */
    private static void block(float[] src, int s, int stride, float[] bias, int biasOff, boolean accumulate,
                              float[] dst, int[] off, int first, int add) {
        FloatVector r0 = FloatVector.fromArray(F, src, s);
        FloatVector r1 = FloatVector.fromArray(F, src, s + stride);
        FloatVector r2 = FloatVector.fromArray(F, src, s + 2 * stride);
        FloatVector r3 = FloatVector.fromArray(F, src, s + 3 * stride);
        FloatVector r4 = FloatVector.fromArray(F, src, s + 4 * stride);
        FloatVector r5 = FloatVector.fromArray(F, src, s + 5 * stride);
        FloatVector r6 = FloatVector.fromArray(F, src, s + 6 * stride);
        FloatVector r7 = FloatVector.fromArray(F, src, s + 7 * stride);
        FloatVector r8 = FloatVector.fromArray(F, src, s + 8 * stride);
        FloatVector r9 = FloatVector.fromArray(F, src, s + 9 * stride);
        FloatVector r10 = FloatVector.fromArray(F, src, s + 10 * stride);
        FloatVector r11 = FloatVector.fromArray(F, src, s + 11 * stride);
        FloatVector r12 = FloatVector.fromArray(F, src, s + 12 * stride);
        FloatVector r13 = FloatVector.fromArray(F, src, s + 13 * stride);
        FloatVector r14 = FloatVector.fromArray(F, src, s + 14 * stride);
        FloatVector r15 = FloatVector.fromArray(F, src, s + 15 * stride);
        FloatVector t;
        FloatVector lo0 = FloatVector.fromArray(F, SWAP, 0 * 16);
        FloatVector hi0 = FloatVector.fromArray(F, SWAP, 1 * 16);
        FloatVector lo1 = FloatVector.fromArray(F, SWAP, 2 * 16);
        FloatVector hi1 = FloatVector.fromArray(F, SWAP, 3 * 16);
        FloatVector lo2 = FloatVector.fromArray(F, SWAP, 4 * 16);
        FloatVector hi2 = FloatVector.fromArray(F, SWAP, 5 * 16);
        FloatVector lo3 = FloatVector.fromArray(F, SWAP, 6 * 16);
        FloatVector hi3 = FloatVector.fromArray(F, SWAP, 7 * 16);
        t = lo0.selectFrom(r0, r1);
        r1 = hi0.selectFrom(r0, r1);
        r0 = t;
        t = lo0.selectFrom(r2, r3);
        r3 = hi0.selectFrom(r2, r3);
        r2 = t;
        t = lo0.selectFrom(r4, r5);
        r5 = hi0.selectFrom(r4, r5);
        r4 = t;
        t = lo0.selectFrom(r6, r7);
        r7 = hi0.selectFrom(r6, r7);
        r6 = t;
        t = lo0.selectFrom(r8, r9);
        r9 = hi0.selectFrom(r8, r9);
        r8 = t;
        t = lo0.selectFrom(r10, r11);
        r11 = hi0.selectFrom(r10, r11);
        r10 = t;
        t = lo0.selectFrom(r12, r13);
        r13 = hi0.selectFrom(r12, r13);
        r12 = t;
        t = lo0.selectFrom(r14, r15);
        r15 = hi0.selectFrom(r14, r15);
        r14 = t;
        t = lo1.selectFrom(r0, r2);
        r2 = hi1.selectFrom(r0, r2);
        r0 = t;
        t = lo1.selectFrom(r1, r3);
        r3 = hi1.selectFrom(r1, r3);
        r1 = t;
        t = lo1.selectFrom(r4, r6);
        r6 = hi1.selectFrom(r4, r6);
        r4 = t;
        t = lo1.selectFrom(r5, r7);
        r7 = hi1.selectFrom(r5, r7);
        r5 = t;
        t = lo1.selectFrom(r8, r10);
        r10 = hi1.selectFrom(r8, r10);
        r8 = t;
        t = lo1.selectFrom(r9, r11);
        r11 = hi1.selectFrom(r9, r11);
        r9 = t;
        t = lo1.selectFrom(r12, r14);
        r14 = hi1.selectFrom(r12, r14);
        r12 = t;
        t = lo1.selectFrom(r13, r15);
        r15 = hi1.selectFrom(r13, r15);
        r13 = t;
        t = lo2.selectFrom(r0, r4);
        r4 = hi2.selectFrom(r0, r4);
        r0 = t;
        t = lo2.selectFrom(r1, r5);
        r5 = hi2.selectFrom(r1, r5);
        r1 = t;
        t = lo2.selectFrom(r2, r6);
        r6 = hi2.selectFrom(r2, r6);
        r2 = t;
        t = lo2.selectFrom(r3, r7);
        r7 = hi2.selectFrom(r3, r7);
        r3 = t;
        t = lo2.selectFrom(r8, r12);
        r12 = hi2.selectFrom(r8, r12);
        r8 = t;
        t = lo2.selectFrom(r9, r13);
        r13 = hi2.selectFrom(r9, r13);
        r9 = t;
        t = lo2.selectFrom(r10, r14);
        r14 = hi2.selectFrom(r10, r14);
        r10 = t;
        t = lo2.selectFrom(r11, r15);
        r15 = hi2.selectFrom(r11, r15);
        r11 = t;
        t = lo3.selectFrom(r0, r8);
        r8 = hi3.selectFrom(r0, r8);
        r0 = t;
        t = lo3.selectFrom(r1, r9);
        r9 = hi3.selectFrom(r1, r9);
        r1 = t;
        t = lo3.selectFrom(r2, r10);
        r10 = hi3.selectFrom(r2, r10);
        r2 = t;
        t = lo3.selectFrom(r3, r11);
        r11 = hi3.selectFrom(r3, r11);
        r3 = t;
        t = lo3.selectFrom(r4, r12);
        r12 = hi3.selectFrom(r4, r12);
        r4 = t;
        t = lo3.selectFrom(r5, r13);
        r13 = hi3.selectFrom(r5, r13);
        r5 = t;
        t = lo3.selectFrom(r6, r14);
        r14 = hi3.selectFrom(r6, r14);
        r6 = t;
        t = lo3.selectFrom(r7, r15);
        r15 = hi3.selectFrom(r7, r15);
        r7 = t;
        if (bias != null) {
            r0 = r0.add(bias[biasOff + 0]);
            r1 = r1.add(bias[biasOff + 1]);
            r2 = r2.add(bias[biasOff + 2]);
            r3 = r3.add(bias[biasOff + 3]);
            r4 = r4.add(bias[biasOff + 4]);
            r5 = r5.add(bias[biasOff + 5]);
            r6 = r6.add(bias[biasOff + 6]);
            r7 = r7.add(bias[biasOff + 7]);
            r8 = r8.add(bias[biasOff + 8]);
            r9 = r9.add(bias[biasOff + 9]);
            r10 = r10.add(bias[biasOff + 10]);
            r11 = r11.add(bias[biasOff + 11]);
            r12 = r12.add(bias[biasOff + 12]);
            r13 = r13.add(bias[biasOff + 13]);
            r14 = r14.add(bias[biasOff + 14]);
            r15 = r15.add(bias[biasOff + 15]);
        }
        if (accumulate) {
            r0 = r0.add(FloatVector.fromArray(F, dst, off[first] + add));
            r1 = r1.add(FloatVector.fromArray(F, dst, off[first + 1] + add));
            r2 = r2.add(FloatVector.fromArray(F, dst, off[first + 2] + add));
            r3 = r3.add(FloatVector.fromArray(F, dst, off[first + 3] + add));
            r4 = r4.add(FloatVector.fromArray(F, dst, off[first + 4] + add));
            r5 = r5.add(FloatVector.fromArray(F, dst, off[first + 5] + add));
            r6 = r6.add(FloatVector.fromArray(F, dst, off[first + 6] + add));
            r7 = r7.add(FloatVector.fromArray(F, dst, off[first + 7] + add));
            r8 = r8.add(FloatVector.fromArray(F, dst, off[first + 8] + add));
            r9 = r9.add(FloatVector.fromArray(F, dst, off[first + 9] + add));
            r10 = r10.add(FloatVector.fromArray(F, dst, off[first + 10] + add));
            r11 = r11.add(FloatVector.fromArray(F, dst, off[first + 11] + add));
            r12 = r12.add(FloatVector.fromArray(F, dst, off[first + 12] + add));
            r13 = r13.add(FloatVector.fromArray(F, dst, off[first + 13] + add));
            r14 = r14.add(FloatVector.fromArray(F, dst, off[first + 14] + add));
            r15 = r15.add(FloatVector.fromArray(F, dst, off[first + 15] + add));
        }
        r0.intoArray(dst, off[first] + add);
        r1.intoArray(dst, off[first + 1] + add);
        r2.intoArray(dst, off[first + 2] + add);
        r3.intoArray(dst, off[first + 3] + add);
        r4.intoArray(dst, off[first + 4] + add);
        r5.intoArray(dst, off[first + 5] + add);
        r6.intoArray(dst, off[first + 6] + add);
        r7.intoArray(dst, off[first + 7] + add);
        r8.intoArray(dst, off[first + 8] + add);
        r9.intoArray(dst, off[first + 9] + add);
        r10.intoArray(dst, off[first + 10] + add);
        r11.intoArray(dst, off[first + 11] + add);
        r12.intoArray(dst, off[first + 12] + add);
        r13.intoArray(dst, off[first + 13] + add);
        r14.intoArray(dst, off[first + 14] + add);
        r15.intoArray(dst, off[first + 15] + add);
    }
}
