package jtorch.vision.transforms;

import jtorch.Tensor;
import jtorch.tensor.NdArray;

/**
 * Bilinear resize ({@code torchvision.transforms.Resize}). {@code Resize(size)} scales the shorter edge to
 * {@code size} keeping the aspect ratio (the longer edge becomes {@code int(size * long / short)});
 * {@code Resize(h, w)} gives exactly {@code h x w}.
 *
 * <p>The algorithm is PIL's {@code Image.resize(..., BILINEAR)}: a separable triangle filter whose support
 * widens with the downscaling factor (antialiasing), horizontal pass first. On an {@link Image} it uses PIL's
 * 8-bit fixed-point arithmetic with rounding after each pass, and is tested to equal Pillow 9.4 exactly; on a
 * tensor it runs the same filter in double precision without rounding, which is what torchvision computes for
 * tensors with {@code antialias=True} up to float error.
 */
public final class Resize implements Transform {
    private final int height;
    private final int width;
    private final boolean shorterEdge;

    /** Scales the shorter edge to {@code size}. */
    public Resize(int size) {
        Transforms.checkSize(size, size, "Resize");
        this.height = size;
        this.width = size;
        this.shorterEdge = true;
    }

    /** Resizes to exactly {@code height x width}. */
    public Resize(int height, int width) {
        Transforms.checkSize(height, width, "Resize");
        this.height = height;
        this.width = width;
        this.shorterEdge = false;
    }

    @Override
    public Object apply(Object input) {
        int[] hw = Transforms.size(input, "Resize");
        int outH = height;
        int outW = width;
        if (shorterEdge) {
            int h = hw[0];
            int w = hw[1];
            if (h <= w) {
                outH = height;
                outW = (int) ((long) height * w / h);
            } else {
                outW = width;
                outH = (int) ((long) width * h / w);
            }
        }
        if (outH == hw[0] && outW == hw[1]) {
            return input;
        }
        if (input instanceof Image image) {
            return resizeImage(image, outH, outW);
        }
        return resizeTensor((Tensor) input, outH, outW);
    }

    private static Image resizeImage(Image image, int outH, int outW) {
        int c = image.channels();
        int h = image.height();
        int w = image.width();
        int[] px = new int[image.raw().length];
        for (int i = 0; i < px.length; i++) {
            px[i] = image.raw()[i] & 0xff;
        }
        if (outW != w) {
            px = pass8(px, h, w, c, outW, true);
            w = outW;
        }
        if (outH != h) {
            px = pass8(px, h, w, c, outH, false);
            h = outH;
        }
        byte[] out = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = (byte) px[i];
        }
        return new Image(h, w, c, out);
    }

    /** PIL's 8-bit pass: coefficients in fixed point with 22 fraction bits, rounded, clipped to 0..255. */
    private static int[] pass8(int[] px, int h, int w, int c, int outSize, boolean horizontal) {
        int inSize = horizontal ? w : h;
        Filter f = Filter.bilinear(inSize, outSize);
        final int bits = 22;   // PIL: PRECISION_BITS = 32 - 8 - 2
        int[][] k = new int[outSize][];
        for (int o = 0; o < outSize; o++) {
            k[o] = new int[f.weights[o].length];
            for (int t = 0; t < k[o].length; t++) {
                double v = f.weights[o][t] * (1 << bits);
                k[o][t] = (int) (v < 0 ? -0.5 + v : 0.5 + v);   // C's truncation after +-0.5, as PIL
            }
        }
        int outH = horizontal ? h : outSize;
        int outW = horizontal ? outSize : w;
        int[] out = new int[outH * outW * c];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int o = horizontal ? x : y;
                for (int ch = 0; ch < c; ch++) {
                    long ss = 1L << (bits - 1);
                    for (int t = 0; t < k[o].length; t++) {
                        int s = f.start[o] + t;
                        int v = horizontal ? px[(y * w + s) * c + ch] : px[(s * w + x) * c + ch];
                        ss += (long) v * k[o][t];
                    }
                    long r = ss >> bits;
                    out[(y * outW + x) * c + ch] = (int) Math.max(0, Math.min(255, r));
                }
            }
        }
        return out;
    }

    private static Tensor resizeTensor(Tensor t, int outH, int outW) {
        int[] shape = t.shape();
        int h = shape[shape.length - 2];
        int w = shape[shape.length - 1];
        int planes = t.numel() / Math.max(1, h * w);
        double[] src = t.contiguous().toDoubleArray();
        Filter fx = Filter.bilinear(w, outW);
        Filter fy = Filter.bilinear(h, outH);
        double[] mid = new double[planes * h * outW];
        for (int r = 0; r < planes * h; r++) {
            for (int x = 0; x < outW; x++) {
                double s = 0;
                for (int k = 0; k < fx.weights[x].length; k++) {
                    s += src[r * w + fx.start[x] + k] * fx.weights[x][k];
                }
                mid[r * outW + x] = s;
            }
        }
        double[] out = new double[planes * outH * outW];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    double s = 0;
                    for (int k = 0; k < fy.weights[y].length; k++) {
                        s += mid[(p * h + fy.start[y] + k) * outW + x] * fy.weights[y][k];
                    }
                    out[(p * outH + y) * outW + x] = s;
                }
            }
        }
        int[] outShape = shape.clone();
        outShape[shape.length - 2] = outH;
        outShape[shape.length - 1] = outW;
        return new Tensor(NdArray.wrap(out, outShape)).to(t.dtype());
    }

    @Override
    public String toString() {
        return shorterEdge ? "Resize(size=" + height + ", interpolation=bilinear)"
                : "Resize(size=(" + height + ", " + width + "), interpolation=bilinear)";
    }

    /** For each output index: the first input index and the normalized weights (PIL's precompute_coeffs). */
    private record Filter(int[] start, double[][] weights) {
        static Filter bilinear(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = 1.0 * filterScale;   // the triangle filter's support is 1
            int[] start = new int[outSize];
            double[][] weights = new double[outSize][];
            for (int o = 0; o < outSize; o++) {
                double center = (o + 0.5) * scale;
                int min = Math.max(0, (int) (center - support + 0.5));
                int max = Math.min(inSize, (int) (center + support + 0.5));
                double[] k = new double[Math.max(0, max - min)];
                double sum = 0;
                for (int i = 0; i < k.length; i++) {
                    double d = Math.abs((i + min - center + 0.5) / filterScale);
                    k[i] = d < 1 ? 1 - d : 0;
                    sum += k[i];
                }
                for (int i = 0; i < k.length; i++) {
                    if (sum != 0) {
                        k[i] /= sum;
                    }
                }
                start[o] = min;
                weights[o] = k;
            }
            return new Filter(start, weights);
        }
    }
}
