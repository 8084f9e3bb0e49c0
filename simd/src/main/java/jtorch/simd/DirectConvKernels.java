package jtorch.simd;

/**
 * The register tile of direct convolution: a GEMM tile whose A rows are gathered from an NHWC image instead
 * of a packed panel. See {@link DirectConv} for the layouts it serves.
 */
interface DirectConvKernels {
    /** Columns of the tile (two vectors); weights and outputs are padded to a multiple of it. */
    int blockWidth();

    /**
     * For {@code r < 8} and {@code j < blockWidth()}:
     * {@code c[cOff + r·ldc + j] (+)= Σ_{o < nOuter} Σ_{i < inner} a[rowBase[r] + outerA[o] + i·aStride]
     * · b[bOff + outerB[o] + i·bStride + j]}, overwriting C unless {@code accumulate}.
     */
    void tile(float[] a, int[] rowBase, int[] outerA, int[] outerB, int nOuter, int inner, int aStride, float[] b,
              int bOff, int bStride, boolean accumulate, float[] c, int cOff, int ldc);

    /**
     * The forward pass's case of {@link #tile}: {@code aStride = 1}, {@code bStride = blockWidth()}, C overwritten.
     * A method of its own so the JIT compiles it apart from the weight gradient's tile: with the strides
     * constant the loop indices are plain induction variables, and its profile (inner loops of kW·C) is not mixed
     * with the weight gradient's (inner loops of one output row).
     */
    void tileDense(float[] a, int[] rowBase, int[] outerA, int[] outerB, int nOuter, int inner, float[] b, int bOff,
                   float[] c, int cOff, int ldc);

    /**
     * The weight gradient's tile when its 8 taps are 8 consecutive channels of one filter position: for
     * {@code r < 8}, {@code j < blockWidth()}, {@code c[cOff + r·ldc + j] += Σ_{i < n} a[pix[i] + aOff + r] ·
     * b[bOff + i·ldb + j]}. The pixels' window origins come from {@code pix}, so the contraction runs over all
     * of an image's output pixels in one loop instead of one output row (7-14 pixels here) at a time.
     */
    void tileGather(float[] a, int[] pix, int n, int aOff, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);

    /**
     * One full column block of {@link DirectConv#packWeights}: for {@code c < ins}, {@code t < taps} and
     * {@code j < blockWidth()}, {@code dst[d + (t·kChannels + c)·blockWidth() + j] = w[s + c·cStep + t·tapStep +
     * j·step]}.
     */
    void packBlock(float[] w, int s, int cStep, int tapStep, int step, int ins, int taps, float[] dst, int d,
                   int kChannels);
}
