package jtorch.tensor;

import jtorch.simd.Parallel;

/**
 * 2-d convolution on the CPU as im2col + GEMM, per image and group (PyTorch's layouts: input
 * [N, C, H, W], weight [O, C/g, kH, kW], output [N, O, oH, oW]).
 *
 * <p>Float32 forward and weight gradient run on the planar direct kernels for up to 4 input channels
 * ({@link CpuConvPlanar}), Winograd F(2x2, 3x3) for the forward pass of qualifying 3x3 layers
 * ({@link CpuConvWinograd}), Winograd F(2x2, 5x5) for the forward pass and input gradient of qualifying 5x5
 * layers ({@link CpuConvWinograd5x5}), the channels-last direct kernels for other ungrouped layers
 * ({@link CpuConvDirect}), or implicit GEMM ({@link CpuConvImplicit}); this class keeps the remaining input
 * gradients and the float64 path (the gradient checks).
 *
 * <p>PERF: with a batch at least as large as the thread count, images are spread over the pool and
 * each runs single-threaded GEMMs on its own scratch column buffer; a smaller batch loops over images
 * and lets GEMM use the threads. 1x1 stride-1 convolutions skip im2col (the input already is the
 * column matrix). All inputs arrive contiguous.
 */
final class CpuConv {
    private CpuConv() {}

    /** Geometry shared by forward and backward. */
    private record Geo(int n, int c, int h, int w, int o, int kH, int kW, int oH, int oW, int groups) {
        int cg() {
            return c / groups;
        }

        int og() {
            return o / groups;
        }

        int colRows() {
            return cg() * kH * kW;
        }

        int l() {
            return oH * oW;
        }

        static Geo of(NdArray x, NdArray w, int oH, int oW, int groups) {
            return new Geo(x.size(0), x.size(1), x.size(2), x.size(3), w.size(0), w.size(2), w.size(3), oH, oW,
                    groups);
        }
    }

    private static boolean splitBatch(int n) {
        return n >= Parallel.getNumThreads() && !Parallel.inParallelRegion() && Parallel.getNumThreads() > 1;
    }

    static void forward(NdArray x, NdArray w, NdArray bias, ConvParams p, NdArray out) {
        if (CpuConvPlanar.supports(x, w, p)) {
            CpuConvPlanar.forward(x, w, bias, p, out);
            return;
        }
        if (CpuConvWinograd.supports(x, w, p)) {
            CpuConvWinograd.forward(x, w, bias, p, out);
            return;
        }
        if (CpuConvWinograd5x5.supports(x, w, p)) {
            CpuConvWinograd5x5.forward(x, w, bias, p, out);
            return;
        }
        if (CpuConvDirect.supports(x, w, p)) {
            CpuConvDirect.forward(x, w, bias, p, out);
            return;
        }
        if (x.dtype() == DType.FLOAT32) {
            CpuConvImplicit.forward(x, w, bias, p, out);
            return;
        }
        Geo g = Geo.of(x, w, out.size(2), out.size(3), p.groups());
        Object xa = CpuStorage.arrayOf(x);
        Object wa = CpuStorage.arrayOf(w);
        Object ya = CpuStorage.arrayOf(out);
        Object ba = bias == null ? null : CpuStorage.arrayOf(bias);
        boolean pointwise = p.isPointwise(g.kH(), g.kW());
        boolean split = splitBatch(g.n());
        Parallel.RangeBody body = (from, to) -> {
            Object col = pointwise ? null : Scratch.of(x.dtype(), 0, g.colRows() * g.l());
            for (int i = from; i < to; i++) {
                int yImg = out.offset() + i * g.o() * g.l();
                if (ba != null) {
                    for (int oc = 0; oc < g.o(); oc++) {
                        Kern.fill(ya, yImg + oc * g.l(), g.l(), Kern.get(ba, bias.offset() + oc));
                    }
                }
                for (int gr = 0; gr < g.groups(); gr++) {
                    int xOff = x.offset() + (i * g.c() + gr * g.cg()) * g.h() * g.w();
                    Object b = xa;
                    int bOff = xOff;
                    if (!pointwise) {
                        Kern.im2col(xa, xOff, g.cg(), g.h(), g.w(), g.kH(), g.kW(), p, col);
                        b = col;
                        bOff = 0;
                    }
                    Kern.gemm(split, false, false, g.og(), g.l(), g.colRows(), wa,
                            w.offset() + gr * g.og() * g.colRows(), g.colRows(), b, bOff, g.l(), ba == null ? 0 : 1,
                            ya, yImg + gr * g.og() * g.l(), g.l());
                }
            }
        };
        if (split) {
            Parallel.forRange(0, g.n(), 1, body);
        } else {
            body.run(0, g.n());
        }
    }

