package jtorch.opencl;

import static jtorch.opencl.Parity.CPU;
import static jtorch.opencl.Parity.assertClose;
import static jtorch.opencl.Parity.backend;
import static jtorch.opencl.Parity.dev;
import static jtorch.opencl.Parity.devZeros;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import jtorch.simd.BinaryOp;
import jtorch.simd.CompareOp;
import jtorch.simd.UnaryOp;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import org.junit.jupiter.api.Test;

/** Unary, binary, compare, where, copy and fill on OpenCL against the CPU backend, on views and broadcasts. */
class ElementwiseParityTest {
    private final Random r = new Random(7);

    /** A [5, 7, 3] non-contiguous view (a permuted [7, 3, 5] array), with a NaN and infinities mixed in. */
    private NdArray awkward(DType t) {
        NdArray x = Parity.randn(r, 7, 3, 5);
        float[] f = (float[]) ((jtorch.tensor.CpuStorage) x.storage()).array();
        f[3] = Float.NaN;
        f[11] = Float.POSITIVE_INFINITY;
        f[17] = Float.NEGATIVE_INFINITY;
        f[20] = 0f;
        f[21] = -0.5f;
        f[22] = 2.5f;
        return x.to(t).permute(2, 0, 1);
    }

    @Test
    void unaryFloatOpsMatchOnAView() {
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            NdArray x = awkward(t);
            for (UnaryOp op : UnaryOp.values()) {
                NdArray want = NdArray.zeros(t, x.shape());
                CPU.unary(op, x, want);
                NdArray got = devZeros(t, x.shape());
                backend().unary(op, dev(x), got);
                double tol = t == DType.FLOAT32 ? 2e-6 : 1e-12;
                assertClose(want, got, tol * 4, tol, t + " " + op);
            }
        }
    }

    @Test
    void unaryInt64AndBoolErrors() {
        NdArray x = Parity.randLong(r, -9, 9, 4, 6).t();
        for (UnaryOp op : new UnaryOp[] {UnaryOp.NEG, UnaryOp.ABS, UnaryOp.SQUARE, UnaryOp.SIGN, UnaryOp.RELU,
            UnaryOp.FLOOR}) {
            NdArray want = NdArray.zeros(DType.INT64, x.shape());
            CPU.unary(op, x, want);
            NdArray got = devZeros(DType.INT64, x.shape());
            backend().unary(op, dev(x), got);
            assertClose(want, got, "int64 " + op);
        }
        assertThrows(IllegalArgumentException.class,
                () -> backend().unary(UnaryOp.EXP, dev(x), devZeros(DType.INT64, x.shape())));
    }

    @Test
    void binaryOpsBroadcastLikeTheCpu() {
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            NdArray a = awkward(t);
            NdArray b = Parity.randn(r, 5, 1, 3).to(t).expand(5, 7, 3);
            for (BinaryOp op : BinaryOp.values()) {
                NdArray want = NdArray.zeros(t, a.shape());
                CPU.binary(op, a, b, want);
                NdArray got = devZeros(t, a.shape());
                backend().binary(op, dev(a), dev(b), got);
                assertClose(want, got, 1e-5, 1e-6, t + " " + op);
            }
        }
    }

    @Test
    void binaryInt64AndBool() {
        NdArray a = Parity.randLong(r, 1, 20, 6, 4);   // no zero: the CPU throws on integer division by zero
        NdArray b = Parity.randLong(r, 1, 6, 4).expand(6, 4);
        for (BinaryOp op : BinaryOp.values()) {
            NdArray want = NdArray.zeros(DType.INT64, 6, 4);
            CPU.binary(op, a, b, want);
            NdArray got = devZeros(DType.INT64, 6, 4);
            backend().binary(op, dev(a), dev(b), got);
            assertClose(want, got, "int64 " + op);
        }
        NdArray p = Parity.randBool(r, 9, 5);
        NdArray q = Parity.randBool(r, 5, 9).t();
        for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.MUL, BinaryOp.MAX, BinaryOp.MIN}) {
            NdArray want = NdArray.zeros(DType.BOOL, 9, 5);
            CPU.binary(op, p, q, want);
            NdArray got = devZeros(DType.BOOL, 9, 5);
            backend().binary(op, dev(p), dev(q), got);
            assertClose(want, got, "bool " + op);
        }
        assertThrows(IllegalArgumentException.class,
                () -> backend().binary(BinaryOp.SUB, dev(p), dev(q), devZeros(DType.BOOL, 9, 5)));
    }

    @Test
    void binaryInPlaceOnAView() {
        NdArray self = Parity.randn(r, 6, 8).t();
        NdArray b = Parity.randn(r, 6);
        NdArray cpuSelf = self.copyContiguous();
        NdArray d = dev(self);
        CPU.binary(BinaryOp.MUL, self, b.expand(8, 6), self);
        backend().binary(BinaryOp.MUL, d, dev(b).expand(8, 6), d);
        assertClose(self, d, "in place");
        assertClose(cpuSelf, cpuSelf, "unchanged copy");
    }

    @Test
    void compareAndWhere() {
        for (DType t : DType.values()) {
            NdArray a = (t == DType.BOOL ? Parity.randBool(r, 5, 7, 3) : awkward(t).to(t));
            NdArray b = (t == DType.BOOL ? Parity.randBool(r, 7, 3) : awkward(t).to(t).select(0, 1)).expand(5, 7, 3);
            for (CompareOp op : CompareOp.values()) {
                NdArray want = NdArray.zeros(DType.BOOL, 5, 7, 3);
                CPU.compare(op, a, b, want);
                NdArray got = devZeros(DType.BOOL, 5, 7, 3);
                backend().compare(op, dev(a), dev(b), got);
                assertClose(want, got, t + " " + op);
            }
            NdArray c = Parity.randBool(r, 3, 7, 5).permute(2, 1, 0);
            NdArray want = NdArray.zeros(t, 5, 7, 3);
            CPU.where(c, a, b, want);
            NdArray got = devZeros(t, 5, 7, 3);
            backend().where(dev(c), dev(a), dev(b), got);
            assertClose(want, got, t + " where");
        }
    }

    @Test
    void copyConvertsEveryDtypePairIntoAView() {
        NdArray base = awkward(DType.FLOAT32);
        for (DType from : DType.values()) {
            NdArray src = from == DType.BOOL ? Parity.randBool(r, 5, 7, 3) : base.to(from);
            if (from == DType.INT64) {
                src = Parity.randLong(r, -3, 3, 7, 3, 5).permute(2, 0, 1);
            }
            for (DType to : DType.values()) {
                NdArray want = NdArray.zeros(to, 3, 7, 5).permute(2, 1, 0);
                CPU.copy(src, want);
                NdArray got = devZeros(to, 3, 7, 5).permute(2, 1, 0);
                backend().copy(dev(src), got);
                assertClose(want, got, 0, 0, from + " -> " + to);
            }
        }
    }

    @Test
    void fillEveryDtypeOnAStridedView() {
        for (DType t : DType.values()) {
            NdArray want = NdArray.zeros(t, 6, 9).slice(1, 1, 9, 3);
            CPU.fill(want, 2.75);
            NdArray gotBase = devZeros(t, 6, 9);
            NdArray got = gotBase.slice(1, 1, 9, 3);
            backend().fill(got, 2.75);
            assertClose(want, got, t + " fill");
            NdArray wantBase = NdArray.zeros(t, 6, 9);
            CPU.fill(wantBase.slice(1, 1, 9, 3), 2.75);
            assertClose(wantBase, gotBase, t + " fill leaves the rest");
        }
    }

    @Test
    void uploadAndDownloadEveryDtype() {
        Object[] arrays = {new float[] {1.5f, Float.NaN}, new double[] {-2.25, 1e300}, new long[] {Long.MIN_VALUE, 7},
            new boolean[] {true, false, true}, new float[0]};
        for (Object a : arrays) {
            NdArray cpu = NdArray.wrap(a, java.lang.reflect.Array.getLength(a));
            NdArray d = cpu.toDevice(backend());
            assertClose(cpu, d, 0, 0, a.getClass().getSimpleName());
        }
    }
}
