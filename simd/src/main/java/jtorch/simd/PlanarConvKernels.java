package jtorch.simd;

/**
 * Register tiles of planar (NCHW) direct convolution, for layers with few input channels. See {@link PlanarConv}.
 * Output pixels run along the vector lanes, so rows are read and written in place, without transposes.
 */
interface PlanarConvKernels {
    /** Lanes of one partial-sum vector of {@link #weightGradImage}. */
    int lanes();

    /** The narrowest output row the kernels take. */
    int minWidth();

    /**
     * One output row of 8 output channels: for {@code r < ocs}, {@code q < outW},
     * {@code out[outOff + r·plane + q] = bias[r] + Σ_{k < K} wp[wpOff + k·8 + r] · x[xRow + tapOff[k] + q]}
     * ({@code bias} null: no bias).
     */
    void forwardRow(float[] x, int xRow, int[] tapOff, int kTaps, float[] wp, int wpOff, float[] bias, int biasOff,
                    int ocs, float[] out, int outOff, int plane, int outW);

    /**
     * One image's contribution to a 4 x 4 block of the weight gradient: for {@code r, t < 4},
     * {@code part[partOff + (r·4 + t)·lanes() + lane]} accumulates
     * {@code Σ_{y < outH, q < outW} gy[gyOff + r·plane + y·outW + q] · x[xImg + y·rowStep + tapOff[t0 + t] + q]}
     * spread over its lanes. Rows {@code r >= ocs} read nothing and add nothing.
     */
    void weightGradImage(float[] x, int xImg, int rowStep, int[] tapOff, int t0, float[] gy, int gyOff, int plane,
                         int ocs, int outH, int outW, float[] part, int partOff);

    /**
     * As {@link #weightGradImage} for a 4 x 5 block whose taps are the 5 rows of one filter column, each a row
     * below the last ({@code tapOff(t) = colOff + t·rowStep}: a 5-row filter whose stride equals its dilation):
     * {@code part[partOff + (r·5 + t)·lanes() + lane]}. Output row y's tap t reads the input row that row y + 1
     * reads for tap t - 1, so each input row is loaded once for all 5 taps.
     */
    void weightGradColumn(float[] x, int xImg, int rowStep, int colOff, float[] gy, int gyOff, int plane, int ocs,
                          int outH, int outW, float[] part, int partOff);
}
