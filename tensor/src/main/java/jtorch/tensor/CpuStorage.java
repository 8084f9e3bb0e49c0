package jtorch.tensor;

/**
 * Storage in a Java array on the heap: {@code float[]} for float32, {@code double[]} for float64,
 * {@code long[]} for int64, {@code boolean[]} for bool.
 */
public final class CpuStorage extends Storage {
    private final Object data;

    private CpuStorage(DType dtype, Object data, int size) {
        super(dtype, size);
        this.data = data;
    }

    /** A zero-filled storage of {@code size} elements. */
    public static CpuStorage allocate(DType dtype, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("Storage size must be non-negative, but got " + size);
        }
        checkAllocation(dtype, size);
        Object data = switch (dtype) {
            case FLOAT32 -> new float[size];
            case FLOAT64 -> new double[size];
            case INT64 -> new long[size];
            case BOOL -> new boolean[size];
        };
        return new CpuStorage(dtype, data, size);
    }

    /** Wraps a Java array without copying; its component type decides the dtype. */
    public static CpuStorage wrap(Object array) {
        return switch (array) {
            case float[] f -> new CpuStorage(DType.FLOAT32, f, f.length);
            case double[] d -> new CpuStorage(DType.FLOAT64, d, d.length);
            case long[] l -> new CpuStorage(DType.INT64, l, l.length);
            case boolean[] b -> new CpuStorage(DType.BOOL, b, b.length);
            case null -> throw new NullPointerException("array");
            default -> throw new IllegalArgumentException(
                    "Unsupported array type " + array.getClass().getSimpleName()
                            + "; expected float[], double[], long[] or boolean[]");
        };
    }

    @Override
    public Device device() {
        return Device.cpu();
    }

    @Override
    public Backend backend() {
        return CpuBackend.INSTANCE;
    }

    /** The backing array: float[], double[], long[] or boolean[] by dtype. */
    public Object array() {
        return data;
    }

    /** The backing array of a CPU array's storage (its elements start at {@code x.offset()}). */
    static Object arrayOf(NdArray x) {
        return ((CpuStorage) x.storage()).data;
    }

    /** The backing float[] of a float32 CPU array. */
    static float[] floatsOf(NdArray x) {
        return (float[]) arrayOf(x);
    }

    public float[] floats() {
        return (float[]) data;
    }

    public double[] doubles() {
        return (double[]) data;
    }

    public long[] longs() {
        return (long[]) data;
    }

    public boolean[] bools() {
        return (boolean[]) data;
    }
}
