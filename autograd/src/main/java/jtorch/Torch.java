package jtorch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jtorch.autograd.GradMode;
import jtorch.simd.Parallel;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;
import jtorch.tensor.Generator;
import jtorch.tensor.NdArray;
import jtorch.tensor.Ops;

/**
 * The {@code torch.*} namespace: creation, seeding, grad mode, joins and comparisons. Random functions
 * draw from the default generator ({@link #manualSeed}) unless given one.
 */
public final class Torch {
    private Torch() {}

    // ---------------------------------------------------------------- from Java values

    /** A float32 tensor of the values (copied), 1-D. */
    public static Tensor tensor(float[] values) {
        return new Tensor(NdArray.wrap(values.clone(), values.length));
    }

    /** A float64 tensor of the values (copied), 1-D. */
    public static Tensor tensor(double[] values) {
        return new Tensor(NdArray.wrap(values.clone(), values.length));
    }

    /** An int64 tensor of the values (copied), 1-D. */
    public static Tensor tensor(long[] values) {
        return new Tensor(NdArray.wrap(values.clone(), values.length));
    }

    /** A bool tensor of the values (copied), 1-D. */
    public static Tensor tensor(boolean[] values) {
        return new Tensor(NdArray.wrap(values.clone(), values.length));
    }

    /** A 0-dimensional float32 tensor. */
    public static Tensor tensor(float value) {
        return new Tensor(NdArray.scalar(value));
    }

    /** A float32 tensor of the given shape over a copy of {@code values}. */
    public static Tensor tensor(float[] values, int... shape) {
        return new Tensor(NdArray.wrap(values.clone(), shape));
    }

    public static Tensor reshape(Tensor t, int... shape) {
        return t.reshape(shape);
    }

    // ---------------------------------------------------------------- creation

    public static Tensor zeros(int... shape) {
        return new Tensor(Creation.zeros(DType.FLOAT32, shape));
    }

    public static Tensor zeros(DType dtype, int... shape) {
        return new Tensor(Creation.zeros(dtype, shape));
    }

    public static Tensor ones(int... shape) {
        return new Tensor(Creation.ones(DType.FLOAT32, shape));
    }

    public static Tensor ones(DType dtype, int... shape) {
        return new Tensor(Creation.ones(dtype, shape));
    }

    public static Tensor full(int[] shape, double value) {
        return new Tensor(Creation.full(DType.FLOAT32, value, shape));
    }

    public static Tensor full(int[] shape, double value, DType dtype) {
        return new Tensor(Creation.full(dtype, value, shape));
    }

    public static Tensor zerosLike(Tensor t) {
        return new Tensor(NdArray.zeros(t.data().backend(), t.dtype(), t.shape()));
    }

    public static Tensor onesLike(Tensor t) {
        NdArray a = NdArray.zeros(t.data().backend(), t.dtype(), t.shape());
        a.backend().fill(a, 1.0);
        return new Tensor(a);
    }

    /** {@code torch.arange(end)}: int64 0 .. end-1. */
    public static Tensor arange(long end) {
        return new Tensor(Creation.arange(DType.INT64, 0, end, 1));
    }

    /** {@code torch.arange(start, end, step)}: float32 when any argument is fractional, else int64. */
    public static Tensor arange(double start, double end, double step) {
        boolean integral = start == Math.rint(start) && end == Math.rint(end) && step == Math.rint(step);
        return new Tensor(Creation.arange(integral ? DType.INT64 : DType.FLOAT32, start, end, step));
    }

    public static Tensor linspace(double start, double end, int steps) {
        return new Tensor(Creation.linspace(DType.FLOAT32, start, end, steps));
    }

    public static Tensor eye(int n) {
        return new Tensor(Creation.eye(DType.FLOAT32, n, n));
    }

    public static Tensor eye(int n, int m) {
        return new Tensor(Creation.eye(DType.FLOAT32, n, m));
    }

    public static Tensor rand(int... shape) {
        return new Tensor(Creation.rand(Creation.defaultGenerator(), DType.FLOAT32, shape));
    }

    public static Tensor rand(Generator g, int... shape) {
        return new Tensor(Creation.rand(g, DType.FLOAT32, shape));
    }

    public static Tensor randn(int... shape) {
        return new Tensor(Creation.randn(Creation.defaultGenerator(), DType.FLOAT32, shape));
    }

    public static Tensor randn(Generator g, int... shape) {
        return new Tensor(Creation.randn(g, DType.FLOAT32, shape));
    }

    public static Tensor randn(DType dtype, int... shape) {
        return new Tensor(Creation.randn(Creation.defaultGenerator(), dtype, shape));
    }

    /** Integers uniform in [low, high). */
    public static Tensor randint(long low, long high, int... shape) {
        return new Tensor(Creation.randint(Creation.defaultGenerator(), low, high, shape));
    }

