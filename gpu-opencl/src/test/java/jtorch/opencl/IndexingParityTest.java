package jtorch.opencl;

import static jtorch.opencl.Parity.CPU;
import static jtorch.opencl.Parity.assertClose;
import static jtorch.opencl.Parity.backend;
import static jtorch.opencl.Parity.dev;
import static jtorch.opencl.Parity.devZeros;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import org.junit.jupiter.api.Test;

/** index_select, gather and scatter_add (with negative and repeated indices) against the CPU backend. */
class IndexingParityTest {
    private final Random r = new Random(13);

    @Test
    void indexSelectOnEachDimOfAView() {
        NdArray x = Parity.randn(r, 5, 6, 4).permute(1, 0, 2);
        NdArray idx = NdArray.wrap(new long[] {0, 3, -1, 3, 2}, 5);
        for (int dim = 0; dim < 3; dim++) {
            int[] os = x.shape();
            os[dim] = 5;
            NdArray ix = idx;
            NdArray want = NdArray.zeros(DType.FLOAT32, os);
            CPU.indexSelect(x, dim, ix, want);
            NdArray got = devZeros(DType.FLOAT32, os);
            backend().indexSelect(dev(x), dim, dev(ix), got);
            assertClose(want, got, 0, 0, "index_select dim " + dim);
        }
        // Deferred: the op only enqueues; the next synchronizing read throws the CPU's exception.
        NdArray out = devZeros(DType.FLOAT32, 1, 5, 4);
        backend().indexSelect(dev(x), 0, dev(NdArray.wrap(new long[] {9}, 1)), out);
        var e = assertThrows(IndexOutOfBoundsException.class, out::toArray);
        assertEquals("index out of range in self: index 9 is out of bounds for dimension 0 with size 6",
                e.getMessage());
        assertDoesNotThrow(out::toArray, "the error is reported once");
    }

    @Test
    void gatherAndScatterAddAlongEachDim() {
        for (DType t : new DType[] {DType.FLOAT32, DType.INT64}) {
            NdArray x = t == DType.INT64 ? Parity.randLong(r, -9, 9, 4, 7) : Parity.randn(r, 4, 7);
            for (int dim = 0; dim < 2; dim++) {
                NdArray index = Parity.randLong(r, -x.size(dim), x.size(dim), 3, 5);
                NdArray want = NdArray.zeros(t, 3, 5);
                CPU.gather(x, dim, index, want);
                NdArray got = devZeros(t, 3, 5);
                backend().gather(dev(x), dim, dev(index), got);
                assertClose(want, got, 0, 0, t + " gather dim " + dim);

                NdArray src = t == DType.INT64 ? Parity.randLong(r, -9, 9, 4, 6) : Parity.randn(r, 4, 6);
                NdArray self = x.copyContiguous();
                NdArray dself = dev(self);
                CPU.scatterAdd(self, dim, index, src);
                backend().scatterAdd(dself, dim, dev(index), dev(src));
                assertClose(self, dself, 1e-6, 1e-6, t + " scatter_add dim " + dim);
            }
        }
        NdArray bad = NdArray.wrap(new long[] {0, 7}, 1, 2);
        NdArray out = devZeros(DType.FLOAT32, 1, 2);
        backend().gather(dev(Parity.randn(r, 2, 3)), 1, dev(bad), out);
        var e = assertThrows(IndexOutOfBoundsException.class, backend()::synchronize);
        assertEquals("index 7 is out of bounds for dimension 1 with size 3", e.getMessage());
    }

    @Test
    void deferredChecksReportTheFirstFailingCheckAndItsFirstBadElement() {
        NdArray values = NdArray.wrap(new long[] {3, 12, 5, 11, 0}, 5);
        NdArray dv = dev(values);
        NdArray okDev = devZeros(DType.BOOL, 5);
        backend().compare(jtorch.simd.CompareOp.LT, dv, dev(NdArray.wrap(new long[] {10, 10, 10, 10, 10}, 5)), okDev);
        long before = OpenCLBackend.hostReadCount();
        backend().check(okDev, dv, v -> new IndexOutOfBoundsException("Target " + v + " is out of bounds."));
        backend().check(okDev, null, v -> new IllegalArgumentException("second"));
        assertEquals(before, OpenCLBackend.hostReadCount(), "checks enqueue only");
        var e = assertThrows(IndexOutOfBoundsException.class, () -> dv.toArray());
        assertEquals("Target 12 is out of bounds.", e.getMessage());
        assertEquals(before + 1, OpenCLBackend.hostReadCount(), "one read of the error word");
        backend().check(dev(NdArray.wrap(new boolean[] {true, true}, 2)), null, v -> new IllegalStateException());
        assertDoesNotThrow(backend()::synchronize);
    }
}
