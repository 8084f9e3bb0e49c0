package jtorch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import static jtorch.simd.ScalarWinograd5x5.SIXTH;
import static jtorch.simd.ScalarWinograd5x5.THIRD;
import static jtorch.simd.ScalarWinograd5x5.TWELFTH;
import static jtorch.simd.ScalarWinograd5x5.TWENTY_FOURTH;
import static jtorch.simd.ScalarWinograd5x5.TWO_THIRDS;

/**
 * The Winograd F(2x2, 5x5) transforms with the Vector API, one vector of channels at a time (channels are
 * innermost in every layout, so each position of a tile is one contiguous load or store). Same passes and the
 * same operations in the same order as {@link ScalarWinograd5x5}, so the results equal its bit for bit.
 */
final class VectorWinograd5x5 implements Winograd5x5Kernels {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final int L = F.length();

    @Override
    public void weights(float[] wp, int cin, int cout, int c0, int c1, float[] u) {
        int bw = DirectConv.blockWidth();
        int cols = DirectConv.paddedWidth(cout);
        int tapStride = cin * bw;
        int xiStride = cin * cols;
        float[] h = new float[30 * L];
        for (int c = c0; c < c1; c++) {
            for (int o = 0; o < cols; o += L) {
                int g = o / bw * 25 * tapStride + c * bw + o % bw;
                int at = (o / bw * cin + c) * bw + o % bw;
                for (int j = 0; j < 5; j++) {
                    expand(wp, g + j * tapStride, 5 * tapStride, h, j * L, 5 * L);
                }
                for (int i = 0; i < 6; i++) {
                    expand(h, 5 * i * L, L, u, at + 6 * i * xiStride, xiStride);
                }
            }
        }
    }

    /** As {@link ScalarWinograd5x5#expand}, a vector at each index. */
    private static void expand(float[] src, int s, int ss, float[] dst, int d, int ds) {
        FloatVector a0 = FloatVector.fromArray(F, src, s);
        FloatVector a1 = FloatVector.fromArray(F, src, s + ss);
        FloatVector a2 = FloatVector.fromArray(F, src, s + 2 * ss);
        FloatVector a3 = FloatVector.fromArray(F, src, s + 3 * ss);
        FloatVector a4 = FloatVector.fromArray(F, src, s + 4 * ss);
        FloatVector e = a0.add(a2).add(a4);
        FloatVector o = a1.add(a3);
        FloatVector p = a0.mul(TWENTY_FOURTH).add(a2.mul(SIXTH)).add(a4.mul(TWO_THIRDS));
        FloatVector q = a1.mul(TWELFTH).add(a3.mul(THIRD));
        a0.mul(0.25f).intoArray(dst, d);
        e.add(o).mul(-SIXTH).intoArray(dst, d + ds);
        e.sub(o).mul(-SIXTH).intoArray(dst, d + 2 * ds);
        p.add(q).intoArray(dst, d + 3 * ds);
        p.sub(q).intoArray(dst, d + 4 * ds);
        a4.intoArray(dst, d + 5 * ds);
    }

    @Override
    public void input(float[] x, int channels, int height, int width, int t0, int t1, float[] v, int tiles) {
        int row = width * channels;
        int xiStride = Winograd5x5.planeStride(tiles, channels);
        float[] e = new float[36 * L];
        for (int t = t0; t < t1; t++) {
            int base = Winograd5x5.tileOrigin(t, channels, height, width);
            for (int ch = 0; ch < channels; ch += L) {
                for (int i = 0; i < 6; i++) {
                    data(x, base + ch + i * row, channels, e, 6 * i * L, L);
                }
                for (int k = 0; k < 6; k++) {
                    data(e, k * L, 6 * L, v, t * channels + ch + k * xiStride, 6 * xiStride);
                }
            }
        }
    }

    /** As {@link ScalarWinograd5x5#data}, a vector at each index. */
    private static void data(float[] src, int s, int ss, float[] dst, int d, int ds) {
        FloatVector d0 = FloatVector.fromArray(F, src, s);
        FloatVector d1 = FloatVector.fromArray(F, src, s + ss);
        FloatVector d2 = FloatVector.fromArray(F, src, s + 2 * ss);
        FloatVector d3 = FloatVector.fromArray(F, src, s + 3 * ss);
        FloatVector d4 = FloatVector.fromArray(F, src, s + 4 * ss);
        FloatVector d5 = FloatVector.fromArray(F, src, s + 5 * ss);
        FloatVector m = d4.sub(d2);
        FloatVector n = d3.sub(d1).mul(2f);
        d0.mul(4f).sub(d2.mul(5f)).add(d4).intoArray(dst, d);
        d3.add(d4).sub(d1.add(d2).mul(4f)).intoArray(dst, d + ds);
        d4.sub(d3).add(d1.sub(d2).mul(4f)).intoArray(dst, d + 2 * ds);
        m.add(n).intoArray(dst, d + 3 * ds);
        m.sub(n).intoArray(dst, d + 4 * ds);
        d1.mul(4f).sub(d3.mul(5f)).add(d5).intoArray(dst, d + 5 * ds);
    }

