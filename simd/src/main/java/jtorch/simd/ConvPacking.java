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
                        java.util.Arrays.fill(dst, at, at + len, 0f);
                        continue;
                    }
                    int row = segBase[s] + c * plane + ih * g.width();
                    int iw0 = segOw[s] * g.sW() - g.pW() + kw * g.dW();
                    copyRow(x, row, iw0, g.sW(), g.width(), len, dst, at);
                }
                if (cols < nr) {
                    java.util.Arrays.fill(dst, d + cols, d + nr, 0f);
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
            java.util.Arrays.fill(dst, at, at + lo, 0f);
            System.arraycopy(x, row + iw0 + lo, dst, at + lo, hi - lo);
            java.util.Arrays.fill(dst, at + hi, at + len, 0f);
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
        int kArea = g.kH() * g.kW();
        int plane = g.height() * g.width();
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int d0 = ir * kc;
            for (int r = 0; r < mr; r++) {
                if (r >= rows) {
                    for (int p = 0; p < kc; p++) {
                        dst[d0 + p * mr + r] = 0f;
                    }
                    continue;
                }
                int kk = i0 + ir + r;
                int c = kk / kArea;
                int kh = kk % kArea / g.kW();
                int kw = kk % g.kW();
                int p = 0;
                int j = p0;
                while (p < kc) {
                    int img = j / l;
                    int pos = j % l;
                    int oh = pos / g.outW();
                    int ow = pos % g.outW();
                    int len = Math.min(kc - p, g.outW() - ow);
                    int ih = oh * g.sH() - g.pH() + kh * g.dH();
                    int iw0 = ow * g.sW() - g.pW() + kw * g.dW();
                    int row = xOff + img * imageStride + c * plane + ih * g.width();
                    boolean rowIn = ih >= 0 && ih < g.height();
                    int d = d0 + p * mr + r;
                    for (int t = 0; t < len; t++) {
                        int iw = iw0 + t * g.sW();
                        dst[d] = rowIn && iw >= 0 && iw < g.width() ? x[row + iw] : 0f;
                        d += mr;
                    }
                    p += len;
                    j += len;
                }
            }
        }
    }
}
