package jtorch.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import jtorch.tensor.Backends;
import jtorch.tensor.BackendProvider;
import jtorch.tensor.CpuBackend;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared helpers for the parity suites: the OpenCL backend (or a visible skip; a failure when CI=true),
 * random CPU inputs, and comparisons of a device result with the CPU backend's.
 */
final class Parity {
    private Parity() {}

    static final CpuBackend CPU = CpuBackend.INSTANCE;

    private static OpenCLBackend backend;

    /** The first OpenCL device's backend through the ServiceLoader-registered provider. */
    static synchronized OpenCLBackend backend() {
        if (backend == null) {
            BackendProvider p = Backends.provider("opencl");
            if (p == null) {
                fail("the opencl BackendProvider is not registered (META-INF/services)");
            }
            if (p.devices().isEmpty()) {
                String why = "no OpenCL device: " + p.unavailableReason();
                if ("true".equals(System.getenv("CI"))) {
                    fail(why + " (CI=true, so OpenCL is required: install ocl-icd-libopencl1 and pocl-opencl-icd)");
                }
                Assumptions.abort(why);
            }
            backend = ((OpenCLProvider) p).openclBackend(p.devices().getFirst());
        }
        return backend;
    }

    static NdArray randn(Random r, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return NdArray.wrap(a, shape);
    }

    static NdArray randnDouble(Random r, int... shape) {
        return randn(r, shape).to(DType.FLOAT64);
    }

    static NdArray randLong(Random r, int lo, int hi, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = lo + r.nextInt(hi - lo);
        }
        return NdArray.wrap(a, shape);
    }

    static NdArray randBool(Random r, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextBoolean();
        }
        return NdArray.wrap(a, shape);
    }

    /** The same view on the device: the whole storage is uploaded, so strides and offset carry over. */
    static NdArray dev(NdArray cpu) {
        NdArray base = NdArray.wrap(cpuStorageArray(cpu), cpu.storage().size());
        NdArray onDev = base.toDevice(backend());
        return new NdArray(onDev.storage(), cpu.shape(), cpu.strides(), cpu.offset());
    }

    private static Object cpuStorageArray(NdArray cpu) {
        return ((jtorch.tensor.CpuStorage) cpu.storage()).array();
    }

    /** Zeros of a shape on the device. */
    static NdArray devZeros(DType t, int... shape) {
        return NdArray.zeros(backend(), t, shape);
    }

    /** Exact equality for int64 and bool; float closeness (NaN matching NaN, infinities equal) otherwise. */
    static void assertClose(NdArray expected, NdArray actual, double rtol, double atol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        Object e = expected.toArray();
        Object a = actual.toArray();
        switch (e) {
            case long[] el -> assertArrayEquals(el, (long[]) a, what);
            case boolean[] eb -> assertArrayEquals(eb, (boolean[]) a, what);
            default -> {
                double[] ed = expected.toDoubleArray();
                double[] ad = actual.toDoubleArray();
                for (int i = 0; i < ed.length; i++) {
                    double x = ed[i];
                    double y = ad[i];
                    if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
                        if (!(Double.isNaN(x) && Double.isNaN(y)) && x != y) {
                            fail(what + ": element " + i + " expected " + x + " but was " + y);
                        }
                        continue;
                    }
                    if (Math.abs(x - y) > atol + rtol * Math.abs(x)) {
                        fail(what + ": element " + i + " expected " + x + " but was " + y);
                    }
                }
            }
        }
    }

    static void assertClose(NdArray expected, NdArray actual, String what) {
        assertClose(expected, actual, 1e-5, 1e-5, what);
    }
}
