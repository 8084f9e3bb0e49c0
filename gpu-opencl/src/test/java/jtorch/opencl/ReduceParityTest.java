package jtorch.opencl;

import static jtorch.opencl.Parity.CPU;
import static jtorch.opencl.Parity.assertClose;
import static jtorch.opencl.Parity.backend;
import static jtorch.opencl.Parity.dev;
import static jtorch.opencl.Parity.devZeros;

import java.util.Random;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import jtorch.tensor.ReduceOp;
import org.junit.jupiter.api.Test;

/** Reductions (short and work-group paths), arg-reductions and softmax against the CPU backend. */
class ReduceParityTest {
    private final Random r = new Random(11);

    private static int[] keep(int[] shape, int... dims) {
        int[] s = shape.clone();
        for (int d : dims) {
            s[d] = 1;
        }
        return s;
    }

    private void check(ReduceOp op, NdArray x, DType outType, int... dims) {
        int[] os = keep(x.shape(), dims);
        NdArray want = NdArray.zeros(outType, os);
        CPU.reduce(op, x, want);
        NdArray got = devZeros(outType, os);
        backend().reduce(op, dev(x), got);
        assertClose(want, got, 1e-5, 1e-4, op + " " + x.dtype() + " dims " + java.util.Arrays.toString(dims));
    }

    @Test
    void floatReductionsOverDimsOfAView() {
        NdArray x = Parity.randn(r, 9, 13, 6).permute(1, 2, 0);
        ((float[]) ((jtorch.tensor.CpuStorage) x.storage()).array())[40] = Float.NaN;
        for (ReduceOp op : new ReduceOp[] {ReduceOp.SUM, ReduceOp.MAX, ReduceOp.MIN}) {
            check(op, x, DType.FLOAT32, 0);
            check(op, x, DType.FLOAT32, 1, 2);
            check(op, x, DType.FLOAT32, 0, 1, 2);
            check(op, x.to(DType.FLOAT64), DType.FLOAT64, 2);
        }
        NdArray small = Parity.randn(r, 4, 5);
        check(ReduceOp.PROD, small, DType.FLOAT32, 1);
    }

    @Test
    void longReductionsTakeTheWorkGroupPath() {
        NdArray x = Parity.randn(r, 3, 5000);
        check(ReduceOp.SUM, x, DType.FLOAT32, 1);
        check(ReduceOp.MAX, x, DType.FLOAT32, 1);
        check(ReduceOp.SUM, x, DType.FLOAT32, 0, 1);
        check(ReduceOp.MIN, x.t(), DType.FLOAT32, 0);
    }

    @Test
    void integerAndBoolReductions() {
        NdArray l = Parity.randLong(r, -50, 50, 7, 9);
        for (ReduceOp op : new ReduceOp[] {ReduceOp.SUM, ReduceOp.MAX, ReduceOp.MIN}) {
            check(op, l, DType.INT64, 1);
            check(op, l, DType.INT64, 0, 1);
        }
        check(ReduceOp.PROD, Parity.randLong(r, -3, 4, 4, 5), DType.INT64, 1);
        NdArray b = Parity.randBool(r, 6, 300);
        check(ReduceOp.SUM, b, DType.INT64, 1);
        for (ReduceOp op : new ReduceOp[] {ReduceOp.ANY, ReduceOp.ALL, ReduceOp.MAX, ReduceOp.MIN}) {
            check(op, b, DType.BOOL, 0);
            check(op, b, DType.BOOL, 1);
        }
        check(ReduceOp.ANY, Parity.randn(r, 5, 4), DType.BOOL, 1);
    }

    @Test
    void argMaxAndMinKeepTheFirstIndexAndStopAtNaN() {
        float[] a = {1, 3, 3, 0, 2, 2, -1, -1, 5, Float.NaN, 5, Float.NaN};
        NdArray x = NdArray.wrap(a, 3, 4);
        for (boolean max : new boolean[] {true, false}) {
            for (int dim = 0; dim < 2; dim++) {
                int[] os = keep(x.shape(), dim);
                NdArray want = NdArray.zeros(DType.INT64, os);
                CPU.argReduce(max, x, dim, want);
                NdArray got = devZeros(DType.INT64, os);
                backend().argReduce(max, dev(x), dim, got);
                assertClose(want, got, "arg" + (max ? "max" : "min") + " dim " + dim);
            }
        }
        NdArray l = Parity.randLong(r, 0, 4, 6, 10).t();
        NdArray want = NdArray.zeros(DType.INT64, 10, 1);
        CPU.argReduce(true, l, 1, want);
        NdArray got = devZeros(DType.INT64, 10, 1);
        backend().argReduce(true, dev(l), 1, got);
        assertClose(want, got, "argmax int64");
    }

    @Test
    void softmaxAndLogSoftmaxAlongEachDim() {
        NdArray x = Parity.randn(r, 6, 10, 4).permute(2, 0, 1);
        for (boolean log : new boolean[] {false, true}) {
            for (int dim = 0; dim < 3; dim++) {
                NdArray want = NdArray.zeros(DType.FLOAT32, x.shape());
                CPU.softmax(x, dim, log, want);
                NdArray got = devZeros(DType.FLOAT32, x.shape());
                backend().softmax(dev(x), dim, log, got);
                assertClose(want, got, 1e-5, 1e-6, (log ? "log_softmax" : "softmax") + " dim " + dim);
            }
        }
        float[] edge = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, 1, Float.NaN, 0, 1000};
        NdArray e = NdArray.wrap(edge, 3, 2);
        NdArray want = NdArray.zeros(DType.FLOAT32, 3, 2);
        CPU.softmax(e, 1, true, want);
        NdArray got = devZeros(DType.FLOAT32, 3, 2);
        backend().softmax(dev(e), 1, true, got);
        assertClose(want, got, "log_softmax edge rows");
    }
}
