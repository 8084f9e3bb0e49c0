package jtorch.tensor;

/**
 * A flat buffer of elements of one dtype on one device. Several {@link NdArray} views may share one
 * storage (PyTorch's storage sharing: {@code view}, {@code t()}, slices).
 */
public abstract class Storage {
    private final DType dtype;
    private final int size;

    protected Storage(DType dtype, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("Storage size must be non-negative, but got " + size);
        }
        this.dtype = dtype;
        this.size = size;
    }

    public final DType dtype() {
        return dtype;
    }

    /** Number of elements. */
    public final int size() {
        return size;
    }

    public abstract Device device();

    /** The backend that owns this storage and runs ops on it. */
    public abstract Backend backend();
}
