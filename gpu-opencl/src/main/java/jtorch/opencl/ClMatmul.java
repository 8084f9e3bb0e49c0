package jtorch.opencl;

import jtorch.tensor.DType;
import jtorch.tensor.NdArray;

/** Batched matrix products on the tiled GEMM kernel (gemm.cl), reading strided views in place. */
final class ClMatmul {
    private ClMatmul() {}

    /** Items per work item in each direction (register block WPT×WPT). */
    private static final int WPT = 4;

    /** One strided matrix operand: buffer, offset, batch stride, row stride, column stride. */
    record Mat(long mem, int off, int batchStride, int rowStride, int colStride) {
        static Mat of(NdArray x) {
            return new Mat(((OpenCLStorage) x.storage()).mem(), x.offset(), x.stride(0), x.stride(1), x.stride(2));
        }

        /** A view of the same data with rows and columns swapped. */
        Mat t() {
            return new Mat(mem, off, batchStride, colStride, rowStride);
        }

        boolean rowMajor() {
            return colStride == 1;
        }
    }

    static void matmul(OpenCLBackend be, NdArray a, NdArray b, NdArray out) {
        DType t = out.dtype();
        be.checkDtype(t);
        if (t == DType.BOOL) {
            throw new IllegalArgumentException("\"matmul\" not implemented for 'Bool'");
        }
        int k = a.size(2);
        gemm(be, t, out.size(0), out.size(1), out.size(2), k, Mat.of(a), Mat.of(b), Mat.of(out), 1, 0);
    }

    /** C = alpha·A·B + beta·C for each of {@code batch} matrices. */
    static void gemm(OpenCLBackend be, DType t, int batch, int m, int n, int k, Mat a, Mat b, Mat c, double alpha,
                     double beta) {
        if (batch == 0 || m == 0 || n == 0) {
            return;
        }
        int wg = be.info().maxWorkGroup() >= 256 ? 16 : 8;
        int ts = wg * WPT;
        String opts = Types.opts(t) + " -DWG=" + wg + " -DWPT=" + WPT;
        be.launch("gemm.cl", opts, "gemm").i(m).i(n).i(k)
                .mem(a.mem()).i(a.off()).i(a.batchStride()).i(a.rowStride()).i(a.colStride()).i(a.rowMajor() ? 1 : 0)
                .mem(b.mem()).i(b.off()).i(b.batchStride()).i(b.rowStride()).i(b.colStride()).i(b.rowMajor() ? 1 : 0)
                .mem(c.mem()).i(c.off()).i(c.batchStride()).i(c.rowStride()).i(c.colStride())
                .value(t, alpha).value(t, beta)
                .run(new long[] {(long) ceilDiv(n, ts) * wg, (long) ceilDiv(m, ts) * wg, batch}, new long[] {wg, wg, 1});
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
