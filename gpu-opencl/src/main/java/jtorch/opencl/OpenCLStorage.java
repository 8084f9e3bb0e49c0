package jtorch.opencl;

import java.lang.ref.Cleaner;
import jtorch.tensor.Backend;
import jtorch.tensor.DType;
import jtorch.tensor.Device;
import jtorch.tensor.Storage;

/**
 * A storage in one OpenCL buffer (cl_mem). Elements use the dtype's device size: float32 4 bytes,
 * float64 and int64 8, bool 1 (uchar). The buffer is released when this storage becomes unreachable
 * (through a {@link Cleaner}, so GC pressure on the host frees device memory) or on {@link #release()}.
 */
public final class OpenCLStorage extends Storage {
    private static final Cleaner CLEANER = Cleaner.create();

    private final OpenCLBackend backend;
    private final long mem;
    private final Cleaner.Cleanable cleanable;

    OpenCLStorage(OpenCLBackend backend, DType dtype, int size, long mem) {
        super(dtype, size);
        this.backend = backend;
        this.mem = mem;
        // The action must not capture this storage, only the handle and the bindings.
        OpenCL cl = backend.cl();
        this.cleanable = CLEANER.register(this, () -> cl.releaseMem(mem));
    }

    /** The cl_mem handle. */
    public long mem() {
        return mem;
    }

    /** Releases the device buffer now; the storage must not be used afterwards. Idempotent. */
    public void release() {
        cleanable.clean();
    }

    @Override
    public Device device() {
        return backend.device();
    }

    @Override
    public Backend backend() {
        return backend;
    }
}
