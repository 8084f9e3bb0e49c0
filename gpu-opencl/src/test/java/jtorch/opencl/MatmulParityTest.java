package jtorch.opencl;

import static jtorch.opencl.Parity.CPU;
import static jtorch.opencl.Parity.assertClose;
import static jtorch.opencl.Parity.backend;
import static jtorch.opencl.Parity.dev;
import static jtorch.opencl.Parity.devZeros;

import java.util.Random;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import org.junit.jupiter.api.Test;

/** The tiled GEMM against the CPU's on NN, NT, TN and TT views, broadcast batches and awkward sizes. */
class MatmulParityTest {
    private final Random r = new Random(3);

    private void check(NdArray a, NdArray b, String what) {
        int[] os = {a.size(0), a.size(1), b.size(2)};
        DType t = a.dtype();
        NdArray want = NdArray.zeros(t, os);
        CPU.matmul(a, b, want);
        NdArray got = devZeros(t, os);
        backend().matmul(dev(a), dev(b), got);
        double tol = t == DType.FLOAT32 ? 1e-4 : 1e-10;
        assertClose(want, got, tol, tol, what);
    }

    @Test
    void shapesAcrossTileBoundaries() {
        int[][] mnk = {{1, 1, 1}, {17, 33, 9}, {64, 64, 16}, {65, 130, 70}, {3, 200, 1}, {100, 1, 37}};
        for (int[] s : mnk) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            NdArray a = Parity.randn(r, 2, m, k);
            NdArray b = Parity.randn(r, 2, k, n);
            check(a, b, "NN " + m + "x" + n + "x" + k);
            check(a, Parity.randn(r, 2, n, k).transpose(1, 2), "NT " + m + "x" + n + "x" + k);
            check(Parity.randn(r, 2, k, m).transpose(1, 2), b, "TN " + m + "x" + n + "x" + k);
            check(Parity.randn(r, 2, k, m).transpose(1, 2), Parity.randn(r, 2, n, k).transpose(1, 2),
                    "TT " + m + "x" + n + "x" + k);
        }
    }

    @Test
    void broadcastBatchAndOffsetViews() {
        NdArray a = Parity.randn(r, 1, 20, 30).expand(4, 20, 30);
        NdArray b = Parity.randn(r, 4, 31, 25).narrow(1, 1, 30);
        check(a, b, "stride-0 batch, narrowed rows");
        NdArray strided = Parity.randn(r, 3, 40, 20).slice(1, 0, 40, 2);
        check(strided, Parity.randn(r, 3, 20, 7), "row step 2");
    }

    @Test
    void float64AndInt64() {
        check(Parity.randnDouble(r, 2, 33, 17), Parity.randnDouble(r, 2, 17, 70), "float64");
        check(Parity.randLong(r, -5, 5, 3, 9, 11), Parity.randLong(r, -5, 5, 3, 11, 6), "int64");
    }
}
