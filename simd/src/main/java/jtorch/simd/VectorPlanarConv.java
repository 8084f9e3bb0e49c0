package jtorch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Planar direct-convolution tiles. Forward: 8 output channels x 2 vectors of pixels of one output row in 16
 * accumulators; each filter tap loads two vectors of the (zero-padded) input row at the tap's shift and
 * broadcasts the 8 channels' weights, 16 FMAs per 10 loads, as in the SGEMM tile. Weight gradient: 4 output
 * channels x 4 taps, each accumulator a vector of per-lane partial sums over the image's pixels.
 *
 * <p>Needs output rows at least one vector wide ({@link #minWidth()}); {@link PlanarConv} sends narrower ones
 * to the scalar twin. Ragged row ends are handled inside the row (see the loops), so nothing outside it is read
 * or written.
 */
final class VectorPlanarConv implements PlanarConvKernels {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final int L = F.length();
    private static final int B = PlanarConv.OC_BLOCK;
    /** L zeros then L ones: the L floats at {@code KEEP[n]} are 1 in a vector's last n lanes, 0 in the others. */
    private static final float[] KEEP = new float[2 * L];

    static {
        java.util.Arrays.fill(KEEP, L, 2 * L, 1f);
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public int minWidth() {
        return L;
    }

    @Override
    public void forwardRow(float[] x, int xRow, int[] tapOff, int kTaps, float[] wp, int wpOff, float[] bias,
                           int biasOff, int ocs, float[] out, int outOff, int plane, int outW) {
        for (int x0 = 0; x0 < outW; x0 += 2 * L) {
            // The row's last strip is moved back to end at outW, overlapping pixels already written (recomputed by
            // the same FMAs, so rewritten with the same bits): every load and store stays inside the row, no masks.
            int rem = outW - x0;
            int s0 = rem >= L ? x0 : outW - L;
            int s1 = rem >= 2 * L ? x0 + L : outW - L;
            FloatVector c00 = initial(bias, biasOff, 0, ocs);
            FloatVector c10 = initial(bias, biasOff, 1, ocs);
            FloatVector c20 = initial(bias, biasOff, 2, ocs);
            FloatVector c30 = initial(bias, biasOff, 3, ocs);
            FloatVector c40 = initial(bias, biasOff, 4, ocs);
            FloatVector c50 = initial(bias, biasOff, 5, ocs);
            FloatVector c60 = initial(bias, biasOff, 6, ocs);
            FloatVector c70 = initial(bias, biasOff, 7, ocs);
            FloatVector c01 = c00;
            FloatVector c11 = c10;
            FloatVector c21 = c20;
            FloatVector c31 = c30;
            FloatVector c41 = c40;
            FloatVector c51 = c50;
            FloatVector c61 = c60;
            FloatVector c71 = c70;
            int d1 = s1 - s0;
            for (int k = 0, wi = wpOff; k < kTaps; k++, wi += B) {
                int xi = xRow + s0 + tapOff[k];
                FloatVector v0 = FloatVector.fromArray(F, x, xi);
                FloatVector v1 = FloatVector.fromArray(F, x, xi + d1);
                FloatVector w0 = FloatVector.broadcast(F, wp[wi]);
                c00 = w0.fma(v0, c00);
                c01 = w0.fma(v1, c01);
                FloatVector w1 = FloatVector.broadcast(F, wp[wi + 1]);
                c10 = w1.fma(v0, c10);
                c11 = w1.fma(v1, c11);
                FloatVector w2 = FloatVector.broadcast(F, wp[wi + 2]);
                c20 = w2.fma(v0, c20);
                c21 = w2.fma(v1, c21);
                FloatVector w3 = FloatVector.broadcast(F, wp[wi + 3]);
                c30 = w3.fma(v0, c30);
                c31 = w3.fma(v1, c31);
                FloatVector w4 = FloatVector.broadcast(F, wp[wi + 4]);
                c40 = w4.fma(v0, c40);
                c41 = w4.fma(v1, c41);
                FloatVector w5 = FloatVector.broadcast(F, wp[wi + 5]);
                c50 = w5.fma(v0, c50);
                c51 = w5.fma(v1, c51);
                FloatVector w6 = FloatVector.broadcast(F, wp[wi + 6]);
                c60 = w6.fma(v0, c60);
                c61 = w6.fma(v1, c61);
                FloatVector w7 = FloatVector.broadcast(F, wp[wi + 7]);
                c70 = w7.fma(v0, c70);
                c71 = w7.fma(v1, c71);
            }
            // NOTE: stores written out, not in a helper, for the reason given in SgemmMicroKernel.
            int o0 = outOff + s0;
            int o1 = outOff + s1;
            c00.intoArray(out, o0);
            c01.intoArray(out, o1);
            if (ocs > 1) {
                c10.intoArray(out, o0 + plane);
                c11.intoArray(out, o1 + plane);
            }
            if (ocs > 2) {
                c20.intoArray(out, o0 + 2 * plane);
                c21.intoArray(out, o1 + 2 * plane);
            }
            if (ocs > 3) {
                c30.intoArray(out, o0 + 3 * plane);
                c31.intoArray(out, o1 + 3 * plane);
            }
            if (ocs > 4) {
                c40.intoArray(out, o0 + 4 * plane);
                c41.intoArray(out, o1 + 4 * plane);
            }
            if (ocs > 5) {
                c50.intoArray(out, o0 + 5 * plane);
                c51.intoArray(out, o1 + 5 * plane);
            }
            if (ocs > 6) {
                c60.intoArray(out, o0 + 6 * plane);
                c61.intoArray(out, o1 + 6 * plane);
            }
            if (ocs > 7) {
                c70.intoArray(out, o0 + 7 * plane);
                c71.intoArray(out, o1 + 7 * plane);
            }
        }
    }

    private static FloatVector initial(float[] bias, int biasOff, int r, int ocs) {
        return bias == null || r >= ocs ? FloatVector.zero(F) : FloatVector.broadcast(F, bias[biasOff + r]);
    }

    /**
     * The output gradient's vector at {@code at}, its lanes scaled by {@code keep} unless the column is full.
     * PERF: the multiply by ones cost 4 of the 20 FP operations per row on rows of whole vectors (the CIFAR
     * network's 32-wide first layer); the test on {@code full} is loop-invariant, so C2 unswitches the row loop.
     */
    private static FloatVector gradient(float[] gy, int at, boolean full, FloatVector keep) {
        FloatVector d = FloatVector.fromArray(F, gy, at);
        return full ? d : d.mul(keep);
    }

    @Override
    public void weightGradImage(float[] x, int xImg, int rowStep, int[] tapOff, int t0, float[] gy, int gyOff,
                                int plane, int ocs, int outH, int outW, float[] part, int partOff) {
        // Channels past ocs re-read channel 0 (in range) and are not written back.
        int g0 = gyOff;
        int g1 = ocs > 1 ? gyOff + plane : gyOff;
        int g2 = ocs > 2 ? gyOff + 2 * plane : gyOff;
        int g3 = ocs > 3 ? gyOff + 3 * plane : gyOff;
        int x0 = xImg + tapOff[t0];
        int x1 = xImg + tapOff[t0 + 1];
        int x2 = xImg + tapOff[t0 + 2];
        int x3 = xImg + tapOff[t0 + 3];
        int p = partOff;
        FloatVector a00 = FloatVector.fromArray(F, part, p);
        FloatVector a01 = FloatVector.fromArray(F, part, p + L);
        FloatVector a02 = FloatVector.fromArray(F, part, p + 2 * L);
        FloatVector a03 = FloatVector.fromArray(F, part, p + 3 * L);
        FloatVector a10 = FloatVector.fromArray(F, part, p + 4 * L);
        FloatVector a11 = FloatVector.fromArray(F, part, p + 5 * L);
        FloatVector a12 = FloatVector.fromArray(F, part, p + 6 * L);
        FloatVector a13 = FloatVector.fromArray(F, part, p + 7 * L);
        FloatVector a20 = FloatVector.fromArray(F, part, p + 8 * L);
        FloatVector a21 = FloatVector.fromArray(F, part, p + 9 * L);
        FloatVector a22 = FloatVector.fromArray(F, part, p + 10 * L);
        FloatVector a23 = FloatVector.fromArray(F, part, p + 11 * L);
        FloatVector a30 = FloatVector.fromArray(F, part, p + 12 * L);
        FloatVector a31 = FloatVector.fromArray(F, part, p + 13 * L);
        FloatVector a32 = FloatVector.fromArray(F, part, p + 14 * L);
        FloatVector a33 = FloatVector.fromArray(F, part, p + 15 * L);
        // A row's ragged end is read as the vector ending at outW (loads stay inside the row), its gradient scaled by
        // KEEP's 0/1 lanes so the pixels already counted add 0. NOTE: not lane masks: with masked loads C1 ran out
        // of virtual registers on this method and it never reached C2 (3x slower training steps).
        int tailKeep = outW % L;
        // Columns outer, rows inner: the inner loop runs outH times with its shift and KEEP vector invariant (rows
        // inner measured 87 -> 125 GFLOP/s on one core for Fashion-MNIST's first layer). Skipping the multiply for
        // whole columns measured no faster.
        for (int q = 0; q < outW; q += L) {
            boolean full = q + L <= outW;
            int at = full ? q : outW - L;
            FloatVector keep = FloatVector.fromArray(F, KEEP, full ? L : tailKeep);
            for (int y = 0, gr = at, xr = at; y < outH; y++, gr += outW, xr += rowStep) {
                FloatVector v0 = FloatVector.fromArray(F, x, x0 + xr);
                FloatVector v1 = FloatVector.fromArray(F, x, x1 + xr);
                FloatVector v2 = FloatVector.fromArray(F, x, x2 + xr);
                FloatVector v3 = FloatVector.fromArray(F, x, x3 + xr);
                FloatVector d = gradient(gy, g0 + gr, full, keep);
                a00 = d.fma(v0, a00);
                a01 = d.fma(v1, a01);
                a02 = d.fma(v2, a02);
                a03 = d.fma(v3, a03);
                d = gradient(gy, g1 + gr, full, keep);
                a10 = d.fma(v0, a10);
                a11 = d.fma(v1, a11);
                a12 = d.fma(v2, a12);
                a13 = d.fma(v3, a13);
                d = gradient(gy, g2 + gr, full, keep);
                a20 = d.fma(v0, a20);
                a21 = d.fma(v1, a21);
                a22 = d.fma(v2, a22);
                a23 = d.fma(v3, a23);
                d = gradient(gy, g3 + gr, full, keep);
                a30 = d.fma(v0, a30);
                a31 = d.fma(v1, a31);
                a32 = d.fma(v2, a32);
                a33 = d.fma(v3, a33);
            }
        }
        a00.intoArray(part, p);
        a01.intoArray(part, p + L);
        a02.intoArray(part, p + 2 * L);
        a03.intoArray(part, p + 3 * L);
        if (ocs > 1) {
            a10.intoArray(part, p + 4 * L);
            a11.intoArray(part, p + 5 * L);
            a12.intoArray(part, p + 6 * L);
            a13.intoArray(part, p + 7 * L);
        }
        if (ocs > 2) {
            a20.intoArray(part, p + 8 * L);
            a21.intoArray(part, p + 9 * L);
            a22.intoArray(part, p + 10 * L);
            a23.intoArray(part, p + 11 * L);
        }
        if (ocs > 3) {
            a30.intoArray(part, p + 12 * L);
            a31.intoArray(part, p + 13 * L);
            a32.intoArray(part, p + 14 * L);
            a33.intoArray(part, p + 15 * L);
        }
    }

    @Override
    public void weightGradColumn(float[] x, int xImg, int rowStep, int colOff, float[] gy, int gyOff, int plane,
                                 int ocs, int outH, int outW, float[] part, int partOff) {
        // Channels past ocs re-read channel 0 (in range) and are not written back.
        int g0 = gyOff;
        int g1 = ocs > 1 ? gyOff + plane : gyOff;
        int g2 = ocs > 2 ? gyOff + 2 * plane : gyOff;
        int g3 = ocs > 3 ? gyOff + 3 * plane : gyOff;
        int p = partOff;
        FloatVector a00 = FloatVector.fromArray(F, part, p);
        FloatVector a01 = FloatVector.fromArray(F, part, p + 1 * L);
        FloatVector a02 = FloatVector.fromArray(F, part, p + 2 * L);
        FloatVector a03 = FloatVector.fromArray(F, part, p + 3 * L);
        FloatVector a04 = FloatVector.fromArray(F, part, p + 4 * L);
        FloatVector a10 = FloatVector.fromArray(F, part, p + 5 * L);
        FloatVector a11 = FloatVector.fromArray(F, part, p + 6 * L);
        FloatVector a12 = FloatVector.fromArray(F, part, p + 7 * L);
        FloatVector a13 = FloatVector.fromArray(F, part, p + 8 * L);
        FloatVector a14 = FloatVector.fromArray(F, part, p + 9 * L);
        FloatVector a20 = FloatVector.fromArray(F, part, p + 10 * L);
        FloatVector a21 = FloatVector.fromArray(F, part, p + 11 * L);
        FloatVector a22 = FloatVector.fromArray(F, part, p + 12 * L);
        FloatVector a23 = FloatVector.fromArray(F, part, p + 13 * L);
        FloatVector a24 = FloatVector.fromArray(F, part, p + 14 * L);
        FloatVector a30 = FloatVector.fromArray(F, part, p + 15 * L);
        FloatVector a31 = FloatVector.fromArray(F, part, p + 16 * L);
        FloatVector a32 = FloatVector.fromArray(F, part, p + 17 * L);
        FloatVector a33 = FloatVector.fromArray(F, part, p + 18 * L);
        FloatVector a34 = FloatVector.fromArray(F, part, p + 19 * L);
        int tailKeep = outW % L;
        // PERF: 5 loads (1 input row, 4 gradient rows) per 20 FMAs, where weightGradImage's 4 x 4 block loads 8 per
        // 16: the 4 input rows loaded for row y serve row y + 1 one tap higher (v1..v4 become v0..v3).
        for (int q = 0; q < outW; q += L) {
            boolean full = q + L <= outW;
            int at = full ? q : outW - L;
            FloatVector keep = FloatVector.fromArray(F, KEEP, full ? L : tailKeep);
            int xc = xImg + colOff + at;
            FloatVector v0 = FloatVector.fromArray(F, x, xc);
            FloatVector v1 = FloatVector.fromArray(F, x, xc + rowStep);
            FloatVector v2 = FloatVector.fromArray(F, x, xc + 2 * rowStep);
            FloatVector v3 = FloatVector.fromArray(F, x, xc + 3 * rowStep);
            for (int y = 0, gr = at, xr = xc + 4 * rowStep; y < outH; y++, gr += outW, xr += rowStep) {
                FloatVector v4 = FloatVector.fromArray(F, x, xr);
                FloatVector d = gradient(gy, g0 + gr, full, keep);
                a00 = d.fma(v0, a00);
                a01 = d.fma(v1, a01);
                a02 = d.fma(v2, a02);
                a03 = d.fma(v3, a03);
                a04 = d.fma(v4, a04);
                d = gradient(gy, g1 + gr, full, keep);
                a10 = d.fma(v0, a10);
                a11 = d.fma(v1, a11);
                a12 = d.fma(v2, a12);
                a13 = d.fma(v3, a13);
                a14 = d.fma(v4, a14);
                d = gradient(gy, g2 + gr, full, keep);
                a20 = d.fma(v0, a20);
                a21 = d.fma(v1, a21);
                a22 = d.fma(v2, a22);
                a23 = d.fma(v3, a23);
                a24 = d.fma(v4, a24);
                d = gradient(gy, g3 + gr, full, keep);
                a30 = d.fma(v0, a30);
                a31 = d.fma(v1, a31);
                a32 = d.fma(v2, a32);
                a33 = d.fma(v3, a33);
                a34 = d.fma(v4, a34);
                v0 = v1;
                v1 = v2;
                v2 = v3;
                v3 = v4;
            }
        }
        a00.intoArray(part, p);
        a01.intoArray(part, p + 1 * L);
        a02.intoArray(part, p + 2 * L);
        a03.intoArray(part, p + 3 * L);
        a04.intoArray(part, p + 4 * L);
        if (ocs > 1) {
            a10.intoArray(part, p + 5 * L);
            a11.intoArray(part, p + 6 * L);
            a12.intoArray(part, p + 7 * L);
            a13.intoArray(part, p + 8 * L);
            a14.intoArray(part, p + 9 * L);
        }
        if (ocs > 2) {
            a20.intoArray(part, p + 10 * L);
            a21.intoArray(part, p + 11 * L);
            a22.intoArray(part, p + 12 * L);
            a23.intoArray(part, p + 13 * L);
            a24.intoArray(part, p + 14 * L);
        }
        if (ocs > 3) {
            a30.intoArray(part, p + 15 * L);
            a31.intoArray(part, p + 16 * L);
            a32.intoArray(part, p + 17 * L);
            a33.intoArray(part, p + 18 * L);
            a34.intoArray(part, p + 19 * L);
        }
    }
}