    static void backward(NdArray gy, NdArray x, NdArray w, ConvParams p, NdArray gx, NdArray gw, NdArray gb) {
        Geo g = Geo.of(x, w, gy.size(2), gy.size(3), p.groups());
        boolean planarWeights = gw != null && CpuConvPlanar.supports(x, w, p);
        if (gb != null && !planarWeights) {
            biasGrad(gy, g, gb);
        }
        boolean direct = CpuConvDirect.supports(x, w, p);
        if (gx != null) {
            if (CpuConvWinograd5x5.supportsInputGrad(w, p, gx)) {
                CpuConvWinograd5x5.inputGrad(gy, w, p, gx);
            } else if (direct && CpuConvDirect.supportsInputGrad(w, p)) {
                CpuConvDirect.inputGrad(gy, w, p, gx);
            } else {
                inputGrad(gy, w, p, g, gx);
            }
        }
        if (gw != null) {
            if (planarWeights) {
                // The bias gradient is summed there, in the weight gradient's pass over gy.
                CpuConvPlanar.weightGrad(gy, x, w, p, gw, gb);
            } else if (CpuConvWinograd5x5.supportsWeightGrad(x, w, p)) {
                CpuConvWinograd5x5.weightGrad(gy, x, w, p, gw);
            } else if (direct) {
                CpuConvDirect.weightGrad(gy, x, w, p, gw);
            } else if (x.dtype() == DType.FLOAT32) {
                CpuConvImplicit.weightGrad(gy, x, w, p, gw);
            } else {
                weightGrad(gy, x, p, g, gw);
            }
        }
    }

    private static void biasGrad(NdArray gy, Geo g, NdArray gb) {
        Object ga = CpuStorage.arrayOf(gy);
        Object ba = CpuStorage.arrayOf(gb);
        // Channels are independent and each is summed in the same order whatever the split: deterministic.
        Parallel.forRange(0, g.o(), 4, (from, to) -> {
            for (int oc = from; oc < to; oc++) {
                double s = 0;
                for (int i = 0; i < g.n(); i++) {
                    s += Kern.sum(ga, gy.offset() + (i * g.o() + oc) * g.l(), g.l());
                }
                Kern.add(ba, gb.offset() + oc, s);
            }
        });
    }

    /** gx (zeroed by the caller) = col2im(Wᵀ · gy) per image and group. */
    private static void inputGrad(NdArray gy, NdArray w, ConvParams p, Geo g, NdArray gx) {
        Object ga = CpuStorage.arrayOf(gy);
        Object wa = CpuStorage.arrayOf(w);
        Object xa = CpuStorage.arrayOf(gx);
        boolean pointwise = p.isPointwise(g.kH(), g.kW());
        boolean split = splitBatch(g.n());
        Parallel.RangeBody body = (from, to) -> {
            Object col = pointwise ? null : Scratch.of(gx.dtype(), 0, g.colRows() * g.l());
            for (int i = from; i < to; i++) {
                for (int gr = 0; gr < g.groups(); gr++) {
                    int xOff = gx.offset() + (i * g.c() + gr * g.cg()) * g.h() * g.w();
                    int gyOff = gy.offset() + (i * g.o() + gr * g.og()) * g.l();
                    int wOff = w.offset() + gr * g.og() * g.colRows();
                    if (pointwise) {
                        Kern.gemm(split, true, false, g.colRows(), g.l(), g.og(), wa, wOff, g.colRows(), ga, gyOff,
                                g.l(), 1, xa, xOff, g.l());
                    } else {
                        Kern.gemm(split, true, false, g.colRows(), g.l(), g.og(), wa, wOff, g.colRows(), ga, gyOff,
                                g.l(), 0, col, 0, g.l());
                        Kern.col2im(col, g.cg(), g.h(), g.w(), g.kH(), g.kW(), p, xa, xOff);
                    }
                }
            }
        };
        if (split) {
            Parallel.forRange(0, g.n(), 1, body);
        } else {
            body.run(0, g.n());
        }
    }

