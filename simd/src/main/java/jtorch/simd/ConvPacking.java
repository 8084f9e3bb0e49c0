package jtorch.simd;

/**
 * Convolution as implicit GEMM: {@link SgemmOperand}s that read the im2col matrix of a batch of images
 * (and the transposed output gradients) straight from the tensors into GEMM panels, so the column matrix
 * is never materialized and copied twice.
 *
 * <p>The im2col matrix of images {@code [0, count)} starting at {@code xOff} (image stride
 * {@code imageStride}, channels plane-major {@code [C][H][W]}) has rows {@code p = (c*kH + kh)*kW + kw} and
 * columns {@code j = img*L + oh*outW + ow} ({@code L = outH*outW}); element (p, j) is
 * {@code x[c][oh*sH - pH + kh*dH][ow*sW - pW + kw*dW]}, or 0 in the padding — the layout of
 * {@link Conv#im2col}, images side by side.
 *
 * <ul>
 *   <li>forward: {@code out[O, count*L] = W[O, K] · col} with {@link #im2colB};</li>
 *   <li>weight gradient: {@code gWᵀ[K, O] = col · gyᵀ} with {@link #im2colA} and {@link #batchTransposedB}.</li>
 * </ul>
 */
public final class ConvPacking {
    private ConvPacking() {}

    /** The geometry of one convolution group: input channels, image, kernel, stride, padding, dilation, output. */
    public record Geometry(int channels, int height, int width, int kH, int kW, int sH, int sW, int pH, int pW,
                           int dH, int dW, int outH, int outW) {
        /** Rows of the im2col matrix: C·kH·kW. */
        public int k() {
            return channels * kH * kW;
        }

        /** Output positions per image. */
        public int l() {
            return outH * outW;
        }
    }

    /** The im2col matrix as op(B) ({@code K x count*L}). */
    public static SgemmOperand.B im2colB(float[] x, int xOff, int imageStride, Geometry g) {
        return (p0, j0, kc, nc, nr, dst) -> packColB(x, xOff, imageStride, g, p0, j0, kc, nc, nr, dst);
    }

    /** The im2col matrix as op(A) ({@code K x count*L}). */
    public static SgemmOperand.A im2colA(float[] x, int xOff, int imageStride, Geometry g) {
        return (i0, p0, mc, kc, mr, dst) -> packColA(x, xOff, imageStride, g, i0, p0, mc, kc, mr, dst);
    }

    /**
     * op(B)(p, j) = {@code y[yOff + img*imageStride + j*l + q]} for {@code p = img*l + q}: per-image
     * {@code [rows x l]} matrices (e.g. output gradients [O, L]) transposed and stacked, {@code count*l x rows}.
     */
    public static SgemmOperand.B batchTransposedB(float[] y, int yOff, int imageStride, int l) {
        return (p0, j0, kc, nc, nr, dst) -> {
            for (int jr = 0; jr < nc; jr += nr) {
                int cols = Math.min(nr, nc - jr);
                int d0 = jr * kc;
                int img = p0 / l;
                int q = p0 % l;
                for (int p = 0; p < kc; p++) {
                    int base = yOff + img * imageStride + (j0 + jr) * l + q;
                    int d = d0 + p * nr;
                    for (int j = 0; j < cols; j++) {
                        dst[d + j] = y[base + j * l];
                    }
                    for (int j = cols; j < nr; j++) {
                        dst[d + j] = 0f;
                    }
                    if (++q == l) {
                        q = 0;
                        img++;
                    }
                }
            }
        };
    }

