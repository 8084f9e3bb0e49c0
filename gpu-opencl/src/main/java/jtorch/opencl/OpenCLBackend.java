package jtorch.opencl;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import jtorch.simd.BinaryOp;
import jtorch.simd.CompareOp;
import jtorch.simd.UnaryOp;
import jtorch.tensor.Backend;
import jtorch.tensor.ConvParams;
import jtorch.tensor.DType;
import jtorch.tensor.Device;
import jtorch.tensor.NdArray;
import jtorch.tensor.PoolParams;
import jtorch.tensor.Shape;
import jtorch.tensor.Storage;

/**
 * The backend of one OpenCL device: one context, one in-order command queue (so ops need no events
 * between them and run without host round trips; only reads to the host wait), and a kernel cache.
 * Every op only enqueues; {@link #toHostArray} blocks until its data is ready.
 *
 * <p>Validation that needs the data (index bounds, nll_loss targets, binary_cross_entropy's input range) is
 * deferred: a kernel records the first failure in a 16-byte error word on the device, and the next
 * synchronizing call ({@link #toHostArray}, behind {@code item()}, {@code toFloatArray()} and {@code to(cpu)},
 * or {@link #synchronize}) reads the word and throws the CPU's exception with the CPU's message. This is how
 * CUDA reports device-side asserts; the price is that the exception comes at the read, not at the op.
 *
 * <p>Ops are serialised on this object: kernel objects are shared and argument setting is not atomic.
 */
public final class OpenCLBackend implements Backend {
    private final OpenCL cl;
    private final ClDevice dev;
    private final Device device;
    private final long context;
    private final long queue;
    private final Programs programs;

    /** Blocking device-to-host reads so far, over all devices: a diagnostic for tests and profiling. */
    private static final AtomicLong HOST_READS = new AtomicLong();
    /** Deferred checks before more are pending force a read of the error word (bounds the map below). */
    static final int MAX_PENDING_CHECKS = 4096;

    /** tag, INT_MAX − first bad position, value low and high word (check.cl); allocated on first use. */
    private OpenCLStorage errorWord;
    /** The error each pending check throws, by tag; cleared whenever the error word is read. */
    private final Map<Integer, LongFunction<? extends RuntimeException>> pendingChecks = new HashMap<>();
    private int nextTag;

    OpenCLBackend(OpenCL cl, ClDevice dev) {
        this.cl = cl;
        this.dev = dev;
        this.device = Device.of("opencl", dev.index());
        this.context = cl.createContext(dev.id());
        this.queue = cl.createQueue(context, dev.id());
        this.programs = new Programs(cl, context, dev.id());
    }

    OpenCL cl() {
        return cl;
    }

    long queue() {
        return queue;
    }

    long context() {
        return context;
    }

    ClDevice info() {
        return dev;
    }

    /** The cached kernel {@code name} of {@code file} built with {@code options}, ready to take arguments. */
    Launch launch(String file, String options, String name) {
        return new Launch(this, programs.kernel(file, options, name), name);
    }

    int programCount() {
        return programs.programCount();
    }

    /** Float64 needs cl_khr_fp64; the other dtypes run everywhere. */
    void checkDtype(DType t) {
        if (t == DType.FLOAT64 && !dev.fp64()) {
            throw new UnsupportedOperationException("float64 is not supported on this OpenCL device (" + dev.name()
                    + " lacks cl_khr_fp64)");
        }
    }

    /** Bytes per element on the device: bool is one byte. */
    static int itemSize(DType t) {
        return t.itemSize();
    }

    /**
     * Blocks until every enqueued op has finished; throws the first failure of a deferred check, if any (one
     * small read when checks are pending).
     */
    public synchronized void synchronize() {
        cl.finish(queue);
        surfaceErrors();
    }

    /**
     * The number of blocking device-to-host reads made so far by every OpenCL backend (data behind
     * {@code item()}, {@code toFloatArray()} and {@code to(cpu)}, plus error-word reads of deferred checks).
     * A diagnostic: a training step on the device should not move it.
     */
    public static long hostReadCount() {
        return HOST_READS.get();
    }

    /** A counted blocking read. */
    private void read(long mem, long offset, MemorySegment dst) {
        HOST_READS.incrementAndGet();
        cl.read(queue, mem, offset, dst);
    }

