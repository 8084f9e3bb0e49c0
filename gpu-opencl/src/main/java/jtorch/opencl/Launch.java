package jtorch.opencl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;

/**
 * One kernel launch: sets arguments in order, then enqueues. Kernel objects are shared, so a launch runs
 * while the caller holds the backend's lock (clSetKernelArg and enqueue are not atomic together).
 */
final class Launch {
    private final OpenCLBackend be;
    private final long kernel;
    private final String name;
    private final Arena arena = Arena.ofConfined();
    private int next;

    Launch(OpenCLBackend be, long kernel, String name) {
        this.be = be;
        this.kernel = kernel;
        this.name = name;
    }

    private Launch set(MemorySegment v) {
        be.cl().setArg(kernel, next++, v);
        return this;
    }

    /** The buffer behind an array on this device (its offset travels separately). */
    Launch mem(NdArray a) {
        return mem(((OpenCLStorage) a.storage()).mem());
    }

    Launch mem(long clMem) {
        MemorySegment s = arena.allocate(ADDRESS);
        s.set(ADDRESS, 0, MemorySegment.ofAddress(clMem));
        return set(s);
    }

    Launch i(int v) {
        return set(arena.allocateFrom(JAVA_INT, v));
    }

    Launch f(float v) {
        return set(arena.allocateFrom(JAVA_FLOAT, v));
    }

    /** A scalar argument of an element type T: float, double, long or uchar. */
    Launch value(DType t, double v) {
        return set(switch (t) {
            case FLOAT32 -> arena.allocateFrom(JAVA_FLOAT, (float) v);
            case FLOAT64 -> arena.allocateFrom(JAVA_DOUBLE, v);
            case INT64 -> arena.allocateFrom(JAVA_LONG, (long) v);
            case BOOL -> arena.allocateFrom(JAVA_BYTE, (byte) (v != 0 ? 1 : 0));
        });
    }

    /** A struct of ints passed by value (Geo, Str and the other layouts of common.cl). */
    Launch ints(int[] v) {
        return set(arena.allocateFrom(JAVA_INT, v));
    }

    /** A __local buffer of {@code bytes}. */
    Launch local(long bytes) {
        be.cl().setLocalArg(kernel, next++, bytes);
        return this;
    }

    /** Enqueues over {@code global} work items, the driver choosing the work-group size. */
    void run(long... global) {
        run(global, null);
    }

    void run(long[] global, long[] local) {
        try {
            be.cl().enqueue(be.queue(), kernel, global, local, name);
        } finally {
            arena.close();
        }
    }
}
