package jtorch.tensor;

import java.util.function.LongFunction;
import jtorch.simd.BinaryOp;
import jtorch.simd.CompareOp;
import jtorch.simd.UnaryOp;

/**
 * The primitive operations a device implements: the whole contract between the tensor core and a
 * backend (the CPU now; OpenCL in {@code gpu-opencl}; another, e.g. TornadoVM, would be one more
 * implementation). Everything else in jtorch is composed of these.
 *
 * <p>Conventions: the caller ({@link Ops}) has already checked shapes and dtypes, broadcast inputs to
 * the output's shape (stride-0 views), and allocated outputs on this backend. Inputs may be any strided
 * view; outputs are freshly allocated contiguous arrays unless a method says otherwise. All arrays
 * passed to a backend live on its device.
 */
public interface Backend {
    /** A short name for logs: {@code cpu-simd}, {@code opencl:0 (NVIDIA H100)}. */
    String name();

    Device device();

    /** A zero-filled storage of {@code numel} elements. */
    Storage allocate(DType dtype, int numel);

    /** Copies a host array ({@code float[]}, {@code double[]}, {@code long[]}, {@code boolean[]}) to a new storage. */
    Storage upload(Object hostArray);

    /** The elements of {@code x} in row-major order, in a new host array of x's dtype. */
    Object toHostArray(NdArray x);

    /** {@code dst[i] = (dst dtype) src[i]} elementwise; same shape (src may be an expanded view); dst may be a view. */
    void copy(NdArray src, NdArray dst);

    /** Sets every element of the view {@code dst} to {@code value} converted to dst's dtype. */
    void fill(NdArray dst, double value);

    /** {@code out = op(x)}; same shape and dtype (float32/float64; NEG, ABS, SIGN, SQUARE also int64). */
    void unary(UnaryOp op, NdArray x, NdArray out);

    /** {@code out = a op b}; a, b, out have out's shape and one dtype (float32, float64 or int64). */
    void binary(BinaryOp op, NdArray a, NdArray b, NdArray out);

    /** {@code out = a op b} as bool; a and b share a dtype. */
    void compare(CompareOp op, NdArray a, NdArray b, NdArray out);

    /** {@code out = cond ? a : b}; cond is bool; a, b and out share a dtype. */
    void where(NdArray cond, NdArray a, NdArray b, NdArray out);

    /**
     * Reduces {@code x} over every dimension where {@code out} (same rank as x) has size 1 and x does not.
     * SUM and PROD of bool/int64 give int64; MAX/MIN keep the dtype and propagate NaN.
     */
    void reduce(ReduceOp op, NdArray x, NdArray out);

    /** Index of the first maximum (or minimum) along {@code dim}; out is int64 with x's shape and size 1 at dim. */
    void argReduce(boolean max, NdArray x, int dim, NdArray out);

    /**
     * Batched matrix product: a is [B, m, k], b is [B, k, n], out is [B, m, n] (contiguous); a and b may be
     * transposed or broadcast (stride-0 batch) views.
     */
    void matmul(NdArray a, NdArray b, NdArray out);

    /** (Log-)softmax of x along {@code dim} into out (same shape). */
    void softmax(NdArray x, int dim, boolean log, NdArray out);

    /** {@code out = x.index_select(dim, index)}; index is 1-D int64, checked by the caller. */
    void indexSelect(NdArray x, int dim, NdArray index, NdArray out);

    /** {@code out[i][j] = x[i][index[i][j]]} along dim; index (int64) has out's shape; checked by the caller. */
    void gather(NdArray x, int dim, NdArray index, NdArray out);

    /** In place: {@code self[index[i][j]][j] += src[i][j]} along dim (torch.scatter_add_). */
    void scatterAdd(NdArray self, int dim, NdArray index, NdArray src);

    // ---------------------------------------------------------------- the fat ops of neural networks
    // Inputs are contiguous; outputs and gradients are zero-filled contiguous arrays of the right shape.

    /** out [N, O, oH, oW] = conv2d(x [N, C, H, W], w [O, C/groups, kH, kW]) + bias [O] (bias may be null). */
    void conv2d(NdArray x, NdArray w, NdArray bias, ConvParams p, NdArray out);

    /** Gradients of conv2d; any of gx, gw, gb may be null (not wanted). Accumulates into zeroed outputs. */
    void conv2dBackward(NdArray gradOut, NdArray x, NdArray w, ConvParams p, NdArray gx, NdArray gw, NdArray gb);

    /** Max pooling of x [N, C, H, W] into out [N, C, outH, outW]; returns this backend's handle to the argmax. */
    Object maxPool2d(NdArray x, PoolParams p, NdArray out);

    /** gx += scatter of gradOut to the argmax positions (gx zeroed by the caller). */
    void maxPool2dBackward(NdArray gradOut, Object indices, PoolParams p, NdArray gx);

    /** The argmax handle as PyTorch's int64 indices (h·W + w per plane) of the given output shape. */
    NdArray maxPool2dIndices(Object indices, int[] outShape);

    void avgPool2d(NdArray x, PoolParams p, NdArray out);

    void avgPool2dBackward(NdArray gradOut, PoolParams p, NdArray gx);

    // ---------------------------------------------------------------- optional hooks (defaults keep the CPU path)

    /**
     * Checks that every element of the bool array {@code ok} is true; otherwise throws
     * {@code error.apply(v)}, where v is the element of {@code detail} (int64, ok's shape; 0 when detail is null)
     * at the first false position in row-major order. The default checks at once (a host read, free on the CPU).
     * A device backend may instead check on the device and throw at its next synchronizing read ({@code item()},
     * {@code toFloatArray()}, {@code to(cpu)}), as CUDA's device-side asserts do, so that a training step needs
     * no host round trip for validation.
     */
    default void check(NdArray ok, NdArray detail, LongFunction<? extends RuntimeException> error) {
        boolean[] flags = (boolean[]) ok.toArray();
        for (int i = 0; i < flags.length; i++) {
            if (!flags[i]) {
                throw error.apply(detail == null ? 0 : detail.toLongArray()[i]);
            }
        }
    }

    /**
     * An optional fused torch.optim.SGD update of one parameter, in place (see {@code jtorch.optim.SGD}):
     * {@code d = grad + weightDecay·param}; with momentum, {@code buf = momentum·buf + (1 − dampening)·d} and
     * {@code d = nesterov ? d + momentum·buf : buf}; then {@code param −= lr·d}. {@code momentumBuffer} is null
     * when momentum is 0. Returns false (the default) when this backend has no fused kernel for these arrays; the
     * caller then composes the update from primitive ops, and must get the same result within rounding. The CPU
     * backend fuses contiguous float32 arrays.
     */
    default boolean fusedSgdStep(NdArray param, NdArray grad, NdArray momentumBuffer, double lr, double momentum,
                                 double dampening, double weightDecay, boolean nesterov) {
        return false;
    }

    /**
     * An optional fused torch.optim.Adam update (AdamW when {@code decoupled}) of one parameter, in place, without
     * amsgrad; {@code step} is the 1-based step count after increment. Returns false (the default) when this
     * backend has no fused kernel for these arrays; the caller then composes the update from primitive ops.
     */
    default boolean fusedAdamStep(NdArray param, NdArray grad, NdArray expAvg, NdArray expAvgSq, double lr,
                                  double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
                                  long step) {
        return false;
    }
}
