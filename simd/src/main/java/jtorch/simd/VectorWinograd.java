package jtorch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Winograd F(2x2, 3x3) transforms with the Vector API, one vector of channels at a time (channels are
 * innermost in every layout, so each of the 16 positions of a tile is one contiguous load or store). The
 * additions follow {@link Winograd#kernel}, {@link Winograd#data} and {@link Winograd#result} in order, so the
 * results equal {@link ScalarWinograd}'s bit for bit.
 */
final class VectorWinograd implements WinogradKernels {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final int L = F.length();

    @Override
    public void weights(float[] wp, int cin, int cout, int c0, int c1, float[] u) {
        int bw = DirectConv.blockWidth();
        int tapStride = cin * bw;
        int xiStride = cin * cout;
        for (int c = c0; c < c1; c++) {
            for (int o = 0; o < cout; o += L) {
                int g = o / bw * 9 * tapStride + c * bw + o % bw;
                int at = c * cout + o;
                // Columns first (G g), then rows ((G g) Gᵀ), as Winograd.kernel.
                FloatVector h00 = FloatVector.fromArray(F, wp, g);
                FloatVector h01 = FloatVector.fromArray(F, wp, g + tapStride);
                FloatVector h02 = FloatVector.fromArray(F, wp, g + 2 * tapStride);
                FloatVector g10 = FloatVector.fromArray(F, wp, g + 3 * tapStride);
                FloatVector g11 = FloatVector.fromArray(F, wp, g + 4 * tapStride);
                FloatVector g12 = FloatVector.fromArray(F, wp, g + 5 * tapStride);
                FloatVector h30 = FloatVector.fromArray(F, wp, g + 6 * tapStride);
                FloatVector h31 = FloatVector.fromArray(F, wp, g + 7 * tapStride);
                FloatVector h32 = FloatVector.fromArray(F, wp, g + 8 * tapStride);
                FloatVector s0 = h00.add(h30);
                FloatVector s1 = h01.add(h31);
                FloatVector s2 = h02.add(h32);
                kernelRow(h00, h01, h02, u, at, xiStride);
                kernelRow(s0.add(g10).mul(0.5f), s1.add(g11).mul(0.5f), s2.add(g12).mul(0.5f), u,
                        at + 4 * xiStride, xiStride);
                kernelRow(s0.sub(g10).mul(0.5f), s1.sub(g11).mul(0.5f), s2.sub(g12).mul(0.5f), u,
                        at + 8 * xiStride, xiStride);
                kernelRow(h30, h31, h32, u, at + 12 * xiStride, xiStride);
            }
        }
    }

    /** One row of (G g) Gᵀ: four positions from three. */
    private static void kernelRow(FloatVector x, FloatVector y, FloatVector z, float[] u, int at, int stride) {
        FloatVector s = x.add(z);
        x.intoArray(u, at);
        s.add(y).mul(0.5f).intoArray(u, at + stride);
        s.sub(y).mul(0.5f).intoArray(u, at + 2 * stride);
        z.intoArray(u, at + 3 * stride);
    }

    @Override
    public void input(float[] x, int channels, int height, int width, int t0, int t1, float[] v, int first,
                      int count) {
        int tc = count;
        int row = width * channels;
        int xiStride = tc * channels;
        for (int t = t0; t < t1; t++) {
            int base = Winograd.tileOrigin(t, channels, height, width);
            int out = (t - first) * channels;
            for (int ch = 0; ch < channels; ch += L) {
                int b = base + ch;
                // e_ij: the columns of row i combined (d B), as Winograd.data; then the rows (Bᵀ (d B)).
                for (int j = 0; j < 4; j++) {
                    int p = j == 0 ? 0 : j == 2 ? 2 : 1;
                    int q = j == 0 || j == 1 ? 2 : j == 2 ? 1 : 3;
                    FloatVector e0 = combine(x, b + p * channels, b + q * channels, j);
                    FloatVector e1 = combine(x, b + row + p * channels, b + row + q * channels, j);
                    FloatVector e2 = combine(x, b + 2 * row + p * channels, b + 2 * row + q * channels, j);
                    FloatVector e3 = combine(x, b + 3 * row + p * channels, b + 3 * row + q * channels, j);
                    int at = out + ch + j * xiStride;
                    e0.sub(e2).intoArray(v, at);
                    e1.add(e2).intoArray(v, at + 4 * xiStride);
                    e2.sub(e1).intoArray(v, at + 8 * xiStride);
                    e1.sub(e3).intoArray(v, at + 12 * xiStride);
                }
            }
        }
    }

    /** d_p + d_q for column 1 of d B, d_p - d_q for the others. */
    private static FloatVector combine(float[] x, int p, int q, int j) {
        FloatVector a = FloatVector.fromArray(F, x, p);
        FloatVector b = FloatVector.fromArray(F, x, q);
        return j == 1 ? a.add(b) : a.sub(b);
    }

    @Override
    public void output(float[] m, int first, int count, int channels, int height, int width, int t0, int t1,
                       float[] y) {
        int tc = count;
        int xiStride = tc * channels;
        int row = (width - 2) * channels;
        for (int t = t0; t < t1; t++) {
            int base = Winograd.outputOrigin(t, channels, height, width);
            int in = (t - first) * channels;
            for (int oc = 0; oc < channels; oc += L) {
                int at = in + oc;
                // Rows first (Aᵀ s), then columns ((Aᵀ s) A), as Winograd.result.
                FloatVector a0 = top(m, at, xiStride);
                FloatVector a1 = top(m, at + xiStride, xiStride);
                FloatVector a2 = top(m, at + 2 * xiStride, xiStride);
                FloatVector a3 = top(m, at + 3 * xiStride, xiStride);
                FloatVector b0 = bottom(m, at, xiStride);
                FloatVector b1 = bottom(m, at + xiStride, xiStride);
                FloatVector b2 = bottom(m, at + 2 * xiStride, xiStride);
                FloatVector b3 = bottom(m, at + 3 * xiStride, xiStride);
                int o = base + oc;
                a0.add(a1).add(a2).intoArray(y, o);
                a1.sub(a2).sub(a3).intoArray(y, o + channels);
                b0.add(b1).add(b2).intoArray(y, o + row);
                b1.sub(b2).sub(b3).intoArray(y, o + row + channels);
            }
        }
    }

    /** Row 0 of Aᵀ s at column j (s_0j + s_1j + s_2j); {@code at} is s_0j's index. */
    private static FloatVector top(float[] m, int at, int xiStride) {
        return FloatVector.fromArray(F, m, at).add(FloatVector.fromArray(F, m, at + 4 * xiStride))
                .add(FloatVector.fromArray(F, m, at + 8 * xiStride));
    }

    /** Row 1 of Aᵀ s at column j (s_1j - s_2j - s_3j). */
    private static FloatVector bottom(float[] m, int at, int xiStride) {
        return FloatVector.fromArray(F, m, at + 4 * xiStride).sub(FloatVector.fromArray(F, m, at + 8 * xiStride))
                .sub(FloatVector.fromArray(F, m, at + 12 * xiStride));
    }
}
