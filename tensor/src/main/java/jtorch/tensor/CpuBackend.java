package jtorch.tensor;

import jtorch.simd.BinaryOp;
import jtorch.simd.CompareOp;
import jtorch.simd.Optim;
import jtorch.simd.Parallel;
import jtorch.simd.Simd;
import jtorch.simd.UnaryOp;

/**
 * The CPU backend: storages are Java arrays; float32 and float64 ops run on the {@code jtorch.simd}
 * kernels (Vector API or scalar twins), int64 and bool ops on plain loops. Parallelism comes from the
 * shared intra-op pool ({@link jtorch.simd.Parallel}).
 */
public final class CpuBackend implements Backend {
    public static final CpuBackend INSTANCE = new CpuBackend();

    private CpuBackend() {}

    @Override
    public String name() {
        return Simd.vectorEnabled() ? "cpu-simd" : "cpu-scalar";
    }

    @Override
    public Device device() {
        return Device.cpu();
    }

    @Override
    public Storage allocate(DType dtype, int numel) {
        return CpuStorage.allocate(dtype, numel);
    }

    @Override
    public Storage upload(Object hostArray) {
        return CpuStorage.wrap(copyOf(hostArray));
    }

    private static Object copyOf(Object a) {
        return switch (a) {
            case float[] f -> f.clone();
            case double[] d -> d.clone();
            case long[] l -> l.clone();
            case boolean[] b -> b.clone();
            default -> throw new IllegalArgumentException("not a supported array: " + a.getClass());
        };
    }

    @Override
    public Object toHostArray(NdArray x) {
        CpuStorage s = (CpuStorage) x.storage();
        if (x.isContiguous()) {
            int n = x.numel();
            Object out = CpuStorage.allocate(x.dtype(), n).array();
            System.arraycopy(s.array(), x.offset(), out, 0, n);
            return out;
        }
        NdArray out = NdArray.zeros(x.dtype(), x.shape());
        copy(x, out);
        return ((CpuStorage) out.storage()).array();
    }

    @Override
    public void copy(NdArray src, NdArray dst) {
        CpuCopy.copy(src, dst);
    }

    @Override
    public void fill(NdArray dst, double value) {
        CpuCopy.fill(dst, value);
    }

    @Override
    public void unary(UnaryOp op, NdArray x, NdArray out) {
        CpuElementwise.unary(op, x, out);
    }

    @Override
    public void binary(BinaryOp op, NdArray a, NdArray b, NdArray out) {
        CpuElementwise.binary(op, a, b, out);
    }

    @Override
    public void compare(CompareOp op, NdArray a, NdArray b, NdArray out) {
        CpuElementwise.compare(op, a, b, out);
    }

    @Override
    public void where(NdArray cond, NdArray a, NdArray b, NdArray out) {
        CpuElementwise.where(cond, a, b, out);
    }

    @Override
    public void reduce(ReduceOp op, NdArray x, NdArray out) {
        CpuReduce.reduce(op, x, out);
    }

    @Override
    public void argReduce(boolean max, NdArray x, int dim, NdArray out) {
        CpuReduce.argReduce(max, x, dim, out);
    }

    @Override
    public void matmul(NdArray a, NdArray b, NdArray out) {
        CpuMatmul.matmul(a, b, out);
    }

    @Override
    public void softmax(NdArray x, int dim, boolean log, NdArray out) {
        CpuReduce.softmax(x, dim, log, out);
    }

    @Override
    public void indexSelect(NdArray x, int dim, NdArray index, NdArray out) {
        CpuIndexing.indexSelect(x, dim, index, out);
    }

    @Override
    public void gather(NdArray x, int dim, NdArray index, NdArray out) {
        CpuIndexing.gather(x, dim, index, out);
    }

    @Override
    public void scatterAdd(NdArray self, int dim, NdArray index, NdArray src) {
        CpuIndexing.scatterAdd(self, dim, index, src);
    }

    @Override
    public void conv2d(NdArray x, NdArray w, NdArray bias, ConvParams p, NdArray out) {
        CpuConv.forward(x, w, bias, p, out);
    }

    @Override
    public void conv2dBackward(NdArray gradOut, NdArray x, NdArray w, ConvParams p, NdArray gx, NdArray gw,
                               NdArray gb) {
        CpuConv.backward(gradOut, x, w, p, gx, gw, gb);
    }

    @Override
    public Object maxPool2d(NdArray x, PoolParams p, NdArray out) {
        return CpuPool.maxForward(x, p, out);
    }

    @Override
    public void maxPool2dBackward(NdArray gradOut, Object indices, PoolParams p, NdArray gx) {
        CpuPool.maxBackward(gradOut, (int[]) indices, p, gx);
    }

    @Override
    public NdArray maxPool2dIndices(Object indices, int[] outShape) {
        int[] idx = (int[]) indices;
        long[] l = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            l[i] = idx[i];
        }
        return NdArray.wrap(l, outShape);
    }

    @Override
    public void avgPool2d(NdArray x, PoolParams p, NdArray out) {
        CpuPool.avgForward(x, p, out);
    }

    @Override
    public void avgPool2dBackward(NdArray gradOut, PoolParams p, NdArray gx) {
        CpuPool.avgBackward(gradOut, p, gx);
    }

    @Override
    public String toString() {
        return name();
    }

    /**
     * In place, in one pass per element (jtorch.simd.Optim), for contiguous float32 arrays of the same length;
     * declines (the caller composes the update) for anything else. Ranges are split over threads.
     */
    @Override
    public boolean fusedSgdStep(NdArray param, NdArray grad, NdArray momentumBuffer, double lr, double momentum,
                                double dampening, double weightDecay, boolean nesterov) {
        for (NdArray a : new NdArray[] {param, grad, momentumBuffer}) {
            if (a != null && (a.dtype() != DType.FLOAT32 || !a.isContiguous() || a.backend() != this
                    || a.numel() != param.numel())) {
                return false;
            }
        }
        float[] p = CpuStorage.floatsOf(param);
        float[] g = CpuStorage.floatsOf(grad);
        float[] b = momentumBuffer == null ? null : CpuStorage.floatsOf(momentumBuffer);
        int bOff = momentumBuffer == null ? 0 : momentumBuffer.offset();
        Parallel.forRange(0, param.numel(), Strided.PARALLEL_GRAIN, (from, to) -> Optim.sgd(p, param.offset(), g,
                grad.offset(), b, bOff, from, to, (float) lr, (float) momentum, (float) dampening, (float) weightDecay,
                nesterov));
        return true;
    }
}
