package jtorch.tensor;

import jtorch.simd.BinaryOp;
import jtorch.simd.ConvPacking;
import jtorch.simd.Elementwise;
import jtorch.simd.Gemm;
import jtorch.simd.Parallel;
import jtorch.simd.SgemmOperand;

/**
 * Float32 convolution forward and weight gradient as implicit GEMM over a chunk of images at once: the
 * im2col matrix is packed straight from the input into GEMM panels ({@link ConvPacking}), never
 * materialized, and one GEMM covers every image of a chunk, so the weights are packed once per chunk.
 *
 * <p>PERF: on the seed network (batch 64, one thread, loaded machine) the per-image im2col + GEMM route
 * spent about as long copying columns (im2col, then packing them again) as multiplying; this route copies
 * each column element once. The input gradient still goes through GEMM + col2im per image ({@link CpuConv}).
 */
final class CpuConvImplicit {
    /** Largest chunk output buffer, in floats (16 MiB): bounds per-thread scratch on big images. */
    private static final int MAX_CHUNK_FLOATS = 1 << 22;

    private CpuConvImplicit() {}

    static ConvPacking.Geometry geometry(NdArray x, NdArray w, ConvParams p, int oH, int oW) {
        return new ConvPacking.Geometry(x.size(1) / p.groups(), x.size(2), x.size(3), w.size(2), w.size(3),
                p.strideH(), p.strideW(), p.padH(), p.padW(), p.dilH(), p.dilW(), oH, oW);
    }

    /** Images per GEMM so the chunk's output buffer stays under the cap. */
    private static int chunkImages(int rows, int l) {
        return Math.max(1, MAX_CHUNK_FLOATS / Math.max(1, rows * l));
    }

    static void forward(NdArray x, NdArray w, NdArray bias, ConvParams p, NdArray out) {
        int n = x.size(0);
        int o = w.size(0);
        int groups = p.groups();
        int og = o / groups;
        ConvPacking.Geometry g = geometry(x, w, p, out.size(2), out.size(3));
        int k = g.k();
        int l = g.l();
        int image = x.size(1) * x.size(2) * x.size(3);
        int plane = x.size(2) * x.size(3);
        float[] xa = CpuStorage.floatsOf(x);
        float[] wa = CpuStorage.floatsOf(w);
        float[] ya = CpuStorage.floatsOf(out);
        float[] ba = bias == null ? null : CpuStorage.floatsOf(bias);
        int threads = Parallel.getNumThreads();
        boolean byImage = n >= threads || threads == 1 || Parallel.inParallelRegion();
        if (byImage) {
            Parallel.forRange(0, n, 1, (from, to) -> {
                int step = chunkImages(og, l);
                for (int a = from; a < to; a += step) {
                    int cnt = Math.min(step, to - a);
                    for (int gr = 0; gr < groups; gr++) {
                        forwardBlock(xa, x.offset() + a * image + gr * g.channels() * plane, image, g, wa,
                                w.offset() + gr * og * k, k, og, cnt * l, 0, cnt * l, ba, bias == null ? 0
                                        : bias.offset() + gr * og, ya, out.offset() + a * o * l + gr * og * l, o * l, l);
                    }
                }
            });
            return;
        }
        // Fewer images than threads (e.g. one image at inference): split each image's columns instead.
        for (int img = 0; img < n; img++) {
            int i = img;
            for (int gr = 0; gr < groups; gr++) {
                int grp = gr;
                Parallel.forRange(0, l, 64, (c0, c1) -> forwardBlock(xa, x.offset() + i * image + grp * g.channels() * plane,
                        image, g, wa, w.offset() + grp * og * k, k, og, l, c0, c1 - c0, ba,
                        bias == null ? 0 : bias.offset() + grp * og, ya, out.offset() + i * o * l + grp * og * l, o * l, l));
            }
        }
    }