    /** gw += Σ_images gy · colᵀ; with a split batch each thread sums into its own buffer, then they are added. */
    private static void weightGrad(NdArray gy, NdArray x, ConvParams p, Geo g, NdArray gw) {
        Object ga = CpuStorage.arrayOf(gy);
        Object xa = CpuStorage.arrayOf(x);
        Object wa = CpuStorage.arrayOf(gw);
        int wSize = g.o() * g.colRows();
        boolean pointwise = p.isPointwise(g.kH(), g.kW());
        boolean split = splitBatch(g.n());
        if (!split) {
            accumulateWeightGrad(ga, gy.offset(), xa, x.offset(), p, g, 0, g.n(), pointwise, false, wa, gw.offset());
            return;
        }
        int threads = Math.min(Parallel.getNumThreads(), g.n());
        Object[] partial = new Object[threads];
        Parallel.forRange(0, threads, 1, (from, to) -> {
            // One accumulator per share of the batch, whichever thread runs it: forRange runs the whole range
            // inline when the pool is busy, and the shares (hence the sums) must not depend on that, or a run
            // with DataLoader workers would differ from one without. A thread owns one scratch slot, so a second
            // share on the same thread (the inline case only) gets a fresh buffer.
            for (int t = from; t < to; t++) {
                int lo = (int) ((long) g.n() * t / threads);
                int hi = (int) ((long) g.n() * (t + 1) / threads);
                Object acc = t == from ? Scratch.of(gw.dtype(), 1, wSize)
                        : gw.dtype() == DType.FLOAT32 ? new float[wSize] : new double[wSize];
                Kern.fill(acc, 0, wSize, 0);
                accumulateWeightGrad(ga, gy.offset(), xa, x.offset(), p, g, lo, hi, pointwise, true, acc, 0);
                partial[t] = acc;
            }
        });
        for (Object acc : partial) {
            if (acc != null) {
                Kern.addTo(acc, 0, wa, gw.offset(), wSize);
            }
        }
    }

    private static void accumulateWeightGrad(Object ga, int gyBase, Object xa, int xBase, ConvParams p, Geo g,
                                             int from, int to, boolean pointwise, boolean serial, Object acc,
                                             int accOff) {
        Object col = pointwise ? null : Scratch.of(x(xa), 0, g.colRows() * g.l());
        for (int i = from; i < to; i++) {
            for (int gr = 0; gr < g.groups(); gr++) {
                int xOff = xBase + (i * g.c() + gr * g.cg()) * g.h() * g.w();
                Object b = xa;
                int bOff = xOff;
                if (!pointwise) {
                    Kern.im2col(xa, xOff, g.cg(), g.h(), g.w(), g.kH(), g.kW(), p, col);
                    b = col;
                    bOff = 0;
                }
                Kern.gemm(serial, false, true, g.og(), g.colRows(), g.l(), ga, gyBase + (i * g.o() + gr * g.og()) * g.l(),
                        g.l(), b, bOff, g.l(), 1, acc, accOff + gr * g.og() * g.colRows(), g.colRows());
            }
        }
    }

    private static DType x(Object a) {
        return a instanceof float[] ? DType.FLOAT32 : DType.FLOAT64;
    }
}
