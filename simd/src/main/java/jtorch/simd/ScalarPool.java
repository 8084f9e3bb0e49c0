package jtorch.simd;

/**
 * Plain-Java pooling that follows PyTorch's CPU kernels line by line (window clipping, first index, NaN and
 * divisor rules): the oracle for {@code VectorPool} and the fallback. Not final: {@code VectorPool} extends it.
 */
class ScalarPool implements PoolKernels {

    @Override
    public void maxPool2dForward(int planes, float[] x, int xOff, int H, int W, int kH, int kW, int sH, int sW,
                                 int pH, int pW, int dH, int dW, int outH, int outW, float[] y, int yOff,
                                 int[] argmax, int aOff) {
        for (int p = 0; p < planes; p++) {
            maxPlane(x, xOff + p * H * W, H, W, kH, kW, sH, sW, pH, pW, dH, dW, outH, outW,
                    y, yOff + p * outH * outW, argmax, aOff + p * outH * outW, 0, outW);
        }
    }

    /**
     * Max pool of one plane for output columns [ow0, ow1) of every output row.
     * TORCH: the window is clipped to the input; the index starts at the first in-range element and the value
     * at -inf; an element wins if it is greater or NaN, so a NaN window reports its last NaN, an all -inf
     * window its first element.
     */
    static void maxPlane(float[] x, int xo, int H, int W, int kH, int kW, int sH, int sW, int pH, int pW, int dH,
                         int dW, int outH, int outW, float[] y, int yo, int[] argmax, int ao, int ow0, int ow1) {
        for (int oh = 0; oh < outH; oh++) {
            int hs = oh * sH - pH;
            int he = Math.min(hs + (kH - 1) * dH + 1, H);
            while (hs < 0) {
                hs += dH;
            }
            for (int ow = ow0; ow < ow1; ow++) {
                int ws = ow * sW - pW;
                int we = Math.min(ws + (kW - 1) * dW + 1, W);
                while (ws < 0) {
                    ws += dW;
                }
                int best = hs * W + ws;
                float m = Float.NEGATIVE_INFINITY;
                for (int ih = hs; ih < he; ih += dH) {
                    for (int iw = ws; iw < we; iw += dW) {
                        float v = x[xo + ih * W + iw];
                        if (v > m || v != v) {
                            m = v;
                            best = ih * W + iw;
                        }
                    }
                }
                y[yo + oh * outW + ow] = m;
                argmax[ao + oh * outW + ow] = best;
            }
        }
    }

