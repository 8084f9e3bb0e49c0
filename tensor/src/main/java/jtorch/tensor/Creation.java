package jtorch.tensor;

/**
 * Creation functions ({@code torch.zeros}, {@code arange}, {@code rand}, ...) on the CPU. Random ones
 * draw from a {@link Generator} exactly as PyTorch's CPU kernels do, so seeded results match PyTorch.
 */
public final class Creation {
    private static final Generator DEFAULT = new Generator();

    private Creation() {}

    /** The process-wide default generator ({@code torch.default_generator}). */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    public static NdArray zeros(DType dtype, int... shape) {
        checkShape(shape);
        return NdArray.zeros(dtype, shape);
    }

    public static NdArray ones(DType dtype, int... shape) {
        return full(dtype, 1.0, shape);
    }

    public static NdArray full(DType dtype, double value, int... shape) {
        checkShape(shape);
        NdArray out = NdArray.zeros(dtype, shape);
        CpuBackend.INSTANCE.fill(out, value);
        return out;
    }

    private static void checkShape(int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("Trying to create tensor with negative dimension " + s + ": "
                        + Shape.str(shape));
            }
        }
    }

    /** Values start, start+step, ... below end (above it for a negative step). */
    public static NdArray arange(DType dtype, double start, double end, double step) {
        if (step == 0) {
            throw new IllegalArgumentException("step must be nonzero");
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("unsupported range: " + start + " -> " + end);
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        double count = Math.ceil((end - start) / step);
        if (count > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("arange: " + (long) count + " elements do not fit in one tensor");
        }
        int n = (int) count;
        NdArray out = NdArray.zeros(dtype, n);
        Object a = ((CpuStorage) out.storage()).array();
        for (int i = 0; i < n; i++) {
            double v = start + i * step;
            switch (dtype) {
                case FLOAT32 -> ((float[]) a)[i] = (float) v;
                case FLOAT64 -> ((double[]) a)[i] = v;
                case INT64 -> ((long[]) a)[i] = (long) v;
                case BOOL -> throw new IllegalArgumentException("\"arange_cpu\" not implemented for 'Bool'");
            }
        }
        return out;
    }

    /** {@code steps} evenly spaced values from start to end inclusive, computed as PyTorch (symmetric from both ends). */
    public static NdArray linspace(DType dtype, double start, double end, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("number of steps must be non-negative");
        }
        NdArray out = NdArray.zeros(dtype, steps);
        Object a = ((CpuStorage) out.storage()).array();
        double step = steps > 1 ? (end - start) / (steps - 1) : 0;
        int half = steps / 2;
        // TORCH: float32 linspace computes in float, so its rounding differs from a double computation.
        float stepF = steps > 1 ? ((float) end - (float) start) / (steps - 1) : 0f;
        for (int i = 0; i < steps; i++) {
            double v = i < half ? start + step * i : end - step * (steps - i - 1);
            if (dtype == DType.FLOAT32) {
                v = i < half ? (float) start + stepF * i : (float) end - stepF * (steps - i - 1);
            }
            switch (dtype) {
                case FLOAT32 -> ((float[]) a)[i] = (float) v;
                case FLOAT64 -> ((double[]) a)[i] = v;
                case INT64 -> ((long[]) a)[i] = (long) v;
                case BOOL -> ((boolean[]) a)[i] = v != 0;
            }
        }
        return out;
    }

    /** An n x m matrix with ones on the diagonal. */
    public static NdArray eye(DType dtype, int n, int m) {
        if (n < 0 || m < 0) {
            throw new IllegalArgumentException((n < 0 ? "n" : "m") + " must be greater or equal to 0, got "
                    + (n < 0 ? n : m));
        }
        NdArray out = NdArray.zeros(dtype, n, m);
        for (int i = 0; i < Math.min(n, m); i++) {
            CpuBackend.INSTANCE.fill(out.select(0, i).narrow(0, i, 1), 1.0);
        }
        return out;
    }

    /** Uniform [0, 1) values (float32: 24 random bits each; float64: 53). */
    public static NdArray rand(Generator g, DType dtype, int... shape) {
        return uniform(g, dtype, 0.0, 1.0, shape);
    }

    /** Uniform [from, to) values, as {@code tensor.uniform_(from, to)}. */
    public static NdArray uniform(Generator g, DType dtype, double from, double to, int... shape) {
        checkShape(shape);
        requireFloating(dtype, "uniform_");
        if (!(from <= to)) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from="
                    + cNumber(from) + " > to=" + cNumber(to));
        }
        NdArray out = NdArray.zeros(dtype, shape);
        int n = out.numel();
        synchronized (g) {
            if (dtype == DType.FLOAT32) {
                float[] a = ((CpuStorage) out.storage()).floats();
                for (int i = 0; i < n; i++) {
                    a[i] = g.nextFloat((float) from, (float) to);
                }
            } else {
                double[] a = ((CpuStorage) out.storage()).doubles();
                for (int i = 0; i < n; i++) {
                    a[i] = g.nextDouble(from, to);
                }
            }
        }
        return out;
    }

    /** Standard normal values, drawn as PyTorch's {@code normal_} kernel draws them. */
    public static NdArray randn(Generator g, DType dtype, int... shape) {
        return normal(g, dtype, 0.0, 1.0, shape);
    }

    public static NdArray normal(Generator g, DType dtype, double mean, double std, int... shape) {
        checkShape(shape);
        requireFloating(dtype, "normal_");
        if (std < 0) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
        }
        NdArray out = NdArray.zeros(dtype, shape);
        int n = out.numel();
        synchronized (g) {
            if (n >= 16) {
                // TORCH: normal_fill — n uniforms, Box-Muller on pairs (j, j+8) of each block of 16; a
                // ragged tail recomputes the last 16 values from 16 fresh uniforms.
                double[] u = new double[n];
                for (int i = 0; i < n; i++) {
                    u[i] = dtype == DType.FLOAT32 ? g.nextFloat(0f, 1f) : g.nextDouble(0, 1);
                }
                for (int i = 0; i + 16 <= n; i += 16) {
                    boxMuller16(u, i, mean, std, dtype);
                }
                if (n % 16 != 0) {
                    for (int i = n - 16; i < n; i++) {
                        u[i] = dtype == DType.FLOAT32 ? g.nextFloat(0f, 1f) : g.nextDouble(0, 1);
                    }
                    boxMuller16(u, n - 16, mean, std, dtype);
                }
                store(out, u);
            } else {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = g.nextNormalDouble(mean, std);
                }
                store(out, v);
            }
        }
        return out;
    }

    private static void boxMuller16(double[] d, int at, double mean, double std, DType dtype) {
        boolean f32 = dtype == DType.FLOAT32;
        for (int j = 0; j < 8; j++) {
            if (f32) {
                float u1 = 1f - (float) d[at + j];
                float u2 = (float) d[at + j + 8];
                float radius = (float) Math.sqrt(-2f * (float) Math.log(u1));
                float theta = (float) (2.0f * Math.PI * u2);
                d[at + j] = radius * (float) Math.cos(theta) * (float) std + (float) mean;
                d[at + j + 8] = radius * (float) Math.sin(theta) * (float) std + (float) mean;
            } else {
                double u1 = 1 - d[at + j];
                double u2 = d[at + j + 8];
                double radius = Math.sqrt(-2 * Math.log(u1));
                double theta = 2.0 * Math.PI * u2;
                d[at + j] = radius * Math.cos(theta) * std + mean;
                d[at + j + 8] = radius * Math.sin(theta) * std + mean;
            }
        }
    }

    private static void store(NdArray out, double[] v) {
        Object a = ((CpuStorage) out.storage()).array();
        for (int i = 0; i < v.length; i++) {
            if (a instanceof float[] f) {
                f[i] = (float) v[i];
            } else {
                ((double[]) a)[i] = v[i];
            }
        }
    }

    /** Integers uniform in [low, high), as {@code torch.randint}. */
    public static NdArray randint(Generator g, long low, long high, int... shape) {
        checkShape(shape);
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from=" + low
                    + " >= to=" + high);
        }
        NdArray out = NdArray.zeros(DType.INT64, shape);
        long[] a = ((CpuStorage) out.storage()).longs();
        long range = high - low;
        synchronized (g) {
            for (int i = 0; i < a.length; i++) {
                long r = range >= (1L << 32) ? Long.remainderUnsigned(g.nextInt64(), range) : g.nextInt32() % range;
                a[i] = low + r;
            }
        }
        return out;
    }

    private static void requireFloating(DType dtype, String op) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + op + "\" expects a floating point dtype, got " + dtype);
        }
    }

    /** A double as C++'s stream prints it in PyTorch's messages: {@code 2}, not {@code 2.0}. */
    private static String cNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
