package jtorch.io;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jtorch.tensor.CpuBackend;
import jtorch.tensor.CpuStorage;
import jtorch.tensor.NdArray;
import jtorch.tensor.Storage;

/**
 * The storages a save writes, keyed "0", "1", ... in first-use order. Tensors over one storage get one
 * key, so views stay views after loading (PyTorch does the same). A tensor on another device is copied to
 * the CPU once and gets a storage of its own.
 */
final class StorageTable {
    private final Map<Storage, String> keys = new IdentityHashMap<>();
    private final Map<NdArray, NdArray> copies = new IdentityHashMap<>();
    private final List<CpuStorage> order = new ArrayList<>();

    /** {@code nd} itself when it lives on the CPU, else its CPU copy (the same copy every time). */
    NdArray onCpu(NdArray nd) {
        if (nd.storage() instanceof CpuStorage) {
            return nd;
        }
        return copies.computeIfAbsent(nd, a -> a.toDevice(CpuBackend.INSTANCE));
    }

    /** The key of {@code nd}'s storage, assigning the next one on first use. */
    String key(NdArray nd) {
        return keys.computeIfAbsent(nd.storage(), s -> {
            order.add((CpuStorage) s);
            return String.valueOf(order.size() - 1);
        });
    }

    /** The storages in key order. */
    List<CpuStorage> storages() {
        return order;
    }
}
