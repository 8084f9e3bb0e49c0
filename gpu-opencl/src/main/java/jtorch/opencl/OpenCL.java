package jtorch.opencl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * The OpenCL 1.2 calls jtorch uses, bound through the Foreign Function and Memory API to the system's
 * ICD loader. Downcall handles are made once, when the library loads; {@link #load} fails with an
 * {@link IllegalStateException} when the library or a symbol is missing, so the
 * provider can report the reason instead of failing at class init.
 *
 * <p>cl_uint is int, size_t and cl_bitfield are long, every handle is an address. Each wrapper checks the
 * returned code and throws {@link CLException} naming it.
 */
public final class OpenCL {
    public static final String DEFAULT_LIBRARY = "libOpenCL.so.1";

    static final long DEVICE_TYPE_CPU = 1L << 1;
    static final long DEVICE_TYPE_GPU = 1L << 2;
    static final long DEVICE_TYPE_ALL = 0xFFFFFFFFL;
    static final int DEVICE_NAME = 0x102B;
    static final int DEVICE_EXTENSIONS = 0x1030;
    static final int DEVICE_MAX_WORK_GROUP_SIZE = 0x1004;
    static final int DEVICE_GLOBAL_MEM_SIZE = 0x101F;
    static final int PROGRAM_BUILD_LOG = 0x1183;
    static final long MEM_READ_WRITE = 1L;
    static final long MEM_COPY_HOST_PTR = 1L << 5;

    private final MethodHandle getPlatformIDs;
    private final MethodHandle getDeviceIDs;
    private final MethodHandle getDeviceInfo;
    private final MethodHandle createContext;
    private final MethodHandle createCommandQueue;
    private final MethodHandle createBuffer;
    private final MethodHandle enqueueReadBuffer;
    private final MethodHandle enqueueWriteBuffer;
    private final MethodHandle enqueueCopyBuffer;
    private final MethodHandle enqueueFillBuffer;
    private final MethodHandle createProgramWithSource;
    private final MethodHandle buildProgram;
    private final MethodHandle getProgramBuildInfo;
    private final MethodHandle createKernel;
    private final MethodHandle setKernelArg;
    private final MethodHandle enqueueNDRangeKernel;
    private final MethodHandle finish;
    private final MethodHandle waitForEvents;
    private final MethodHandle releaseMemObject;
    private final MethodHandle releaseKernel;
    private final MethodHandle releaseProgram;
    private final MethodHandle releaseCommandQueue;
    private final MethodHandle releaseContext;
    private final MethodHandle releaseEvent;

    private final Linker linker = Linker.nativeLinker();
    private final SymbolLookup lib;

    private OpenCL(String library) {
        lib = SymbolLookup.libraryLookup(library, Arena.global());
        FunctionDescriptor release = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        getPlatformIDs = fn("clGetPlatformIDs", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        getDeviceIDs = fn("clGetDeviceIDs",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
        getDeviceInfo = fn("clGetDeviceInfo",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
        createContext = fn("clCreateContext",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        createCommandQueue = fn("clCreateCommandQueue",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
        createBuffer = fn("clCreateBuffer",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS));
        FunctionDescriptor rw = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_LONG,
                ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        enqueueReadBuffer = fn("clEnqueueReadBuffer", rw);
        enqueueWriteBuffer = fn("clEnqueueWriteBuffer", rw);
        enqueueCopyBuffer = fn("clEnqueueCopyBuffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS,
                JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
        enqueueFillBuffer = fn("clEnqueueFillBuffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS,
                JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
        createProgramWithSource = fn("clCreateProgramWithSource",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        buildProgram = fn("clBuildProgram",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        getProgramBuildInfo = fn("clGetProgramBuildInfo",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
        createKernel = fn("clCreateKernel", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        setKernelArg = fn("clSetKernelArg", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS));
        enqueueNDRangeKernel = fn("clEnqueueNDRangeKernel", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS,
                JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        finish = fn("clFinish", release);
        waitForEvents = fn("clWaitForEvents", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        releaseMemObject = fn("clReleaseMemObject", release);
        releaseKernel = fn("clReleaseKernel", release);
        releaseProgram = fn("clReleaseProgram", release);
        releaseCommandQueue = fn("clReleaseCommandQueue", release);
        releaseContext = fn("clReleaseContext", release);
        releaseEvent = fn("clReleaseEvent", release);
    }

    private MethodHandle fn(String name, FunctionDescriptor d) {
        MemorySegment sym = lib.find(name).orElseThrow(
                () -> new IllegalStateException("symbol " + name + " not found in the OpenCL library"));
        return linker.downcallHandle(sym, d);
    }

    /**
     * Binds {@code library} (a file name the dynamic linker resolves, or a path).
     *
     * @throws IllegalStateException when it cannot be loaded or lacks a symbol; the message says why
     */
    public static OpenCL load(String library) {
        try {
            return new OpenCL(library);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(library + " not found (install ocl-icd-libopencl1 and a driver such as"
                    + " pocl-opencl-icd)", e);
        }
    }

    // ---------------------------------------------------------------- helpers

    static void check(int code, String call) {
        if (code != 0) {
            throw new CLException(call, code);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    private static MemorySegment orNull(MemorySegment s) {
        return s == null ? MemorySegment.NULL : s;
    }

    // ---------------------------------------------------------------- platforms and devices

    /** Every platform's handle (empty when the loader finds no ICD: CL_PLATFORM_NOT_FOUND_KHR is -1001). */
    public long[] platforms() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(JAVA_INT);
            int rc = (int) getPlatformIDs.invokeExact(0, MemorySegment.NULL, n);
            if (rc == -1001 || n.get(JAVA_INT, 0) == 0) {
                return new long[0];
            }
            check(rc, "clGetPlatformIDs");
            int count = n.get(JAVA_INT, 0);
            MemorySegment ids = a.allocate(ADDRESS, count);
            check((int) getPlatformIDs.invokeExact(count, ids, n), "clGetPlatformIDs");
            return addresses(ids, count);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The devices of one type on a platform (empty on CL_DEVICE_NOT_FOUND). */
    public long[] devices(long platform, long type) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(JAVA_INT);
            int rc = (int) getDeviceIDs.invokeExact(MemorySegment.ofAddress(platform), type, 0, MemorySegment.NULL, n);
            if (rc == -1) {
                return new long[0];
            }
            check(rc, "clGetDeviceIDs");
            int count = n.get(JAVA_INT, 0);
            MemorySegment ids = a.allocate(ADDRESS, count);
            check((int) getDeviceIDs.invokeExact(MemorySegment.ofAddress(platform), type, count, ids, n),
                    "clGetDeviceIDs");
            return addresses(ids, count);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static long[] addresses(MemorySegment ids, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = ids.getAtIndex(ADDRESS, i).address();
        }
        return out;
    }

    public String deviceString(long device, int param) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(JAVA_LONG);
            MemorySegment dev = MemorySegment.ofAddress(device);
            check((int) getDeviceInfo.invokeExact(dev, param, 0L, MemorySegment.NULL, n), "clGetDeviceInfo");
            long size = n.get(JAVA_LONG, 0);
            MemorySegment buf = a.allocate(Math.max(1, size));
            check((int) getDeviceInfo.invokeExact(dev, param, size, buf, MemorySegment.NULL), "clGetDeviceInfo");
            return buf.getString(0, StandardCharsets.UTF_8).trim();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A size_t or cl_ulong device property. */
    public long deviceLong(long device, int param) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_LONG);
            check((int) getDeviceInfo.invokeExact(MemorySegment.ofAddress(device), param, 8L, v, MemorySegment.NULL),
                    "clGetDeviceInfo");
            return v.get(JAVA_LONG, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---------------------------------------------------------------- context and queue

    public long createContext(long device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = a.allocate(JAVA_INT);
            MemorySegment devs = a.allocate(ADDRESS);
            devs.set(ADDRESS, 0, MemorySegment.ofAddress(device));
            MemorySegment ctx = (MemorySegment) createContext.invokeExact(MemorySegment.NULL, 1, devs,
                    MemorySegment.NULL, MemorySegment.NULL, err);
            check(err.get(JAVA_INT, 0), "clCreateContext");
            return ctx.address();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** An in-order queue: ops run in submission order, so no events are needed between them. */
    public long createQueue(long context, long device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = a.allocate(JAVA_INT);
            MemorySegment q = (MemorySegment) createCommandQueue.invokeExact(MemorySegment.ofAddress(context),
                    MemorySegment.ofAddress(device), 0L, err);
            check(err.get(JAVA_INT, 0), "clCreateCommandQueue");
            return q.address();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public void finish(long queue) {
        try {
            check((int) finish.invokeExact(MemorySegment.ofAddress(queue)), "clFinish");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public void waitForEvent(long event) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment list = a.allocate(ADDRESS);
            list.set(ADDRESS, 0, MemorySegment.ofAddress(event));
            check((int) waitForEvents.invokeExact(1, list), "clWaitForEvents");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---------------------------------------------------------------- buffers

    /** A device buffer of {@code bytes}, initialised from {@code host} when it is not null. */
    public long createBuffer(long context, long bytes, MemorySegment host) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = a.allocate(JAVA_INT);
            long flags = MEM_READ_WRITE | (host == null ? 0 : MEM_COPY_HOST_PTR);
            MemorySegment m = (MemorySegment) createBuffer.invokeExact(MemorySegment.ofAddress(context), flags, bytes,
                    orNull(host), err);
            check(err.get(JAVA_INT, 0), "clCreateBuffer");
            return m.address();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A blocking read of {@code dst.byteSize()} bytes from {@code offset}. */
    public void read(long queue, long buffer, long offset, MemorySegment dst) {
        try {
            check((int) enqueueReadBuffer.invokeExact(MemorySegment.ofAddress(queue), MemorySegment.ofAddress(buffer),
                    1, offset, dst.byteSize(), dst, 0, MemorySegment.NULL, MemorySegment.NULL), "clEnqueueReadBuffer");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A blocking write (the host segment may be freed when this returns). */
    public void write(long queue, long buffer, long offset, MemorySegment src) {
        try {
            check((int) enqueueWriteBuffer.invokeExact(MemorySegment.ofAddress(queue), MemorySegment.ofAddress(buffer),
                    1, offset, src.byteSize(), src, 0, MemorySegment.NULL, MemorySegment.NULL), "clEnqueueWriteBuffer");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public void copy(long queue, long src, long dst, long srcOffset, long dstOffset, long bytes) {
        try {
            check((int) enqueueCopyBuffer.invokeExact(MemorySegment.ofAddress(queue), MemorySegment.ofAddress(src),
                    MemorySegment.ofAddress(dst), srcOffset, dstOffset, bytes, 0, MemorySegment.NULL,
                    MemorySegment.NULL), "clEnqueueCopyBuffer");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Fills {@code bytes} from {@code offset} with a repeated pattern (its size must divide both). */
    public void fill(long queue, long buffer, MemorySegment pattern, long offset, long bytes) {
        try {
            check((int) enqueueFillBuffer.invokeExact(MemorySegment.ofAddress(queue), MemorySegment.ofAddress(buffer),
                    pattern, pattern.byteSize(), offset, bytes, 0, MemorySegment.NULL, MemorySegment.NULL),
                    "clEnqueueFillBuffer");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---------------------------------------------------------------- programs and kernels

    /** Compiles {@code source} for one device; on failure the exception carries the build log. */
    public long buildProgram(long context, long device, String source, String options) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = a.allocate(JAVA_INT);
            MemorySegment strings = a.allocate(ADDRESS);
            strings.set(ADDRESS, 0, a.allocateFrom(source));
            MemorySegment prog = (MemorySegment) createProgramWithSource.invokeExact(MemorySegment.ofAddress(context),
                    1, strings, MemorySegment.NULL, err);
            check(err.get(JAVA_INT, 0), "clCreateProgramWithSource");
            MemorySegment devs = a.allocate(ADDRESS);
            devs.set(ADDRESS, 0, MemorySegment.ofAddress(device));
            int rc = (int) buildProgram.invokeExact(prog, 1, devs, a.allocateFrom(options), MemorySegment.NULL,
                    MemorySegment.NULL);
            if (rc != 0) {
                String log = buildLog(prog, device);
                release(releaseProgram, prog.address());
                throw new CLException("clBuildProgram", rc, "build options: " + options + "\nbuild log:\n" + log);
            }
            return prog.address();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private String buildLog(MemorySegment prog, long device) throws Throwable {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(JAVA_LONG);
            MemorySegment dev = MemorySegment.ofAddress(device);
            int rc = (int) getProgramBuildInfo.invokeExact(prog, dev, PROGRAM_BUILD_LOG, 0L, MemorySegment.NULL, n);
            if (rc != 0) {
                return "(no build log: " + CLException.name(rc) + ")";
            }
            long size = n.get(JAVA_LONG, 0);
            MemorySegment buf = a.allocate(Math.max(1, size));
            rc = (int) getProgramBuildInfo.invokeExact(prog, dev, PROGRAM_BUILD_LOG, size, buf, MemorySegment.NULL);
            return rc != 0 ? "(no build log: " + CLException.name(rc) + ")" : buf.getString(0, StandardCharsets.UTF_8);
        }
    }

    public long createKernel(long program, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = a.allocate(JAVA_INT);
            MemorySegment k = (MemorySegment) createKernel.invokeExact(MemorySegment.ofAddress(program),
                    a.allocateFrom(name), err);
            int rc = err.get(JAVA_INT, 0);
            if (rc != 0) {
                throw new CLException("clCreateKernel(" + name + ")", rc);
            }
            return k.address();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Sets argument {@code index} to the bytes of {@code value} (a cl_mem handle, a scalar or a struct). */
    public void setArg(long kernel, int index, MemorySegment value) {
        try {
            int rc = (int) setKernelArg.invokeExact(MemorySegment.ofAddress(kernel), index, value.byteSize(), value);
            if (rc != 0) {
                throw new CLException("clSetKernelArg(" + index + ")", rc);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Sets a __local argument of {@code bytes}. */
    public void setLocalArg(long kernel, int index, long bytes) {
        try {
            check((int) setKernelArg.invokeExact(MemorySegment.ofAddress(kernel), index, bytes, MemorySegment.NULL),
                    "clSetKernelArg(" + index + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Enqueues a 1-3 dimensional range; {@code local} may be null (the driver picks). */
    public void enqueue(long queue, long kernel, long[] global, long[] local, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment g = a.allocateFrom(JAVA_LONG, global);
            MemorySegment l = local == null ? MemorySegment.NULL : a.allocateFrom(JAVA_LONG, local);
            int rc = (int) enqueueNDRangeKernel.invokeExact(MemorySegment.ofAddress(queue),
                    MemorySegment.ofAddress(kernel), global.length, MemorySegment.NULL, g, l, 0, MemorySegment.NULL,
                    MemorySegment.NULL);
            if (rc != 0) {
                throw new CLException("clEnqueueNDRangeKernel(" + name + ")", rc);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---------------------------------------------------------------- release

    public void releaseMem(long m) {
        release(releaseMemObject, m);
    }

    public void releaseKernel(long k) {
        release(releaseKernel, k);
    }

    public void releaseProgram(long p) {
        release(releaseProgram, p);
    }

    public void releaseQueue(long q) {
        release(releaseCommandQueue, q);
    }

    public void releaseContext(long c) {
        release(releaseContext, c);
    }

    public void releaseEvent(long e) {
        release(releaseEvent, e);
    }

    private static void release(MethodHandle h, long handle) {
        try {
            check((int) h.invokeExact(MemorySegment.ofAddress(handle)), "clRelease");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