    @Override
    public void output(float[] m, int tiles, int cols, int height, int width, int t0, int t1, float[] y) {
        int xiStride = Winograd5x5.planeStride(tiles, cols);
        int row = (width - 4) * cols;
        float[] a = new float[12 * L];
        for (int t = t0; t < t1; t++) {
            int base = Winograd5x5.outputOrigin(t, cols, height, width);
            for (int o = 0; o < cols; o += L) {
                for (int j = 0; j < 6; j++) {
                    result(m, t * cols + o + j * xiStride, 6 * xiStride, a, j * L, 6 * L);
                }
                result(a, 0, L, y, base + o, cols);
                result(a, 6 * L, L, y, base + o + row, cols);
            }
        }
    }

    /** As {@link ScalarWinograd5x5#result}, a vector at each index. */
    private static void result(float[] src, int s, int ss, float[] dst, int d, int ds) {
        FloatVector s0 = FloatVector.fromArray(F, src, s);
        FloatVector s1 = FloatVector.fromArray(F, src, s + ss);
        FloatVector s2 = FloatVector.fromArray(F, src, s + 2 * ss);
        FloatVector s3 = FloatVector.fromArray(F, src, s + 3 * ss);
        FloatVector s4 = FloatVector.fromArray(F, src, s + 4 * ss);
        FloatVector s5 = FloatVector.fromArray(F, src, s + 5 * ss);
        s0.add(s1.add(s2)).add(s3.add(s4)).intoArray(dst, d);
        s1.sub(s2).add(s3.sub(s4).mul(2f)).add(s5).intoArray(dst, d + ds);
    }

    @Override
    public void gradient(float[] gy, int cols, int height, int width, int t0, int t1, float[] w, int tiles) {
        int xiStride = Winograd5x5.planeStride(tiles, cols);
        int row = (width - 4) * cols;
        float[] h = new float[12 * L];
        for (int t = t0; t < t1; t++) {
            int base = Winograd5x5.outputOrigin(t, cols, height, width);
            for (int j = 0; j < cols; j += L) {
                for (int q = 0; q < 2; q++) {
                    spread(gy, base + j + q * cols, row, h, q * L, 2 * L);
                }
                for (int i = 0; i < 6; i++) {
                    spread(h, 2 * i * L, L, w, t * cols + j + 6 * i * xiStride, xiStride);
                }
            }
        }
    }

    /** As {@link ScalarWinograd5x5#spread}, a vector at each index. */
    private static void spread(float[] src, int s, int ss, float[] dst, int d, int ds) {
        FloatVector a0 = FloatVector.fromArray(F, src, s);
        FloatVector a1 = FloatVector.fromArray(F, src, s + ss);
        FloatVector e = a0.mul(TWENTY_FOURTH);
        FloatVector f = a1.mul(TWELFTH);
        a0.mul(0.25f).intoArray(dst, d);
        a0.add(a1).mul(-SIXTH).intoArray(dst, d + ds);
        a0.sub(a1).mul(-SIXTH).intoArray(dst, d + 2 * ds);
        e.add(f).intoArray(dst, d + 3 * ds);
        e.sub(f).intoArray(dst, d + 4 * ds);
        a1.intoArray(dst, d + 5 * ds);
    }

    @Override
    public void weightResult(float[] m, int cin, int cols, int c0, int c1, float[] dw) {
        int xiStride = cin * cols;
        float[] a = new float[30 * L];
        for (int c = c0; c < c1; c++) {
            for (int o = 0; o < cols; o += L) {
                int at = c * cols + o;
                for (int j = 0; j < 6; j++) {
                    collapse(m, at + j * xiStride, 6 * xiStride, a, j * L, 6 * L);
                }
                for (int r = 0; r < 5; r++) {
                    collapse(a, 6 * r * L, L, dw, (r * 5 * cin + c) * cols + o, cin * cols);
                }
            }
        }
    }

    /** As {@link ScalarWinograd5x5#collapse}, a vector at each index. */
    private static void collapse(float[] src, int s, int ss, float[] dst, int d, int ds) {
        FloatVector s0 = FloatVector.fromArray(F, src, s);
        FloatVector s1 = FloatVector.fromArray(F, src, s + ss);
        FloatVector s2 = FloatVector.fromArray(F, src, s + 2 * ss);
        FloatVector s3 = FloatVector.fromArray(F, src, s + 3 * ss);
        FloatVector s4 = FloatVector.fromArray(F, src, s + 4 * ss);
        FloatVector s5 = FloatVector.fromArray(F, src, s + 5 * ss);
        FloatVector p = s1.add(s2);
        FloatVector q = s1.sub(s2);
        FloatVector u = s3.add(s4);
        FloatVector v = s3.sub(s4);
        s0.add(p).add(u).intoArray(dst, d);
        q.add(v.mul(2f)).intoArray(dst, d + ds);
        p.add(u.mul(4f)).intoArray(dst, d + 2 * ds);
        q.add(v.mul(8f)).intoArray(dst, d + 3 * ds);
        p.add(u.mul(16f)).add(s5).intoArray(dst, d + 4 * ds);
    }
}
