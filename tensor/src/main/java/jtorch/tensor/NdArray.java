package jtorch.tensor;

import java.util.Arrays;

/**
 * A dense strided n-dimensional array: the tensor core, without autograd. Shape, strides and offset
 * describe a view into a {@link Storage}; views ({@link #view}, {@link #permute}, {@link #expand},
 * {@link #narrow}, ...) share the storage and copy nothing, as in PyTorch.
 *
 * <p>Sizes, strides and offsets are {@code int}: a storage is one Java array (or one device buffer), so
 * no tensor exceeds 2^31 elements. Strides may be 0 (broadcast by {@link #expand}).
 *
 * <p>Arithmetic, reductions and the rest run on the storage's {@link Backend}; see {@link Ops}.
 */
public final class NdArray {
    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    /** A view of {@code storage}; checks that every element it addresses lies inside the storage. */
    public NdArray(Storage storage, int[] shape, int[] strides, int offset) {
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("shape " + Shape.str(shape) + " and strides " + Arrays.toString(strides)
                    + " have different ranks");
        }
        this.storage = storage;
        this.shape = shape.clone();
        this.strides = strides.clone();
        this.offset = offset;
        checkBounds();
    }

    private void checkBounds() {
        if (offset < 0) {
            throw new IllegalArgumentException("negative storage offset " + offset);
        }
        long lo = offset;
        long hi = offset;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0) {
                throw new IllegalArgumentException("negative dimension " + shape[d] + " in shape " + Shape.str(shape));
            }
            if (shape[d] == 0) {
                return;   // an empty view addresses nothing
            }
            long span = (long) (shape[d] - 1) * strides[d];
            if (span < 0) {
                lo += span;
            } else {
                hi += span;
            }
        }
        if (lo < 0 || hi >= storage.size()) {
            throw new IllegalArgumentException("view of shape " + Shape.str(shape) + ", strides "
                    + Arrays.toString(strides) + " and offset " + offset + " extends past its storage of "
                    + storage.size() + " elements");
        }
    }

    // ---------------------------------------------------------------- creation

    /** A new contiguous, zero-filled array on the CPU. */
    public static NdArray zeros(DType dtype, int... shape) {
        int n = Shape.numel(shape);
        return new NdArray(CpuStorage.allocate(dtype, n), shape, Shape.contiguousStrides(shape), 0);
    }

    /** A new contiguous, zero-filled array on the given backend. */
    public static NdArray zeros(Backend backend, DType dtype, int... shape) {
        int n = Shape.numel(shape);
        return new NdArray(backend.allocate(dtype, n), shape, Shape.contiguousStrides(shape), 0);
    }

    /**
     * Wraps a Java array ({@code float[]}, {@code double[]}, {@code long[]} or {@code boolean[]}) as a
     * contiguous array of the given shape, without copying.
     */
    public static NdArray wrap(Object data, int... shape) {
        CpuStorage s = CpuStorage.wrap(data);
        int n = Shape.numel(shape);
        if (n != s.size()) {
            throw new IllegalArgumentException("shape '" + Shape.str(shape) + "' is invalid for input of size " + s.size());
        }
        return new NdArray(s, shape, Shape.contiguousStrides(shape), 0);
    }

    /** A 0-dimensional float32 array holding {@code v}. */
    public static NdArray scalar(float v) {
        return wrap(new float[] {v});
    }

    /** A 0-dimensional array of the given dtype holding {@code v} (converted as {@link #to} does). */
    public static NdArray scalar(DType dtype, double v) {
        return switch (dtype) {
            case FLOAT32 -> wrap(new float[] {(float) v});
            case FLOAT64 -> wrap(new double[] {v});
            case INT64 -> wrap(new long[] {(long) v});
            case BOOL -> wrap(new boolean[] {v != 0});
        };
    }

    // ---------------------------------------------------------------- metadata

    public Storage storage() {
        return storage;
    }

    public Backend backend() {
        return storage.backend();
    }

    public Device device() {
        return storage.device();
    }

    public DType dtype() {
        return storage.dtype();
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the strides, in elements. */
    public int[] strides() {
        return strides.clone();
    }

    /** Offset of element [0,...,0] in the storage, in elements. */
    public int offset() {
        return offset;
    }

    public int dim() {
        return shape.length;
    }

    public int size(int dim) {
        return shape[Shape.wrapDim(dim, shape.length)];
    }

    public int stride(int dim) {
        return strides[Shape.wrapDim(dim, shape.length)];
    }

    public int numel() {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** True when the elements are laid out row-major with no gaps (size-1 dims may have any stride). */
    public boolean isContiguous() {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 1) {
                continue;
            }
            if (strides[d] != expected) {
                return shape[d] == 0;
            }
            expected *= shape[d];
        }
        return true;
    }

    // ---------------------------------------------------------------- views (no copy)

    /** A view with a new shape (one dim may be -1); fails as PyTorch does when the strides do not allow it. */
    public NdArray view(int... newShape) {
        int[] target = inferShape(newShape, numel());
        int[] newStrides = Views.viewStrides(shape, strides, target);
        if (newStrides == null) {
            throw new IllegalArgumentException("view size is not compatible with input tensor's size and stride (at least"
                    + " one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        return new NdArray(storage, target, newStrides, offset);
    }

    /** {@link #view} when possible, otherwise a contiguous copy with the new shape. */
    public NdArray reshape(int... newShape) {
        int[] target = inferShape(newShape, numel());
        int[] newStrides = Views.viewStrides(shape, strides, target);
        if (newStrides != null) {
            return new NdArray(storage, target, newStrides, offset);
        }
        return contiguous().view(target);
    }

    /** Resolves one -1 entry and checks the element count, with PyTorch's messages. */
    public static int[] inferShape(int[] requested, int numel) {
        int[] out = requested.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("only one dimension can be inferred");
                }
                infer = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + out[i]);
            } else {
                known *= out[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw new IllegalArgumentException("shape '" + Shape.str(requested) + "' is invalid for input of size " + numel);
            }
            out[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw new IllegalArgumentException("shape '" + Shape.str(requested) + "' is invalid for input of size " + numel);
        }
        return out;
    }

    /** Reorders the dimensions: {@code permute(1, 0)} transposes a matrix. */
    public NdArray permute(int... dims) {
        if (dims.length != shape.length) {
            throw new IllegalArgumentException("number of dims don't match in permute");
        }
        int[] newShape = new int[dims.length];
        int[] newStrides = new int[dims.length];
        boolean[] seen = new boolean[dims.length];
        for (int i = 0; i < dims.length; i++) {
            int d = Shape.wrapDim(dims[i], shape.length);
            if (seen[d]) {
                throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
            }
            seen[d] = true;
            newShape[i] = shape[d];
            newStrides[i] = strides[d];
        }
        return new NdArray(storage, newShape, newStrides, offset);
    }

    /** Swaps two dimensions. */
    public NdArray transpose(int dim0, int dim1) {
        int a = Shape.wrapDim(dim0, shape.length);
        int b = Shape.wrapDim(dim1, shape.length);
        int[] perm = new int[shape.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        perm[a] = b;
        perm[b] = a;
        return shape.length == 0 ? this : permute(perm);
    }

    /** Matrix transpose of a tensor of at most 2 dimensions, as {@code torch.t}. */
    public NdArray t() {
        if (shape.length > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + shape.length + "D");
        }
        return shape.length < 2 ? this : transpose(0, 1);
    }

    /** Broadcasts size-1 dimensions (and new leading ones) to {@code newShape} with stride 0; -1 keeps a size. */
    public NdArray expand(int... newShape) {
        if (newShape.length < shape.length) {
            throw new IllegalArgumentException("expand(" + "torch.FloatTensor{" + Shape.str(shape)
                    + "}, size=" + Shape.str(newShape) + "): the number of sizes provided (" + newShape.length
                    + ") must be greater or equal to the number of dimensions in the tensor (" + shape.length + ")");
        }
        int lead = newShape.length - shape.length;
        int[] outShape = new int[newShape.length];
        int[] outStrides = new int[newShape.length];
        for (int i = 0; i < newShape.length; i++) {
            int target = newShape[i];
            if (i < lead) {
                if (target < 0) {
                    throw new IllegalArgumentException("The expanded size of the tensor (" + target
                            + ") isn't allowed in a leading, non-existing dimension " + i);
                }
                outShape[i] = target;
                outStrides[i] = 0;
                continue;
            }
            int src = shape[i - lead];
            if (target == -1) {
                target = src;
            }
            if (src == target) {
                outShape[i] = src;
                outStrides[i] = strides[i - lead];
            } else if (src == 1) {
                outShape[i] = target;
                outStrides[i] = 0;
            } else {
                throw new IllegalArgumentException("The expanded size of the tensor (" + target
                        + ") must match the existing size (" + src + ") at non-singleton dimension " + i
                        + ".  Target sizes: " + Shape.str(newShape) + ".  Tensor sizes: " + Shape.str(shape));
            }
        }
        return new NdArray(storage, outShape, outStrides, offset);
    }

    /** Elements {@code start .. start+length-1} along {@code dim}. */
    public NdArray narrow(int dim, int start, int length) {
        int d = Shape.wrapDim(dim, shape.length);
        if (shape.length == 0) {
            throw new IllegalArgumentException("narrow() cannot be applied to a 0-dim tensor.");
        }
        if (length < 0) {
            throw new IllegalArgumentException("narrow(): length must be non-negative.");
        }
        if (start < 0) {
            start += shape[d];
        }
        if (start < 0 || start + length > shape[d]) {
            throw new IndexOutOfBoundsException("start (" + start + ") + length (" + length
                    + ") exceeds dimension size (" + shape[d] + ").");
        }
        int[] s = shape.clone();
        s[d] = length;
        return new NdArray(storage, s, strides, offset + (length == 0 ? 0 : start * strides[d]));
    }

    /** Python's {@code x[..., start:end:step, ...]} on one dimension; bounds are clamped as Python does. */
    public NdArray slice(int dim, int start, int end, int step) {
        int d = Shape.wrapDim(dim, shape.length);
        if (step <= 0) {
            throw new IllegalArgumentException("slice step must be positive");
        }
        int n = shape[d];
        start = clampIndex(start, n);
        end = clampIndex(end, n);
        int len = end > start ? (end - start + step - 1) / step : 0;
        int[] s = shape.clone();
        int[] st = strides.clone();
        s[d] = len;
        st[d] = strides[d] * step;
        return new NdArray(storage, s, st, offset + (len == 0 ? 0 : start * strides[d]));
    }

    private static int clampIndex(int i, int n) {
        if (i < 0) {
            i += n;
        }
        return Math.max(0, Math.min(i, n));
    }

    /** Index {@code index} of dimension {@code dim}, removing that dimension. */
    public NdArray select(int dim, int index) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("select() cannot be applied to a 0-dim tensor.");
        }
        int d = Shape.wrapDim(dim, shape.length);
        int n = shape[d];
        if (index < -n || index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of bounds for dimension " + d + " with size " + n);
        }
        if (index < 0) {
            index += n;
        }
        int[] s = remove(shape, d);
        int[] st = remove(strides, d);
        return new NdArray(storage, s, st, offset + index * strides[d]);
    }

    /** Removes every size-1 dimension. */
    public NdArray squeeze() {
        int keep = 0;
        for (int s : shape) {
            if (s != 1) {
                keep++;
            }
        }
        int[] s = new int[keep];
        int[] st = new int[keep];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (shape[i] != 1) {
                s[j] = shape[i];
                st[j++] = strides[i];
            }
        }
        return new NdArray(storage, s, st, offset);
    }

    /** Removes dimension {@code dim} if its size is 1; otherwise returns this view unchanged (PyTorch). */
    public NdArray squeeze(int dim) {
        if (shape.length == 0) {
            Shape.wrapDim(dim, 0);
            return this;
        }
        int d = Shape.wrapDim(dim, shape.length);
        if (shape[d] != 1) {
            return this;
        }
        return new NdArray(storage, remove(shape, d), remove(strides, d), offset);
    }

    /** Inserts a size-1 dimension at {@code dim} (which may equal {@code dim()}). */
    public NdArray unsqueeze(int dim) {
        int d = Shape.wrapDim(dim, shape.length + 1);
        int[] s = new int[shape.length + 1];
        int[] st = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i == d) {
                s[i] = 1;
                st[i] = d < shape.length ? shape[d] * strides[d] : 1;
            } else {
                s[i] = shape[j];
                st[i] = strides[j++];
            }
        }
        return new NdArray(storage, s, st, offset);
    }

    /** Flattens dimensions {@code startDim..endDim} into one (a view when possible). */
    public NdArray flatten(int startDim, int endDim) {
        if (shape.length == 0) {
            return reshape(1);
        }
        int a = Shape.wrapDim(startDim, shape.length);
        int b = Shape.wrapDim(endDim, shape.length);
        if (a > b) {
            throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        int[] s = new int[shape.length - (b - a)];
        int j = 0;
        for (int i = 0; i < a; i++) {
            s[j++] = shape[i];
        }
        int prod = 1;
        for (int i = a; i <= b; i++) {
            prod *= shape[i];
        }
        s[j++] = prod;
        for (int i = b + 1; i < shape.length; i++) {
            s[j++] = shape[i];
        }
        return reshape(s);
    }

    private static int[] remove(int[] a, int i) {
        int[] out = new int[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    // ---------------------------------------------------------------- copies and host access

    /** This array if contiguous, else a contiguous copy. */
    public NdArray contiguous() {
        return isContiguous() && offset == 0 && numel() == storage.size() ? this : copyContiguous();
    }

    /** A contiguous copy that shares nothing with this array. */
    public NdArray copyContiguous() {
        NdArray out = zeros(backend(), dtype(), shape);
        backend().copy(this, out);
        return out;
    }

    /** A copy converted to {@code dtype} (this array itself when it already has that dtype), as PyTorch's {@code to}. */
    public NdArray to(DType dtype) {
        if (dtype == dtype()) {
            return this;
        }
        NdArray out = zeros(backend(), dtype, shape);
        backend().copy(this, out);
        return out;
    }

    /**
     * The elements in row-major order as a new Java array of this dtype: {@code float[]}, {@code double[]},
     * {@code long[]} or {@code boolean[]}. Copies from the device when the storage is not on the CPU.
     */
    public Object toArray() {
        return backend().toHostArray(this);
    }

    /** The elements converted to float, row-major. */
    public float[] toFloatArray() {
        return (float[]) to(DType.FLOAT32).toArray();
    }

    /** The elements converted to double, row-major. */
    public double[] toDoubleArray() {
        return (double[]) to(DType.FLOAT64).toArray();
    }

    /** The elements converted to long, row-major (floats truncate toward zero, as PyTorch). */
    public long[] toLongArray() {
        return (long[]) to(DType.INT64).toArray();
    }

    /** The value of a one-element array, as a double (PyTorch's {@code item()}). */
    public double item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("a Tensor with " + numel() + " elements cannot be converted to Scalar");
        }
        return toDoubleArray()[0];
    }

    /** This array on the device of {@code target}: itself when already there, else a contiguous copy. */
    public NdArray toDevice(Backend target) {
        if (target.device().equals(device())) {
            return this;
        }
        Storage s = target.upload(toArray());
        return new NdArray(s, shape, Shape.contiguousStrides(shape), 0);
    }

    /** The storage position of the element at {@code index} (one index per dimension). */
    public int storageIndex(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("expected " + shape.length + " indices, got " + index.length);
        }
        int p = offset;
        for (int d = 0; d < index.length; d++) {
            int i = index[d];
            if (i < -shape[d] || i >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + i + " is out of bounds for dimension " + d
                        + " with size " + shape[d]);
            }
            p += (i < 0 ? i + shape[d] : i) * strides[d];
        }
        return p;
    }

    @Override
    public String toString() {
        return TensorFormatter.format(dtype(), shape, toArray(), device().isCpu() ? null : device().toString(), null);
    }
}