    /** Packs col[p0 : p0+kc, j0 : j0+nc] as nr-column panels, copying each panel row's runs from the image. */
    private static void packColB(float[] x, int xOff, int imageStride, Geometry g, int p0, int j0, int kc, int nc,
                                 int nr, float[] dst) {
        int l = g.l();
        int kArea = g.kH() * g.kW();
        int plane = g.height() * g.width();
        // A panel's columns split into segments of one (image, output row): at most nr of them.
        int[] segStart = new int[nr];
        int[] segLen = new int[nr];
        int[] segBase = new int[nr];
        int[] segOh = new int[nr];
        int[] segOw = new int[nr];
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            int segments = 0;
            int j = j0 + jr;
            int end = j + cols;
            while (j < end) {
                int img = j / l;
                int pos = j % l;
                int oh = pos / g.outW();
                int ow = pos % g.outW();
                int len = Math.min(end - j, g.outW() - ow);
                segStart[segments] = j - j0 - jr;
                segLen[segments] = len;
                segBase[segments] = xOff + img * imageStride;
                segOh[segments] = oh;
                segOw[segments] = ow;
                segments++;
                j += len;
            }
            int d0 = jr * kc;
            int c = p0 / kArea;
            int kh = p0 % kArea / g.kW();
            int kw = p0 % g.kW();
            for (int p = 0; p < kc; p++) {
                int d = d0 + p * nr;
                for (int s = 0; s < segments; s++) {
                    int ih = segOh[s] * g.sH() - g.pH() + kh * g.dH();
                    int at = d + segStart[s];
                    int len = segLen[s];
                    if (ih < 0 || ih >= g.height()) {
                        zero(dst, at, at + len);
                        continue;
                    }
                    int row = segBase[s] + c * plane + ih * g.width();
                    int iw0 = segOw[s] * g.sW() - g.pW() + kw * g.dW();
                    copyRow(x, row, iw0, g.sW(), g.width(), len, dst, at);
                }
                if (cols < nr) {
                    zero(dst, d + cols, d + nr);
                }
                if (++kw == g.kW()) {
                    kw = 0;
                    if (++kh == g.kH()) {
                        kh = 0;
                        c++;
                    }
                }
            }
        }
    }

    /** dst[at + t] = x[row + iw0 + t*step] where 0 <= iw0 + t*step < width, else 0, for t < len. */
    private static void copyRow(float[] x, int row, int iw0, int step, int width, int len, float[] dst, int at) {
        if (step == 1) {
            int lo = Math.min(len, Math.max(0, -iw0));
            int hi = Math.max(lo, Math.min(len, width - iw0));
            zero(dst, at, at + lo);
            if (hi > lo) {
                // NOTE: only when something is copied: with nothing in range, row + iw0 + lo may lie past the last
                // image, and arraycopy rejects even an empty copy there.
                System.arraycopy(x, row + iw0 + lo, dst, at + lo, hi - lo);
            }
            zero(dst, at + hi, at + len);
            return;
        }
        for (int t = 0; t < len; t++) {
            int iw = iw0 + t * step;
            dst[at + t] = iw >= 0 && iw < width ? x[row + iw] : 0f;
        }
    }

    /** Packs col[i0 : i0+mc, p0 : p0+kc] as mr-row panels: each row is a run of positions, stored mr apart. */
    private static void packColA(float[] x, int xOff, int imageStride, Geometry g, int i0, int p0, int mc, int kc,
                                 int mr, float[] dst) {
        int l = g.l();
        int outW = g.outW();
        int kW = g.kW();
        int kArea = g.kH() * kW;
        int height = g.height();
        int width = g.width();
        int plane = height * width;
        int sW = g.sW();
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int d0 = ir * kc;
            for (int r = 0; r < mr; r++) {
                if (r >= rows) {
                    for (int p = 0, d = d0 + r; p < kc; p++, d += mr) {
                        dst[d] = 0f;
                    }
                    continue;
                }
                int kk = i0 + ir + r;
                int c = kk / kArea;
                int kh = kk % kArea / kW;
                int kw = kk % kW;
                int hOff = kh * g.dH() - g.pH();
                int wOff = kw * g.dW() - g.pW();
                int chan = c * plane;
                int p = 0;
                int img = p0 / l;
                int pos = p0 % l;
                int oh = pos / outW;
                int ow = pos % outW;
                int d = d0 + r;
                while (p < kc) {
                    int len = Math.min(kc - p, outW - ow);
                    int ih = oh * g.sH() + hOff;
                    int iw0 = ow * sW + wOff;
                    // Valid t: 0 <= iw0 + t*sW < width, and the row inside the image.
                    int lo = len;
                    int hi = len;
                    if (ih >= 0 && ih < height) {
                        lo = iw0 >= 0 ? 0 : Math.min(len, (-iw0 + sW - 1) / sW);
                        hi = iw0 >= width ? lo : Math.max(lo, Math.min(len, (width - 1 - iw0) / sW + 1));
                    }
                    int t = 0;
                    for (; t < lo; t++, d += mr) {
                        dst[d] = 0f;
                    }
                    int src = xOff + img * imageStride + chan + ih * width + iw0 + t * sW;
                    for (; t < hi; t++, d += mr, src += sW) {
                        dst[d] = x[src];
                    }
                    for (; t < len; t++, d += mr) {
                        dst[d] = 0f;
                    }
                    p += len;
                    ow += len;
                    if (ow == outW) {
                        ow = 0;
                        if (++oh == g.outH()) {
                            oh = 0;
                            img++;
                        }
                    }
                }
            }
        }
    }

    /** dst[from, to) = 0 with a plain loop: the ranges here are a few elements, too short for Arrays.fill's call. */
    private static void zero(float[] dst, int from, int to) {
        for (int i = from; i < to; i++) {
            dst[i] = 0f;
        }
    }
}
