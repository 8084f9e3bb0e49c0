package jtorch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The direct-convolution register tile: 8 rows x 2 vectors of C in 16 accumulators, the {@link SgemmMicroKernel}
 * shape, but the 8 values of A broadcast at each step are read straight from the image at 8 independent row
 * bases (8 output pixels in the forward pass, 8 filter taps in the weight gradient) rather than from a packed
 * panel, so nothing is im2col'ed or packed.
 *
 * <p>Every index is {@code base + i * stride} with loop-invariant base and stride inside the inner loop, so C2
 * hoists the range checks out of it (loop predication).
 */
final class VectorDirectConv implements DirectConvKernels {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final int L = F.length();

    @Override
    public int blockWidth() {
        return 2 * L;
    }

    @Override
    public void tile(float[] a, int[] rowBase, int[] outerA, int[] outerB, int nOuter, int inner, int aStride,
                     float[] b, int bOff, int bStride, boolean accumulate, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F);
        FloatVector c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F);
        FloatVector c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F);
        FloatVector c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F);
        FloatVector c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F);
        FloatVector c51 = FloatVector.zero(F);
        FloatVector c60 = FloatVector.zero(F);
        FloatVector c61 = FloatVector.zero(F);
        FloatVector c70 = FloatVector.zero(F);
        FloatVector c71 = FloatVector.zero(F);
        int r0 = rowBase[0];
        int r1 = rowBase[1];
        int r2 = rowBase[2];
        int r3 = rowBase[3];
        int r4 = rowBase[4];
        int r5 = rowBase[5];
        int r6 = rowBase[6];
        int r7 = rowBase[7];
        for (int o = 0; o < nOuter; o++) {
            int oa = outerA[o];
            int ob = bOff + outerB[o];
            int a0 = r0 + oa;
            int a1 = r1 + oa;
            int a2 = r2 + oa;
            int a3 = r3 + oa;
            int a4 = r4 + oa;
            int a5 = r5 + oa;
            int a6 = r6 + oa;
            int a7 = r7 + oa;
            // PERF: indices carried as induction variables (ai += aStride), not i * aStride: with a loop-invariant but
            // non-constant multiplier C2 kept an imul and the range checks in the loop.
            for (int i = 0, ai = 0, bi = ob; i < inner; i++, ai += aStride, bi += bStride) {
                FloatVector b0 = FloatVector.fromArray(F, b, bi);
                FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
                FloatVector x0 = FloatVector.broadcast(F, a[a0 + ai]);
                c00 = x0.fma(b0, c00);
                c01 = x0.fma(b1, c01);
                FloatVector x1 = FloatVector.broadcast(F, a[a1 + ai]);
                c10 = x1.fma(b0, c10);
                c11 = x1.fma(b1, c11);
                FloatVector x2 = FloatVector.broadcast(F, a[a2 + ai]);
                c20 = x2.fma(b0, c20);
                c21 = x2.fma(b1, c21);
                FloatVector x3 = FloatVector.broadcast(F, a[a3 + ai]);
                c30 = x3.fma(b0, c30);
                c31 = x3.fma(b1, c31);
                FloatVector x4 = FloatVector.broadcast(F, a[a4 + ai]);
                c40 = x4.fma(b0, c40);
                c41 = x4.fma(b1, c41);
                FloatVector x5 = FloatVector.broadcast(F, a[a5 + ai]);
                c50 = x5.fma(b0, c50);
                c51 = x5.fma(b1, c51);
                FloatVector x6 = FloatVector.broadcast(F, a[a6 + ai]);
                c60 = x6.fma(b0, c60);
                c61 = x6.fma(b1, c61);
                FloatVector x7 = FloatVector.broadcast(F, a[a7 + ai]);
                c70 = x7.fma(b0, c70);
                c71 = x7.fma(b1, c71);
            }
        }
        // NOTE: stores written out, not in a helper, for the reason given in SgemmMicroKernel.
        if (accumulate) {
            c00.add(FloatVector.fromArray(F, c, cOff + 0 * ldc)).intoArray(c, cOff + 0 * ldc);
            c01.add(FloatVector.fromArray(F, c, cOff + 0 * ldc + L)).intoArray(c, cOff + 0 * ldc + L);
            c10.add(FloatVector.fromArray(F, c, cOff + 1 * ldc)).intoArray(c, cOff + 1 * ldc);
            c11.add(FloatVector.fromArray(F, c, cOff + 1 * ldc + L)).intoArray(c, cOff + 1 * ldc + L);
            c20.add(FloatVector.fromArray(F, c, cOff + 2 * ldc)).intoArray(c, cOff + 2 * ldc);
            c21.add(FloatVector.fromArray(F, c, cOff + 2 * ldc + L)).intoArray(c, cOff + 2 * ldc + L);
            c30.add(FloatVector.fromArray(F, c, cOff + 3 * ldc)).intoArray(c, cOff + 3 * ldc);
            c31.add(FloatVector.fromArray(F, c, cOff + 3 * ldc + L)).intoArray(c, cOff + 3 * ldc + L);
            c40.add(FloatVector.fromArray(F, c, cOff + 4 * ldc)).intoArray(c, cOff + 4 * ldc);
            c41.add(FloatVector.fromArray(F, c, cOff + 4 * ldc + L)).intoArray(c, cOff + 4 * ldc + L);
            c50.add(FloatVector.fromArray(F, c, cOff + 5 * ldc)).intoArray(c, cOff + 5 * ldc);
            c51.add(FloatVector.fromArray(F, c, cOff + 5 * ldc + L)).intoArray(c, cOff + 5 * ldc + L);
            c60.add(FloatVector.fromArray(F, c, cOff + 6 * ldc)).intoArray(c, cOff + 6 * ldc);
            c61.add(FloatVector.fromArray(F, c, cOff + 6 * ldc + L)).intoArray(c, cOff + 6 * ldc + L);
            c70.add(FloatVector.fromArray(F, c, cOff + 7 * ldc)).intoArray(c, cOff + 7 * ldc);
            c71.add(FloatVector.fromArray(F, c, cOff + 7 * ldc + L)).intoArray(c, cOff + 7 * ldc + L);
        } else {
            c00.intoArray(c, cOff + 0 * ldc);
            c01.intoArray(c, cOff + 0 * ldc + L);
            c10.intoArray(c, cOff + 1 * ldc);
            c11.intoArray(c, cOff + 1 * ldc + L);
            c20.intoArray(c, cOff + 2 * ldc);
            c21.intoArray(c, cOff + 2 * ldc + L);
            c30.intoArray(c, cOff + 3 * ldc);
            c31.intoArray(c, cOff + 3 * ldc + L);
            c40.intoArray(c, cOff + 4 * ldc);
            c41.intoArray(c, cOff + 4 * ldc + L);
            c50.intoArray(c, cOff + 5 * ldc);
            c51.intoArray(c, cOff + 5 * ldc + L);
            c60.intoArray(c, cOff + 6 * ldc);
            c61.intoArray(c, cOff + 6 * ldc + L);
            c70.intoArray(c, cOff + 7 * ldc);
            c71.intoArray(c, cOff + 7 * ldc + L);
        }
    }

    @Override
    public void tileDense(float[] a, int[] rowBase, int[] outerA, int[] outerB, int nOuter, int inner, float[] b,
                          int bOff, float[] c, int cOff, int ldc) {
        // NOTE: the loop of tile() with aStride = 1 and bStride = 2L written out again (see DirectConvKernels for
        // why it is a method of its own). Measured on one core, Fashion-MNIST's 32->32 5x5 layer at 14x14: 176
        // GFLOP/s as tile(), 205 here.
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F);
        FloatVector c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F);
        FloatVector c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F);
        FloatVector c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F);
        FloatVector c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F);
        FloatVector c51 = FloatVector.zero(F);
        FloatVector c60 = FloatVector.zero(F);
        FloatVector c61 = FloatVector.zero(F);
        FloatVector c70 = FloatVector.zero(F);
        FloatVector c71 = FloatVector.zero(F);
        int r0 = rowBase[0];
        int r1 = rowBase[1];
        int r2 = rowBase[2];
        int r3 = rowBase[3];
        int r4 = rowBase[4];
        int r5 = rowBase[5];
        int r6 = rowBase[6];
        int r7 = rowBase[7];
        for (int o = 0; o < nOuter; o++) {
            int oa = outerA[o];
            int ob = bOff + outerB[o];
            int a0 = r0 + oa;
            int a1 = r1 + oa;
            int a2 = r2 + oa;
            int a3 = r3 + oa;
            int a4 = r4 + oa;
            int a5 = r5 + oa;
            int a6 = r6 + oa;
            int a7 = r7 + oa;
            for (int i = 0; i < inner; i++) {
                int bi = ob + i * (2 * L);
                FloatVector b0 = FloatVector.fromArray(F, b, bi);
                FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
                FloatVector x0 = FloatVector.broadcast(F, a[a0 + i]);
                c00 = x0.fma(b0, c00);
                c01 = x0.fma(b1, c01);
                FloatVector x1 = FloatVector.broadcast(F, a[a1 + i]);
                c10 = x1.fma(b0, c10);
                c11 = x1.fma(b1, c11);
                FloatVector x2 = FloatVector.broadcast(F, a[a2 + i]);
                c20 = x2.fma(b0, c20);
                c21 = x2.fma(b1, c21);
                FloatVector x3 = FloatVector.broadcast(F, a[a3 + i]);
                c30 = x3.fma(b0, c30);
                c31 = x3.fma(b1, c31);
                FloatVector x4 = FloatVector.broadcast(F, a[a4 + i]);
                c40 = x4.fma(b0, c40);
                c41 = x4.fma(b1, c41);
                FloatVector x5 = FloatVector.broadcast(F, a[a5 + i]);
                c50 = x5.fma(b0, c50);
                c51 = x5.fma(b1, c51);
                FloatVector x6 = FloatVector.broadcast(F, a[a6 + i]);
                c60 = x6.fma(b0, c60);
                c61 = x6.fma(b1, c61);
                FloatVector x7 = FloatVector.broadcast(F, a[a7 + i]);
                c70 = x7.fma(b0, c70);
                c71 = x7.fma(b1, c71);
            }
        }
        c00.intoArray(c, cOff + 0 * ldc);
        c01.intoArray(c, cOff + 0 * ldc + L);
        c10.intoArray(c, cOff + 1 * ldc);
        c11.intoArray(c, cOff + 1 * ldc + L);
        c20.intoArray(c, cOff + 2 * ldc);
        c21.intoArray(c, cOff + 2 * ldc + L);
        c30.intoArray(c, cOff + 3 * ldc);
        c31.intoArray(c, cOff + 3 * ldc + L);
        c40.intoArray(c, cOff + 4 * ldc);
        c41.intoArray(c, cOff + 4 * ldc + L);
        c50.intoArray(c, cOff + 5 * ldc);
        c51.intoArray(c, cOff + 5 * ldc + L);
        c60.intoArray(c, cOff + 6 * ldc);
        c61.intoArray(c, cOff + 6 * ldc + L);
        c70.intoArray(c, cOff + 7 * ldc);
        c71.intoArray(c, cOff + 7 * ldc + L);
    }

    @Override
    public void tileGather(float[] a, int[] pix, int n, int aOff, float[] b, int bOff, int ldb, float[] c, int cOff,
                           int ldc) {
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F);
        FloatVector c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F);
        FloatVector c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F);
        FloatVector c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F);
        FloatVector c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F);
        FloatVector c51 = FloatVector.zero(F);
        FloatVector c60 = FloatVector.zero(F);
        FloatVector c61 = FloatVector.zero(F);
        FloatVector c70 = FloatVector.zero(F);
        FloatVector c71 = FloatVector.zero(F);
        for (int i = 0, bi = bOff; i < n; i++, bi += ldb) {
            int ai = pix[i] + aOff;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
                FloatVector x0 = FloatVector.broadcast(F, a[ai]);
                c00 = x0.fma(b0, c00);
                c01 = x0.fma(b1, c01);
                FloatVector x1 = FloatVector.broadcast(F, a[ai + 1]);
                c10 = x1.fma(b0, c10);
                c11 = x1.fma(b1, c11);
                FloatVector x2 = FloatVector.broadcast(F, a[ai + 2]);
                c20 = x2.fma(b0, c20);
                c21 = x2.fma(b1, c21);
                FloatVector x3 = FloatVector.broadcast(F, a[ai + 3]);
                c30 = x3.fma(b0, c30);
                c31 = x3.fma(b1, c31);
                FloatVector x4 = FloatVector.broadcast(F, a[ai + 4]);
                c40 = x4.fma(b0, c40);
                c41 = x4.fma(b1, c41);
                FloatVector x5 = FloatVector.broadcast(F, a[ai + 5]);
                c50 = x5.fma(b0, c50);
                c51 = x5.fma(b1, c51);
                FloatVector x6 = FloatVector.broadcast(F, a[ai + 6]);
                c60 = x6.fma(b0, c60);
                c61 = x6.fma(b1, c61);
                FloatVector x7 = FloatVector.broadcast(F, a[ai + 7]);
                c70 = x7.fma(b0, c70);
                c71 = x7.fma(b1, c71);
        }
        c00.add(FloatVector.fromArray(F, c, cOff + 0 * ldc)).intoArray(c, cOff + 0 * ldc);
        c01.add(FloatVector.fromArray(F, c, cOff + 0 * ldc + L)).intoArray(c, cOff + 0 * ldc + L);
        c10.add(FloatVector.fromArray(F, c, cOff + 1 * ldc)).intoArray(c, cOff + 1 * ldc);
        c11.add(FloatVector.fromArray(F, c, cOff + 1 * ldc + L)).intoArray(c, cOff + 1 * ldc + L);
        c20.add(FloatVector.fromArray(F, c, cOff + 2 * ldc)).intoArray(c, cOff + 2 * ldc);
        c21.add(FloatVector.fromArray(F, c, cOff + 2 * ldc + L)).intoArray(c, cOff + 2 * ldc + L);
        c30.add(FloatVector.fromArray(F, c, cOff + 3 * ldc)).intoArray(c, cOff + 3 * ldc);
        c31.add(FloatVector.fromArray(F, c, cOff + 3 * ldc + L)).intoArray(c, cOff + 3 * ldc + L);
        c40.add(FloatVector.fromArray(F, c, cOff + 4 * ldc)).intoArray(c, cOff + 4 * ldc);
        c41.add(FloatVector.fromArray(F, c, cOff + 4 * ldc + L)).intoArray(c, cOff + 4 * ldc + L);
        c50.add(FloatVector.fromArray(F, c, cOff + 5 * ldc)).intoArray(c, cOff + 5 * ldc);
        c51.add(FloatVector.fromArray(F, c, cOff + 5 * ldc + L)).intoArray(c, cOff + 5 * ldc + L);
        c60.add(FloatVector.fromArray(F, c, cOff + 6 * ldc)).intoArray(c, cOff + 6 * ldc);
        c61.add(FloatVector.fromArray(F, c, cOff + 6 * ldc + L)).intoArray(c, cOff + 6 * ldc + L);
        c70.add(FloatVector.fromArray(F, c, cOff + 7 * ldc)).intoArray(c, cOff + 7 * ldc);
        c71.add(FloatVector.fromArray(F, c, cOff + 7 * ldc + L)).intoArray(c, cOff + 7 * ldc + L);
    }

    /**
     * Gathers: the block's outputs are {@code step} floats apart in the source, its rows contiguous in the
     * destination. One half of the block (one vector of outputs) at a time: a channel's taps read the same 16
     * source lines, which stay in L1. PERF: both halves at once read 32 lines {@code step} floats apart, which for
     * 512 channels (step 4,608 floats) fall in two L1 sets of 12 ways: VGG16's 512x512x3x3 packing took 0.63 ms
     * on two threads that way, against 0.13 for 256x256 (a quarter of the weights, lines in four sets).
     */
    @Override
    public void packBlock(float[] w, int s, int cStep, int tapStep, int step, int ins, int taps, float[] dst, int d,
                          int kChannels) {
        int[] lanes = new int[L];
        for (int j = 0; j < L; j++) {
            lanes[j] = j * step;
        }
        int rowStride = kChannels * 2 * L;
        for (int half = 0; half < 2; half++) {
            int base = s + half * L * step;
            for (int c = 0; c < ins; c++) {
                int from = base + c * cStep;
                int at = d + c * 2 * L + half * L;
                for (int t = 0; t < taps; t++) {
                    FloatVector.fromArray(F, w, from + t * tapStep, lanes, 0).intoArray(dst, at);
                    at += rowStride;
                }
            }
        }
    }
}