    public static Tensor randint(Generator g, long low, long high, int... shape) {
        return new Tensor(Creation.randint(g, low, high, shape));
    }

    /** A random permutation of 0..n-1 (int64), drawn like PyTorch's {@code randperm} for small n. */
    public static Tensor randperm(int n, Generator g) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, got" + n);   // TORCH: sic, no space
        }
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        synchronized (g) {
            for (int i = 0; i < n - 1; i++) {
                int z = (int) (g.nextInt32() % (n - i));
                long t = p[i];
                p[i] = p[z + i];
                p[z + i] = t;
            }
        }
        return new Tensor(NdArray.wrap(p, n));
    }

    // ---------------------------------------------------------------- state

    /** Seeds the default generator ({@code torch.manual_seed}). */
    public static Generator manualSeed(long seed) {
        return Creation.defaultGenerator().manualSeed(seed);
    }

    public static Generator defaultGenerator() {
        return Creation.defaultGenerator();
    }

    /** Disables graph recording in this thread until closed: {@code try (var g = Torch.noGrad()) {...}}. */
    public static GradMode.Scope noGrad() {
        return GradMode.set(false);
    }

    /** Enables graph recording in this thread until closed ({@code torch.enable_grad}). */
    public static GradMode.Scope enableGrad() {
        return GradMode.set(true);
    }

    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    /** Sets the intra-op thread count ({@code torch.set_num_threads}). */
    public static void setNumThreads(int n) {
        Parallel.setNumThreads(n);
    }

    public static int getNumThreads() {
        return Parallel.getNumThreads();
    }

    /** Every device present: the CPU, then each OpenCL device (when the gpu-opencl module and a driver are there). */
    public static List<jtorch.tensor.Device> devices() {
        return jtorch.tensor.Backends.devices();
    }

    // ---------------------------------------------------------------- functions of tensors

    public static Tensor matmul(Tensor a, Tensor b) {
        return a.matmul(b);
    }

    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Shapes.cat(tensors, dim);
    }

    public static Tensor cat(List<Tensor> tensors) {
        return cat(tensors, 0);
    }

    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Shapes.stack(tensors, dim);
    }

    public static Tensor stack(List<Tensor> tensors) {
        return stack(tensors, 0);
    }

    public static Tensor where(Tensor condition, Tensor input, Tensor other) {
        return Pointwise.where(condition, input, other);
    }

    /** True when both have the same shape and elements ({@code torch.equal}). */
    public static boolean equal(Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            return false;
        }
        return a.eq(b).data().numel() == 0
                || Ops.reduce(jtorch.tensor.ReduceOp.ALL, a.eq(b).data(), null, false).item() != 0;
    }

    /** {@code |a - b| <= atol + rtol * |b|} everywhere, NaNs unequal ({@code torch.allclose}). */
    public static boolean allclose(Tensor a, Tensor b, double rtol, double atol) {
        double[] x = a.toDoubleArray();
        double[] y = b.expand(a.shape()).contiguous().toDoubleArray();
        if (!Arrays.equals(jtorch.tensor.Shape.broadcast(a.shape(), b.shape()), a.shape())) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                continue;
            }
            if (!(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) {
                return false;
            }
        }
        return true;
    }

    public static boolean allclose(Tensor a, Tensor b) {
        return allclose(a, b, 1e-5, 1e-8);
    }

    // ---------------------------------------------------------------- save and load

    /**
     * Saves {@code obj} to {@code path} ({@code torch.save}), atomically. A state dict
     * ({@code Map<String, Tensor>}) or a tensor is written in PyTorch's own zip format, which
     * {@code torch.load(path, weights_only=True)} reads; a path ending in {@code .safetensors} writes a state
     * dict as safetensors; a {@code Module} is written with its structure (see {@code docs/serialization.md}).
     *
     * @throws UncheckedIOException when writing fails
     */
    public static void save(Object obj, Path path) {
        try {
            jtorch.io.Serialization.save(obj, path);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("cannot save to " + path + ": No such file or directory: "
                    + path.toAbsolutePath().getParent(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save to " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads what {@link #save} or PyTorch's {@code torch.save} wrote ({@code torch.load}): a
     * {@code LinkedHashMap<String, Tensor>} for a state dict, a {@code Tensor}, or a {@code Module}. Only
     * allow-listed content is read (like {@code weights_only=True}); a malformed file fails with an
     * {@link UncheckedIOException} whose cause says what is wrong.
     */
    @SuppressWarnings("unchecked")
    public static <T> T load(Path path) {
        try {
            return (T) jtorch.io.Serialization.load(path);
        } catch (java.nio.file.NoSuchFileException e) {
            // TORCH: FileNotFoundError: [Errno 2] No such file or directory: 'path'
            throw new UncheckedIOException("cannot load " + path + ": No such file or directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + path + ": " + e.getMessage(), e);
        }
    }
}
