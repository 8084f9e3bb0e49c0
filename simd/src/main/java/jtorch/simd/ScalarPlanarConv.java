package jtorch.simd;

/** Plain-Java twin of {@link VectorPlanarConv}: the oracle for its parity test and the fallback. */
final class ScalarPlanarConv implements PlanarConvKernels {
    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public int minWidth() {
        return 1;
    }

    @Override
    public void forwardRow(float[] x, int xRow, int[] tapOff, int kTaps, float[] wp, int wpOff, float[] bias,
                           int biasOff, int ocs, float[] out, int outOff, int plane, int outW) {
        for (int r = 0; r < ocs; r++) {
            for (int q = 0; q < outW; q++) {
                float s = bias == null ? 0f : bias[biasOff + r];
                for (int k = 0; k < kTaps; k++) {
                    s += wp[wpOff + k * PlanarConv.OC_BLOCK + r] * x[xRow + tapOff[k] + q];
                }
                out[outOff + r * plane + q] = s;
            }
        }
    }

    @Override
    public void weightGradImage(float[] x, int xImg, int rowStep, int[] tapOff, int t0, float[] gy, int gyOff,
                                int plane, int ocs, int outH, int outW, float[] part, int partOff) {
        for (int r = 0; r < ocs; r++) {
            for (int t = 0; t < PlanarConv.TAP_BLOCK; t++) {
                float s = 0f;
                for (int y = 0; y < outH; y++) {
                    int g = gyOff + r * plane + y * outW;
                    int xi = xImg + y * rowStep + tapOff[t0 + t];
                    for (int q = 0; q < outW; q++) {
                        s += gy[g + q] * x[xi + q];
                    }
                }
                part[partOff + r * PlanarConv.TAP_BLOCK + t] += s;
            }
        }
    }

    @Override
    public void weightGradColumn(float[] x, int xImg, int rowStep, int colOff, float[] gy, int gyOff, int plane,
                                 int ocs, int outH, int outW, float[] part, int partOff) {
        for (int r = 0; r < ocs; r++) {
            for (int t = 0; t < PlanarConv.COLUMN_TAPS; t++) {
                float s = 0f;
                for (int y = 0; y < outH; y++) {
                    int g = gyOff + r * plane + y * outW;
                    int xi = xImg + (y + t) * rowStep + colOff;
                    for (int q = 0; q < outW; q++) {
                        s += gy[g + q] * x[xi + q];
                    }
                }
                part[partOff + r * PlanarConv.COLUMN_TAPS + t] += s;
            }
        }
    }
}
