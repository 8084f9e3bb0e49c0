package jtorch.opencl;

import jtorch.opencl.ClMatmul.Mat;
import jtorch.tensor.ConvParams;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import jtorch.tensor.ReduceOp;

/**
 * 2-d convolution as im2col + GEMM on the device (conv.cl, gemm.cl), per chunk of images and group.
 * Chunks bound the column buffer to {@link #COL_LIMIT} elements; within a chunk one batched GEMM covers
 * every image (forward, input gradient) or one wide GEMM sums over all of them (weight gradient).
 */
final class ClConv {
    private ClConv() {}

    private static final String FILE = "conv.cl";

    /** The most column-buffer elements per chunk (128 MiB of float32). */
    private static final long COL_LIMIT = 1L << 25;

    /** Geometry shared by forward and backward. */
    private record Geo(int n, int c, int h, int w, int o, int kH, int kW, int oH, int oW, int groups, ConvParams p) {
        int cg() {
            return c / groups;
        }

        int og() {
            return o / groups;
        }

        int rows() {
            return cg() * kH * kW;
        }

        int l() {
            return oH * oW;
        }

        /** Images per chunk. */
        int chunk() {
            long per = Math.max(1L, (long) rows() * l());
            return (int) Math.max(1, Math.min(n, COL_LIMIT / per));
        }

        /** The ConvGeo struct of conv.cl for a chunk of {@code count} images. */
        int[] struct(int count) {
            return new int[] {count, cg(), h, w, kH, kW, p.strideH(), p.strideW(), p.padH(), p.padW(), p.dilH(),
                p.dilW(), oH, oW};
        }

        static Geo of(NdArray x, NdArray w, int oH, int oW, ConvParams p) {
            return new Geo(x.size(0), x.size(1), x.size(2), x.size(3), w.size(0), w.size(2), w.size(3), oH, oW,
                    p.groups(), p);
        }
    }

    private static long mem(NdArray a) {
        return ((OpenCLStorage) a.storage()).mem();
    }

    static void forward(OpenCLBackend be, NdArray x, NdArray w, NdArray bias, ConvParams p, NdArray out) {
        DType t = x.dtype();
        be.checkDtype(t);
        Geo g = Geo.of(x, w, out.size(2), out.size(3), p);
        if (out.numel() == 0) {
            return;
        }
        if (bias != null) {
            ClElementwise.copy(be, bias.view(1, g.o(), 1, 1).expand(out.shape()), out);
        }
        int chunk = g.chunk();
        OpenCLStorage col = be.raw(t, chunk * g.rows() * g.l());
        try {
            for (int i0 = 0; i0 < g.n(); i0 += chunk) {
                int cnt = Math.min(chunk, g.n() - i0);
                for (int gr = 0; gr < g.groups(); gr++) {
                    int xOff = x.offset() + (i0 * g.c() + gr * g.cg()) * g.h() * g.w();
                    im2col(be, t, g, cnt, mem(x), xOff, col.mem(), g.rows() * g.l(), g.l());
                    Mat a = new Mat(mem(w), w.offset() + gr * g.og() * g.rows(), 0, g.rows(), 1);
                    Mat b = new Mat(col.mem(), 0, g.rows() * g.l(), g.l(), 1);
                    Mat c = new Mat(mem(out), out.offset() + (i0 * g.o() + gr * g.og()) * g.l(), g.o() * g.l(), g.l(),
                            1);
                    ClMatmul.gemm(be, t, cnt, g.og(), g.l(), g.rows(), a, b, c, 1, bias == null ? 0 : 1);
                }
            }
        } finally {
            col.release();
        }
    }

    static void backward(OpenCLBackend be, NdArray gy, NdArray x, NdArray w, ConvParams p, NdArray gx, NdArray gw,
                         NdArray gb) {
        DType t = x.dtype();
        be.checkDtype(t);
        Geo g = Geo.of(x, w, gy.size(2), gy.size(3), p);
        if (gy.numel() == 0) {
            return;
        }
        if (gb != null) {
            biasGrad(be, gy, g, gb);
        }
        int chunk = g.chunk();
        OpenCLStorage col = be.raw(t, chunk * g.rows() * g.l());
        try {
            for (int i0 = 0; i0 < g.n(); i0 += chunk) {
                int cnt = Math.min(chunk, g.n() - i0);
                for (int gr = 0; gr < g.groups(); gr++) {
                    if (gx != null) {
                        inputGrad(be, t, gy, w, gx, g, i0, cnt, gr, col);
                    }
                    if (gw != null) {
                        weightGrad(be, t, gy, x, gw, g, i0, cnt, gr, col);
                    }
                }
            }
        } finally {
            col.release();
        }
    }

