package jtorch.simd;

/**
 * Plain-Java im2col/col2im, one element at a time with explicit bounds tests: the oracle for
 * {@code VectorConv} and the fallback. Not final: {@code VectorConv} inherits the double versions.
 */
class ScalarConv implements ConvKernels {

    @Override
    public void im2col(float[] x, int xOff, int channels, int height, int width, int kH, int kW, int padH,
                       int padW, int strideH, int strideW, int dilH, int dilW, float[] col, int colOff) {
        int outH = Conv.outputSize(height, kH, padH, strideH, dilH);
        int outW = Conv.outputSize(width, kW, padW, strideW, dilW);
        int c2 = colOff;
        for (int c = 0; c < channels; c++) {
            for (int kh = 0; kh < kH; kh++) {
                for (int kw = 0; kw < kW; kw++) {
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * strideH - padH + kh * dilH;
                        for (int ow = 0; ow < outW; ow++) {
                            int iw = ow * strideW - padW + kw * dilW;
                            boolean in = ih >= 0 && ih < height && iw >= 0 && iw < width;
                            col[c2++] = in ? x[xOff + (c * height + ih) * width + iw] : 0f;
                        }
                    }
                }
            }
        }
    }

    @Override
    public void im2col(double[] x, int xOff, int channels, int height, int width, int kH, int kW, int padH,
                       int padW, int strideH, int strideW, int dilH, int dilW, double[] col, int colOff) {
        int outH = Conv.outputSize(height, kH, padH, strideH, dilH);
        int outW = Conv.outputSize(width, kW, padW, strideW, dilW);
        int c2 = colOff;
        for (int c = 0; c < channels; c++) {
            for (int kh = 0; kh < kH; kh++) {
                for (int kw = 0; kw < kW; kw++) {
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * strideH - padH + kh * dilH;
                        for (int ow = 0; ow < outW; ow++) {
                            int iw = ow * strideW - padW + kw * dilW;
                            boolean in = ih >= 0 && ih < height && iw >= 0 && iw < width;
                            col[c2++] = in ? x[xOff + (c * height + ih) * width + iw] : 0.0;
                        }
                    }
                }
            }
        }
    }

    @Override
    public void col2im(float[] col, int colOff, int channels, int height, int width, int kH, int kW, int padH,
                       int padW, int strideH, int strideW, int dilH, int dilW, float[] x, int xOff) {
        int outH = Conv.outputSize(height, kH, padH, strideH, dilH);
        int outW = Conv.outputSize(width, kW, padW, strideW, dilW);
        int c2 = colOff;
        for (int c = 0; c < channels; c++) {
            for (int kh = 0; kh < kH; kh++) {
                for (int kw = 0; kw < kW; kw++) {
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * strideH - padH + kh * dilH;
                        for (int ow = 0; ow < outW; ow++) {
                            int iw = ow * strideW - padW + kw * dilW;
                            if (ih >= 0 && ih < height && iw >= 0 && iw < width) {
                                x[xOff + (c * height + ih) * width + iw] += col[c2];
                            }
                            c2++;
                        }
                    }
                }
            }
        }
    }

    @Override
    public void col2im(double[] col, int colOff, int channels, int height, int width, int kH, int kW, int padH,
                       int padW, int strideH, int strideW, int dilH, int dilW, double[] x, int xOff) {
        int outH = Conv.outputSize(height, kH, padH, strideH, dilH);
        int outW = Conv.outputSize(width, kW, padW, strideW, dilW);
        int c2 = colOff;
        for (int c = 0; c < channels; c++) {
            for (int kh = 0; kh < kH; kh++) {
                for (int kw = 0; kw < kW; kw++) {
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * strideH - padH + kh * dilH;
                        for (int ow = 0; ow < outW; ow++) {
                            int iw = ow * strideW - padW + kw * dilW;
                            if (ih >= 0 && ih < height && iw >= 0 && iw < width) {
                                x[xOff + (c * height + ih) * width + iw] += col[c2];
                            }
                            c2++;
                        }
                    }
                }
            }
        }
    }
}
