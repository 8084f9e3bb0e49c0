package jtorch.tensor;

import jtorch.simd.Gemm;
import jtorch.simd.Parallel;

/** Batched matrix products on CPU storages through {@link Gemm}. */
final class CpuMatmul {
    private CpuMatmul() {}

    /** A 2-D operand as GEMM wants it: base array, offset step per batch, transposed flag and leading dim. */
    private record Operand(NdArray array, boolean trans, int ld) {}

    static void matmul(NdArray a, NdArray b, NdArray out) {
        int batch = out.size(0);
        int m = out.size(1);
        int n = out.size(2);
        int k = a.size(2);
        if (out.dtype() == DType.INT64 || out.dtype() == DType.BOOL) {
            matmulLong(a, b, out, batch, m, n, k);
            return;
        }
        Operand pa = operand(a);
        Operand pb = operand(b);
        NdArray aa = pa.array();
        NdArray bb = pb.array();
        Object as = ((CpuStorage) aa.storage()).array();
        Object bs = ((CpuStorage) bb.storage()).array();
        Object cs = ((CpuStorage) out.storage()).array();
        int aStep = aa.stride(0);
        int bStep = bb.stride(0);
        int cStep = out.stride(0);
        boolean f32 = out.dtype() == DType.FLOAT32;
        if (batch == 1 || Parallel.inParallelRegion()) {
            for (int i = 0; i < batch; i++) {
                gemm(f32, false, pa, pb, m, n, k, as, aa.offset() + i * aStep, bs, bb.offset() + i * bStep,
                        cs, out.offset() + i * cStep, n);
            }
            return;
        }
        // Many small products: one per task, each single-threaded.
        Parallel.forRange(0, batch, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                gemm(f32, true, pa, pb, m, n, k, as, aa.offset() + i * aStep, bs, bb.offset() + i * bStep,
                        cs, out.offset() + i * cStep, n);
            }
        });
    }

    private static void gemm(boolean f32, boolean serial, Operand pa, Operand pb, int m, int n, int k,
                             Object as, int aOff, Object bs, int bOff, Object cs, int cOff, int ldc) {
        if (f32) {
            if (serial) {
                Gemm.sgemmSerial(pa.trans(), pb.trans(), m, n, k, 1f, (float[]) as, aOff, pa.ld(),
                        (float[]) bs, bOff, pb.ld(), 0f, (float[]) cs, cOff, ldc);
            } else {
                Gemm.sgemm(pa.trans(), pb.trans(), m, n, k, 1f, (float[]) as, aOff, pa.ld(),
                        (float[]) bs, bOff, pb.ld(), 0f, (float[]) cs, cOff, ldc);
            }
        } else {
            if (serial) {
                Gemm.dgemmSerial(pa.trans(), pb.trans(), m, n, k, 1.0, (double[]) as, aOff, pa.ld(),
                        (double[]) bs, bOff, pb.ld(), 0.0, (double[]) cs, cOff, ldc);
            } else {
                Gemm.dgemm(pa.trans(), pb.trans(), m, n, k, 1.0, (double[]) as, aOff, pa.ld(),
                        (double[]) bs, bOff, pb.ld(), 0.0, (double[]) cs, cOff, ldc);
            }
        }
    }

    /**
     * Reads a [B, r, c] view as GEMM operands without copying when each matrix is row-major (unit column
     * stride) or column-major (a transposed view, unit row stride); otherwise makes it contiguous.
     */
    private static Operand operand(NdArray x) {
        int rows = x.size(1);
        int cols = x.size(2);
        int sr = x.stride(1);
        int sc = x.stride(2);
        if ((sc == 1 || cols == 1) && sr >= Math.max(1, cols)) {
            return new Operand(x, false, Math.max(sr, Math.max(1, cols)));
        }
        if ((sr == 1 || rows == 1) && sc >= Math.max(1, rows)) {
            return new Operand(x, true, Math.max(sc, Math.max(1, rows)));
        }
        NdArray c = x.copyContiguous();
        return new Operand(c, false, Math.max(1, cols));
    }

    private static void matmulLong(NdArray a, NdArray b, NdArray out, int batch, int m, int n, int k) {
        long[] c = (long[]) ((CpuStorage) out.storage()).array();
        NdArray al = a.to(DType.INT64);
        NdArray bl = b.to(DType.INT64);
        long[] as = (long[]) ((CpuStorage) al.storage()).array();
        long[] bs = (long[]) ((CpuStorage) bl.storage()).array();
        for (int p = 0; p < batch; p++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    long s = 0;
                    for (int q = 0; q < k; q++) {
                        s += as[al.offset() + p * al.stride(0) + i * al.stride(1) + q * al.stride(2)]
                                * bs[bl.offset() + p * bl.stride(0) + q * bl.stride(1) + j * bl.stride(2)];
                    }
                    c[out.offset() + p * out.stride(0) + i * out.stride(1) + j * out.stride(2)] = s;
                }
            }
        }
    }
}