    // ---------------------------------------------------------------- deferred checks

    /**
     * Registers a deferred check whose kernel will record failures in {@link #errorWord()} under the returned
     * tag; {@code error} builds the exception from the recorded value when a synchronizing read finds it.
     */
    synchronized int defer(LongFunction<? extends RuntimeException> error) {
        if (pendingChecks.size() >= MAX_PENDING_CHECKS) {
            surfaceErrors();
        }
        nextTag = nextTag == Integer.MAX_VALUE ? 1 : nextTag + 1;
        pendingChecks.put(nextTag, error);
        return nextTag;
    }

    /** The cl_mem of the error word (zeroed when created and after each reported failure). */
    synchronized long errorWord() {
        if (errorWord == null) {
            errorWord = (OpenCLStorage) allocate(DType.INT64, 2);
        }
        return errorWord.mem();
    }

    /** Reads the error word when checks are pending and throws the first recorded failure. */
    private void surfaceErrors() {
        if (pendingChecks.isEmpty()) {
            return;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(JAVA_INT, 4);
            read(errorWord(), 0, s);
            int tag = s.getAtIndex(JAVA_INT, 0);
            LongFunction<? extends RuntimeException> error = pendingChecks.get(tag);
            pendingChecks.clear();
            if (tag == 0) {
                return;
            }
            cl.fill(queue, errorWord.mem(), a.allocate(JAVA_BYTE), 0, 16);
            long value = (s.getAtIndex(JAVA_INT, 2) & 0xFFFFFFFFL) | ((long) s.getAtIndex(JAVA_INT, 3) << 32);
            if (error == null) {
                throw new IllegalStateException("a deferred OpenCL check failed (tag " + tag + ")");
            }
            throw error.apply(value);
        }
    }

    @Override
    public synchronized void check(NdArray ok, NdArray detail, LongFunction<? extends RuntimeException> error) {
        ClTraining.check(this, ok, detail, error);
    }

    @Override
    public String name() {
        return "opencl:" + dev.index() + " (" + dev.name() + ")";
    }

    @Override
    public Device device() {
        return device;
    }

    // ---------------------------------------------------------------- storage and transfers

    @Override
    public synchronized Storage allocate(DType dtype, int numel) {
        checkDtype(dtype);
        OpenCLStorage s = raw(dtype, numel);
        if (numel > 0) {
            try (Arena a = Arena.ofConfined()) {
                cl.fill(queue, s.mem(), a.allocate(JAVA_BYTE), 0, (long) numel * itemSize(dtype));
            }
        }
        return s;
    }

    /** An uninitialised storage (a zero-size one still gets a 1-byte buffer: OpenCL rejects empty buffers). */
    OpenCLStorage raw(DType dtype, int numel) {
        long bytes = Math.max(1L, (long) numel * itemSize(dtype));
        return new OpenCLStorage(this, dtype, numel, cl.createBuffer(context, bytes, null));
    }

    /** A new contiguous array of {@code shape} whose contents the next kernel overwrites. */
    NdArray empty(DType dtype, int... shape) {
        return new NdArray(raw(dtype, Shape.numel(shape)), shape, Shape.contiguousStrides(shape), 0);
    }