    /**
     * out columns [c0, c0+width) of W[og, K] · col(images) where col has {@code total} columns; results land in
     * out as [image][og][L] (image stride {@code outImage}), plus bias.
     */
    private static void forwardBlock(float[] xa, int xOff, int image, ConvPacking.Geometry g, float[] wa, int wOff,
                                     int k, int og, int total, int c0, int width, float[] ba, int bOff, float[] ya,
                                     int yOff, int outImage, int l) {
        float[] tmp = Scratch.floats(0, og * width);
        SgemmOperand.B col = ConvPacking.im2colB(xa, xOff, image, g);
        SgemmOperand.B cols = c0 == 0 ? col : (p0, j0, kc, nc, nr, dst) -> col.pack(p0, j0 + c0, kc, nc, nr, dst);
        Gemm.sgemmSerial(og, width, k, 1f, SgemmOperand.ofA(false, wa, wOff, k), cols, 0f, tmp, 0, width);
        // Scatter [og][images*L] to [image][og][L], adding the bias on the way.
        for (int oc = 0; oc < og; oc++) {
            float b = ba == null ? 0f : ba[bOff + oc];
            int j = 0;
            while (j < width) {
                int col0 = c0 + j;
                int img = col0 / l;
                int q = col0 % l;
                int len = Math.min(width - j, l - q);
                int dst = yOff + img * outImage + oc * l + q;
                if (ba == null) {
                    System.arraycopy(tmp, oc * width + j, ya, dst, len);
                } else {
                    Elementwise.binaryScalar(BinaryOp.ADD, len, tmp, oc * width + j, b, ya, dst);
                }
                j += len;
            }
        }
    }

    /** gw += Σ_images gy · colᵀ, computed as gwᵀ[K, og] = col · gyᵀ per chunk, per thread, then summed. */
    static void weightGrad(NdArray gy, NdArray x, NdArray w, ConvParams p, NdArray gw) {
        int n = x.size(0);
        int o = w.size(0);
        int groups = p.groups();
        int og = o / groups;
        ConvPacking.Geometry g = geometry(x, w, p, gy.size(2), gy.size(3));
        int k = g.k();
        int l = g.l();
        int image = x.size(1) * x.size(2) * x.size(3);
        int plane = x.size(2) * x.size(3);
        float[] xa = CpuStorage.floatsOf(x);
        float[] ga = CpuStorage.floatsOf(gy);
        float[] wa = CpuStorage.floatsOf(gw);
        int size = groups * k * og;
        int threads = Math.max(1, Math.min(Parallel.getNumThreads(), n));
        float[][] partial = new float[threads][];
        Parallel.forRange(0, threads, 1, (from, to) -> {
            // One accumulator per share of the batch, whichever thread runs it: forRange runs the whole range
            // inline when the pool is busy, and the shares (hence the sums) must not depend on that. A thread
            // owns one scratch slot, so a second share on the same thread (the inline case only) gets a fresh
            // buffer.
            for (int t = from; t < to; t++) {
                int lo = (int) ((long) n * t / threads);
                int hi = (int) ((long) n * (t + 1) / threads);
                float[] acc = t == from ? Scratch.floats(1, size) : new float[size];
                java.util.Arrays.fill(acc, 0, size, 0f);
                for (int gr = 0; gr < groups; gr++) {
                    int cnt = hi - lo;
                    if (cnt == 0) {
                        continue;
                    }
                    Gemm.sgemmSerial(k, og, cnt * l, 1f,
                            ConvPacking.im2colA(xa, x.offset() + lo * image + gr * g.channels() * plane, image, g),
                            ConvPacking.batchTransposedB(ga, gy.offset() + lo * o * l + gr * og * l, o * l, l), 0f,
                            acc, gr * k * og, og);
                }
                partial[t] = acc;
            }
        });
        for (float[] acc : partial) {
            if (acc == null) {
                continue;
            }
            for (int gr = 0; gr < groups; gr++) {
                for (int oc = 0; oc < og; oc++) {
                    int dst = gw.offset() + (gr * og + oc) * k;
                    int src = gr * k * og + oc;
                    for (int kk = 0; kk < k; kk++) {
                        wa[dst + kk] += acc[src + kk * og];
                    }
                }
            }
        }
    }
}