    /** gb += Σ over images and positions of gy. */
    private static void biasGrad(OpenCLBackend be, NdArray gy, Geo g, NdArray gb) {
        NdArray sum = be.empty(gy.dtype(), 1, g.o(), 1, 1);
        ClReduce.reduce(be, ReduceOp.SUM, gy, sum);
        NdArray gbv = gb.view(1, g.o(), 1, 1);
        ClElementwise.binary(be, jtorch.simd.BinaryOp.ADD, gbv, sum, gbv);
        ((OpenCLStorage) sum.storage()).release();
    }

    /** col = W_gᵀ · gy per image (batched TN GEMM), then gx += col2im(col). */
    private static void inputGrad(OpenCLBackend be, DType t, NdArray gy, NdArray w, NdArray gx, Geo g, int i0, int cnt,
                                  int gr, OpenCLStorage col) {
        Mat a = new Mat(mem(w), w.offset() + gr * g.og() * g.rows(), 0, 1, g.rows());
        Mat b = new Mat(mem(gy), gy.offset() + (i0 * g.o() + gr * g.og()) * g.l(), g.o() * g.l(), g.l(), 1);
        Mat c = new Mat(col.mem(), 0, g.rows() * g.l(), g.l(), 1);
        ClMatmul.gemm(be, t, cnt, g.rows(), g.l(), g.og(), a, b, c, 1, 0);
        int xOff = gx.offset() + (i0 * g.c() + gr * g.cg()) * g.h() * g.w();
        int n = cnt * g.cg() * g.h() * g.w();
        be.launch(FILE, Types.opts(t), "col2im").ints(g.struct(cnt)).mem(col.mem()).i(g.rows() * g.l()).i(g.l())
                .mem(mem(gx)).i(xOff).i(g.c() * g.h() * g.w()).run(n);
    }

    /**
     * gw_g += gy_g [og, cnt·L] · colᵀ [cnt·L, rows]: im2col in the wide layout, gy's group slice gathered
     * into [og, cnt, L] order by a strided copy, then one NT GEMM.
     */
    private static void weightGrad(OpenCLBackend be, DType t, NdArray gy, NdArray x, NdArray gw, Geo g, int i0,
                                   int cnt, int gr, OpenCLStorage col) {
        int xOff = x.offset() + (i0 * g.c() + gr * g.cg()) * g.h() * g.w();
        int wide = cnt * g.l();
        im2col(be, t, g, cnt, mem(x), xOff, col.mem(), g.l(), wide);
        NdArray slice = gy.view(g.n(), g.o(), g.l()).narrow(0, i0, cnt).narrow(1, gr * g.og(), g.og())
                .permute(1, 0, 2);
        NdArray gyP = be.empty(t, g.og(), cnt, g.l());
        ClElementwise.copy(be, slice, gyP);
        Mat a = new Mat(mem(gyP), 0, 0, wide, 1);
        Mat b = new Mat(col.mem(), 0, 0, 1, wide);
        Mat c = new Mat(mem(gw), gw.offset() + gr * g.og() * g.rows(), 0, g.rows(), 1);
        ClMatmul.gemm(be, t, 1, g.og(), g.rows(), wide, a, b, c, 1, 1);
        ((OpenCLStorage) gyP.storage()).release();
    }

    private static void im2col(OpenCLBackend be, DType t, Geo g, int cnt, long x, int xOff, long col, int colN,
                               int colR) {
        int n = cnt * g.rows() * g.l();
        be.launch(FILE, Types.opts(t), "im2col").ints(g.struct(cnt)).mem(x).i(xOff).i(g.c() * g.h() * g.w())
                .mem(col).i(colN).i(colR).run(n);
    }
}