    @Override
    public synchronized Storage upload(Object hostArray) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment seg = switch (hostArray) {
                case float[] f -> a.allocateFrom(JAVA_FLOAT, f);
                case double[] d -> {
                    checkDtype(DType.FLOAT64);
                    yield a.allocateFrom(JAVA_DOUBLE, d);
                }
                case long[] l -> a.allocateFrom(JAVA_LONG, l);
                case boolean[] b -> {
                    MemorySegment m = a.allocate(Math.max(1, b.length));
                    for (int i = 0; i < b.length; i++) {
                        m.set(JAVA_BYTE, i, (byte) (b[i] ? 1 : 0));
                    }
                    yield m;
                }
                case null -> throw new NullPointerException("hostArray");
                default -> throw new IllegalArgumentException("not a supported array: " + hostArray.getClass());
            };
            int n = java.lang.reflect.Array.getLength(hostArray);
            DType t = switch (hostArray) {
                case float[] f -> DType.FLOAT32;
                case double[] d -> DType.FLOAT64;
                case long[] l -> DType.INT64;
                default -> DType.BOOL;
            };
            if (n == 0) {
                return raw(t, 0);
            }
            return new OpenCLStorage(this, t, n, cl.createBuffer(context, seg.byteSize(), seg));
        }
    }

    @Override
    public synchronized Object toHostArray(NdArray x) {
        NdArray c = x;
        if (!x.isContiguous()) {
            c = empty(x.dtype(), x.shape());
            ClElementwise.copy(this, x, c);
        }
        int n = x.numel();
        DType t = x.dtype();
        try (Arena a = Arena.ofConfined()) {
            surfaceErrors();
            MemorySegment seg = a.allocate(Math.max(1L, (long) n * itemSize(t)));
            if (n > 0) {
                read(((OpenCLStorage) c.storage()).mem(), (long) c.offset() * itemSize(t),
                        seg.asSlice(0, (long) n * itemSize(t)));
            }
            return switch (t) {
                case FLOAT32 -> seg.asSlice(0, 4L * n).toArray(JAVA_FLOAT);
                case FLOAT64 -> seg.asSlice(0, 8L * n).toArray(JAVA_DOUBLE);
                case INT64 -> seg.asSlice(0, 8L * n).toArray(JAVA_LONG);
                case BOOL -> {
                    boolean[] b = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        b[i] = seg.get(JAVA_BYTE, i) != 0;
                    }
                    yield b;
                }
            };
        } finally {
            if (c != x) {
                ((OpenCLStorage) c.storage()).release();
            }
        }
    }

    // ---------------------------------------------------------------- elementwise

    @Override
    public synchronized void copy(NdArray src, NdArray dst) {
        ClElementwise.copy(this, src, dst);
    }

    @Override
    public synchronized void fill(NdArray dst, double value) {
        ClElementwise.fill(this, dst, value);
    }

    @Override
    public synchronized void unary(UnaryOp op, NdArray x, NdArray out) {
        ClElementwise.unary(this, op, x, out);
    }

    @Override
    public synchronized void binary(BinaryOp op, NdArray a, NdArray b, NdArray out) {
        ClElementwise.binary(this, op, a, b, out);
    }

    @Override
    public synchronized void compare(CompareOp op, NdArray a, NdArray b, NdArray out) {
        ClElementwise.compare(this, op, a, b, out);
    }

    @Override
    public synchronized void where(NdArray cond, NdArray a, NdArray b, NdArray out) {
        ClElementwise.where(this, cond, a, b, out);
    }

    // ---------------------------------------------------------------- reductions and linear algebra

    @Override
    public synchronized void reduce(jtorch.tensor.ReduceOp op, NdArray x, NdArray out) {
        ClReduce.reduce(this, op, x, out);
    }

    @Override
    public synchronized void argReduce(boolean max, NdArray x, int dim, NdArray out) {
        ClReduce.argReduce(this, max, x, dim, out);
    }

    @Override
    public synchronized void softmax(NdArray x, int dim, boolean log, NdArray out) {
        ClReduce.softmax(this, x, dim, log, out);
    }

    @Override
    public synchronized void matmul(NdArray a, NdArray b, NdArray out) {
        ClMatmul.matmul(this, a, b, out);
    }

    // ---------------------------------------------------------------- indexing

    @Override
    public synchronized void indexSelect(NdArray x, int dim, NdArray index, NdArray out) {
        ClIndexing.indexSelect(this, x, dim, index, out);
    }

    @Override
    public synchronized void gather(NdArray x, int dim, NdArray index, NdArray out) {
        ClIndexing.gather(this, x, dim, index, out);
    }

    @Override
    public synchronized void scatterAdd(NdArray self, int dim, NdArray index, NdArray src) {
        ClIndexing.scatterAdd(this, self, dim, index, src);
    }

    // ---------------------------------------------------------------- convolution and pooling

    @Override
    public synchronized void conv2d(NdArray x, NdArray w, NdArray bias, ConvParams p, NdArray out) {
        ClConv.forward(this, x, w, bias, p, out);
    }

    @Override
    public synchronized void conv2dBackward(NdArray gradOut, NdArray x, NdArray w, ConvParams p, NdArray gx,
                                            NdArray gw, NdArray gb) {
        ClConv.backward(this, gradOut, x, w, p, gx, gw, gb);
    }

    @Override
    public synchronized Object maxPool2d(NdArray x, PoolParams p, NdArray out) {
        return ClPool.maxForward(this, x, p, out);
    }

    @Override
    public synchronized void maxPool2dBackward(NdArray gradOut, Object indices, PoolParams p, NdArray gx) {
        ClPool.maxBackward(this, gradOut, (OpenCLStorage) indices, p, gx);
    }

    @Override
    public synchronized NdArray maxPool2dIndices(Object indices, int[] outShape) {
        return ClPool.indicesAsLong(this, (OpenCLStorage) indices, outShape);
    }

    @Override
    public synchronized void avgPool2d(NdArray x, PoolParams p, NdArray out) {
        ClPool.avgForward(this, x, p, out);
    }

    @Override
    public synchronized void avgPool2dBackward(NdArray gradOut, PoolParams p, NdArray gx) {
        ClPool.avgBackward(this, gradOut, p, gx);
    }

    // ---------------------------------------------------------------- training-step kernels (not Backend ops yet)

    /**
     * One SGD step in place on a contiguous float32 parameter, as torch.optim.SGD: g = grad + wd·p; with
     * momentum, buf = first ? g : momentum·buf + (1 − dampening)·g and g = nesterov ? g + momentum·buf : buf;
     * then p −= lr·g. {@code momentumBuf} may be null when momentum is 0.
     */
    public synchronized void sgdStep(NdArray param, NdArray grad, NdArray momentumBuf, float lr, float momentum,
                                     float dampening, float weightDecay, boolean nesterov, boolean firstStep) {
        ClTraining.sgd(this, param, grad, momentumBuf, lr, momentum, dampening, weightDecay, nesterov, firstStep);
    }

    /**
     * One Adam (or AdamW when {@code decoupled}) step in place, as torch.optim.Adam without amsgrad; {@code step}
     * is the 1-based step count after increment (bias corrections are computed here on the host).
     */
    public synchronized void adamStep(NdArray param, NdArray grad, NdArray expAvg, NdArray expAvgSq, float lr,
                                      float beta1, float beta2, float eps, float weightDecay, boolean decoupled,
                                      long step) {
        ClTraining.adam(this, param, grad, expAvg, expAvgSq, lr, beta1, beta2, eps, weightDecay, decoupled, step);
    }

    /**
     * Fused cross-entropy of float32 logits [N, C] against int64 targets [N]: writes each row's loss
     * (logsumexp − logit[target]) to {@code loss} [N] and, when {@code grad} [N, C] is not null, softmax − one-hot.
     * Rows whose target equals {@code ignoreIndex} get loss 0 and gradient 0. Reduction (mean over the
     * non-ignored rows) and the upstream gradient scale are left to the caller.
     */
    public synchronized void crossEntropy(NdArray logits, NdArray target, int ignoreIndex, NdArray loss,
                                          NdArray grad) {
        ClTraining.crossEntropy(this, logits, target, ignoreIndex, loss, grad);
    }

    @Override
    public synchronized boolean fusedSgdStep(NdArray param, NdArray grad, NdArray momentumBuffer, double lr,
                                             double momentum, double dampening, double weightDecay, boolean nesterov) {
        if (!ClTraining.fusable(this, param, grad, momentumBuffer)) {
            return false;
        }
        ClTraining.sgd(this, param, grad, momentumBuffer, (float) lr, (float) momentum, (float) dampening,
                (float) weightDecay, nesterov, false);
        return true;
    }

    @Override
    public synchronized boolean fusedAdamStep(NdArray param, NdArray grad, NdArray expAvg, NdArray expAvgSq,
                                              double lr, double beta1, double beta2, double eps, double weightDecay,
                                              boolean decoupled, long step) {
        if (!ClTraining.fusable(this, param, grad, expAvg, expAvgSq)) {
            return false;
        }
        ClTraining.adam(this, param, grad, expAvg, expAvgSq, (float) lr, (float) beta1, (float) beta2, (float) eps,
                (float) weightDecay, decoupled, step);
        return true;
    }

    @Override
    public String toString() {
        return name();
    }
}
