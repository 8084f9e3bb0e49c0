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

    /**
     * Refuses an allocation of {@code numel} elements of {@code dtype} when it exceeds the cap set by the system
     * property {@code jtorch.maxAllocBytes} (bytes; unset or {@code <= 0}: no cap beyond the JVM heap). Every
     * storage allocation and every file reader calls this before it allocates, so a corrupt or hostile size
     * fails with a message instead of an {@code OutOfMemoryError}. The property is read on each call (cheap next
     * to an allocation), so a test or a server can change it at run time.
     *
     * @throws AllocationLimitException (an {@code IllegalStateException}) when the allocation is over the cap (PyTorch's allocator wording)
     */
    public static void checkAllocation(DType dtype, long numel) {
        long cap = Long.getLong("jtorch.maxAllocBytes", 0L);
        if (cap > 0 && numel > 0) {
            long bytes = numel > Long.MAX_VALUE / dtype.itemSize() ? Long.MAX_VALUE : numel * dtype.itemSize();
            if (bytes > cap) {
                throw new AllocationLimitException("DefaultCPUAllocator: not enough memory: you tried to allocate "
                        + bytes + " bytes (" + numel + " " + dtype.torchName() + " elements), over the cap of " + cap
                        + " bytes set by -Djtorch.maxAllocBytes");
            }
        }
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
