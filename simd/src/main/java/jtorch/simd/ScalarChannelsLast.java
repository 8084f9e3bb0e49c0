package jtorch.simd;

/** Plain-Java twin of {@link VectorChannelsLast}, and its edge handler for blocks smaller than 16 x 16. */
final class ScalarChannelsLast implements ChannelsLastKernels {
    /**
     * Eight pixels at a time, so each pass over the channels writes or reads 8 neighbours of one cache line (twice
     * the speed of the plain double loop).
     */
    @Override
    public void toChannelsLast(float[] src, int sOff, int plane, int count, int ch, float[] dst, int dOff, int ld,
                               int rowLen, int rowGap) {
        for (int r0 = 0, row = 0; r0 < count; r0 += rowLen, row++) {
            row(src, sOff + r0, plane, Math.min(rowLen, count - r0), ch, dst, dOff + (r0 + row * rowGap) * ld, ld);
        }
    }

    private static void row(float[] src, int sOff, int plane, int count, int ch, float[] dst, int dOff, int ld) {
        int q = 0;
        for (; q + 8 <= count; q += 8) {
            for (int c = 0; c < ch; c++) {
                int s = sOff + c * plane + q;
                int d = dOff + q * ld + c;
                dst[d] = src[s];
                dst[d + ld] = src[s + 1];
                dst[d + 2 * ld] = src[s + 2];
                dst[d + 3 * ld] = src[s + 3];
                dst[d + 4 * ld] = src[s + 4];
                dst[d + 5 * ld] = src[s + 5];
                dst[d + 6 * ld] = src[s + 6];
                dst[d + 7 * ld] = src[s + 7];
            }
        }
        for (; q < count; q++) {
            for (int c = 0; c < ch; c++) {
                dst[dOff + q * ld + c] = src[sOff + c * plane + q];
            }
        }
    }

    @Override
    public void fromChannelsLast(float[] src, int sOff, int ld, int ch, int count, int plane, float[] bias,
                                 int biasOff, boolean accumulate, float[] dst, int dOff) {
        int q = 0;
        for (; q + 8 <= count; q += 8) {
            for (int c = 0; c < ch; c++) {
                // -0f, not 0f, when there is no bias: x + -0f is x for every x, -0 included.
                float b = bias == null ? -0f : bias[biasOff + c];
                int si = sOff + q * ld + c;
                int di = dOff + c * plane + q;
                float v0 = src[si] + b;
                float v1 = src[si + ld] + b;
                float v2 = src[si + 2 * ld] + b;
                float v3 = src[si + 3 * ld] + b;
                float v4 = src[si + 4 * ld] + b;
                float v5 = src[si + 5 * ld] + b;
                float v6 = src[si + 6 * ld] + b;
                float v7 = src[si + 7 * ld] + b;
                if (accumulate) {
                    v0 += dst[di];
                    v1 += dst[di + 1];
                    v2 += dst[di + 2];
                    v3 += dst[di + 3];
                    v4 += dst[di + 4];
                    v5 += dst[di + 5];
                    v6 += dst[di + 6];
                    v7 += dst[di + 7];
                }
                dst[di] = v0;
                dst[di + 1] = v1;
                dst[di + 2] = v2;
                dst[di + 3] = v3;
                dst[di + 4] = v4;
                dst[di + 5] = v5;
                dst[di + 6] = v6;
                dst[di + 7] = v7;
            }
        }
        fromPixels(src, sOff, ld, ch, count, plane, q, bias, biasOff, accumulate, dst, dOff);
    }

    /**
     * {@link #fromChannelsLast} for pixels {@code [q0, count)} of channels {@code [0, ch)} only, one element at a
     * time: the tail of this kernel's 8-pixel steps and of the vector kernel's 16 x 16 blocks.
     */
    static void fromPixels(float[] src, int sOff, int ld, int ch, int count, int plane, int q0, float[] bias,
                           int biasOff, boolean accumulate, float[] dst, int dOff) {
        for (int q = q0; q < count; q++) {
            for (int c = 0; c < ch; c++) {
                float v = src[sOff + q * ld + c] + (bias == null ? -0f : bias[biasOff + c]);
                int di = dOff + c * plane + q;
                dst[di] = accumulate ? dst[di] + v : v;
            }
        }
    }
}