    @Override
    public void maxPool2dForward(int planes, double[] x, int xOff, int H, int W, int kH, int kW, int sH, int sW,
                                 int pH, int pW, int dH, int dW, int outH, int outW, double[] y, int yOff,
                                 int[] argmax, int aOff) {
        for (int p = 0; p < planes; p++) {
            int xo = xOff + p * H * W;
            int yo = yOff + p * outH * outW;
            int ao = aOff + p * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                int hs = oh * sH - pH;
                int he = Math.min(hs + (kH - 1) * dH + 1, H);
                while (hs < 0) {
                    hs += dH;
                }
                for (int ow = 0; ow < outW; ow++) {
                    int ws = ow * sW - pW;
                    int we = Math.min(ws + (kW - 1) * dW + 1, W);
                    while (ws < 0) {
                        ws += dW;
                    }
                    int best = hs * W + ws;
                    double m = Double.NEGATIVE_INFINITY;
                    for (int ih = hs; ih < he; ih += dH) {
                        for (int iw = ws; iw < we; iw += dW) {
                            double v = x[xo + ih * W + iw];
                            if (v > m || v != v) {
                                m = v;
                                best = ih * W + iw;
                            }
                        }
                    }
                    y[yo + oh * outW + ow] = m;
                    argmax[ao + oh * outW + ow] = best;
                }
            }
        }
    }

    @Override
    public void maxPool2dBackward(int planes, float[] gy, int gyOff, int[] argmax, int aOff, int outH, int outW,
                                  float[] gx, int gxOff, int H, int W) {
        int outPlane = outH * outW;
        for (int p = 0; p < planes; p++) {
            int go = gyOff + p * outPlane;
            int ao = aOff + p * outPlane;
            int xo = gxOff + p * H * W;
            for (int i = 0; i < outPlane; i++) {
                gx[xo + argmax[ao + i]] += gy[go + i];
            }
        }
    }

    @Override
    public void maxPool2dBackward(int planes, double[] gy, int gyOff, int[] argmax, int aOff, int outH, int outW,
                                  double[] gx, int gxOff, int H, int W) {
        int outPlane = outH * outW;
        for (int p = 0; p < planes; p++) {
            int go = gyOff + p * outPlane;
            int ao = aOff + p * outPlane;
            int xo = gxOff + p * H * W;
            for (int i = 0; i < outPlane; i++) {
                gx[xo + argmax[ao + i]] += gy[go + i];
            }
        }
    }

    /** The scatter of {@link #maxPool2dBackward} (gx zeroed by the caller). */
    @Override
    public void maxPool2x2Backward(int planes, float[] gy, int gyOff, int[] argmax, int aOff, int outH, int outW,
                                   float[] gx, int gxOff) {
        maxPool2dBackward(planes, gy, gyOff, argmax, aOff, outH, outW, gx, gxOff, 2 * outH, 2 * outW);
    }

    /**
     * TORCH: avg_pool2d's window. Returns the divisor for output (oh, ow) and stores the clipped window
     * [h0, h1) × [w0, w1) in {@code win}; the divisor is 0 when the clipped window is empty (output 0).
     */
    static int avgWindow(int oh, int ow, int H, int W, int kH, int kW, int sH, int sW, int pH, int pW,
                         boolean countIncludePad, int[] win) {
        int hs = oh * sH - pH;
        int ws = ow * sW - pW;
        int he = Math.min(hs + kH, H + pH);
        int we = Math.min(ws + kW, W + pW);
        int poolSize = (he - hs) * (we - ws);
        hs = Math.max(hs, 0);
        ws = Math.max(ws, 0);
        he = Math.min(he, H);
        we = Math.min(we, W);
        win[0] = hs;
        win[1] = he;
        win[2] = ws;
        win[3] = we;
        if (hs >= he || ws >= we) {
            return 0;
        }
        return countIncludePad ? poolSize : (he - hs) * (we - ws);
    }

    @Override
    public void avgPool2dForward(int planes, float[] x, int xOff, int H, int W, int kH, int kW, int sH, int sW,
                                 int pH, int pW, int outH, int outW, boolean countIncludePad, float[] y, int yOff) {
        int[] win = new int[4];
        for (int p = 0; p < planes; p++) {
            int xo = xOff + p * H * W;
            int yo = yOff + p * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    int div = avgWindow(oh, ow, H, W, kH, kW, sH, sW, pH, pW, countIncludePad, win);
                    float s = 0f;
                    for (int ih = win[0]; ih < win[1]; ih++) {
                        for (int iw = win[2]; iw < win[3]; iw++) {
                            s += x[xo + ih * W + iw];
                        }
                    }
                    y[yo + oh * outW + ow] = div == 0 ? 0f : s / div;
                }
            }
        }
    }

    @Override
    public void avgPool2dForward(int planes, double[] x, int xOff, int H, int W, int kH, int kW, int sH, int sW,
                                 int pH, int pW, int outH, int outW, boolean countIncludePad, double[] y, int yOff) {
        int[] win = new int[4];
        for (int p = 0; p < planes; p++) {
            int xo = xOff + p * H * W;
            int yo = yOff + p * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    int div = avgWindow(oh, ow, H, W, kH, kW, sH, sW, pH, pW, countIncludePad, win);
                    double s = 0.0;
                    for (int ih = win[0]; ih < win[1]; ih++) {
                        for (int iw = win[2]; iw < win[3]; iw++) {
                            s += x[xo + ih * W + iw];
                        }
                    }
                    y[yo + oh * outW + ow] = div == 0 ? 0.0 : s / div;
                }
            }
        }
    }

    @Override
    public void avgPool2dBackward(int planes, float[] gy, int gyOff, int H, int W, int kH, int kW, int sH, int sW,
                                  int pH, int pW, int outH, int outW, boolean countIncludePad, float[] gx, int gxOff) {
        int[] win = new int[4];
        for (int p = 0; p < planes; p++) {
            int xo = gxOff + p * H * W;
            int go = gyOff + p * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    int div = avgWindow(oh, ow, H, W, kH, kW, sH, sW, pH, pW, countIncludePad, win);
                    if (div == 0) {
                        continue;
                    }
                    float g = gy[go + oh * outW + ow] / div;
                    for (int ih = win[0]; ih < win[1]; ih++) {
                        for (int iw = win[2]; iw < win[3]; iw++) {
                            gx[xo + ih * W + iw] += g;
                        }
                    }
                }
            }
        }
    }

    @Override
    public void avgPool2dBackward(int planes, double[] gy, int gyOff, int H, int W, int kH, int kW, int sH, int sW,
                                  int pH, int pW, int outH, int outW, boolean countIncludePad, double[] gx,
                                  int gxOff) {
        int[] win = new int[4];
        for (int p = 0; p < planes; p++) {
            int xo = gxOff + p * H * W;
            int go = gyOff + p * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    int div = avgWindow(oh, ow, H, W, kH, kW, sH, sW, pH, pW, countIncludePad, win);
                    if (div == 0) {
                        continue;
                    }
                    double g = gy[go + oh * outW + ow] / div;
                    for (int ih = win[0]; ih < win[1]; ih++) {
                        for (int iw = win[2]; iw < win[3]; iw++) {
                            gx[xo + ih * W + iw] += g;
                        }
                    }
                }
            }
        }
    }
}
