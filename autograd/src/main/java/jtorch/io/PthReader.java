package jtorch.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.tensor.CpuStorage;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;

/**
 * Reads PyTorch's zip format ({@code torch.save} since 1.6): {@code NAME/data.pkl} (a pickle whose tensors
 * refer to storages by persistent id {@code ('storage', torch.FloatStorage, key, location, numel)}) and one
 * record {@code NAME/data/KEY} of little-endian bytes per storage. Tensors that share a storage in the
 * file share one {@link CpuStorage} after loading. Every location ({@code cpu}, {@code cuda:0}) loads to
 * the CPU.
 *
 * <p>The pickle's allow-list is PyTorch's {@code weights_only} set: {@code collections.OrderedDict},
 * {@code torch._utils._rebuild_tensor_v2}, {@code torch._utils._rebuild_parameter}, the
 * {@code torch.*Storage} types and {@code torch.Size}. A storage's declared size must equal its record's
 * size, and each tensor must lie inside its storage, before any storage is allocated.
 */
final class PthReader {
    /** The pickle is small (metadata only); a bigger one is not a checkpoint we wrote or PyTorch did. */
    private static final int MAX_PICKLE_BYTES = 1 << 30;

    private final Path file;
    private final ZipReader zip;
    private final String prefix;
    private final Map<String, CpuStorage> storages = new HashMap<>();

    private PthReader(Path file, ZipReader zip, String prefix) {
        this.file = file;
        this.zip = zip;
        this.prefix = prefix;
    }

    /** The object the archive's pickle describes (a {@code LinkedHashMap} of tensors for a state dict). */
    static Object read(Path file, ZipReader zip) throws IOException {
        String prefix = PthFormat.archivePrefix(file, zip);
        ZipRecord pkl = zip.record(prefix + "data.pkl");
        byte[] pickle = zip.readAll(pkl, MAX_PICKLE_BYTES);
        PthReader r = new PthReader(file, zip, prefix);
        return new Unpickler(pickle, r.globals(), r::persistentLoad).load();
    }

    private PickleGlobals globals() {
        PickleGlobals g = new PickleGlobals();
        g.allow("collections", "OrderedDict", (PyCallable) PthReader::orderedDict);
        g.allow("torch._utils", "_rebuild_tensor_v2", (PyCallable) this::rebuildTensor);
        g.allow("torch._utils", "_rebuild_parameter", (PyCallable) PthReader::rebuildParameter);
        g.allow("torch", "Size", (PyCallable) PthReader::size);
        for (DType t : DType.values()) {
            String name = TorchStorageType.nameOf(t);
            g.allow("torch", name, new TorchStorageType(name, t));
        }
        for (String name : TorchStorageType.UNSUPPORTED) {
            g.allow("torch", name, new TorchStorageType(name, null));
        }
        return g;
    }

    // ---------------------------------------------------------------- handlers

    private static Object orderedDict(PyTuple args) throws UnpicklingException {
        LinkedHashMap<Object, Object> d = new LinkedHashMap<>();
        if (args.isEmpty()) {
            return d;
        }
        if (args.size() == 1 && args.get(0) instanceof List<?> pairs) {
            for (Object p : pairs) {
                if (!(p instanceof List<?> kv) || kv.size() != 2 || !(kv.get(0) instanceof String)) {
                    throw new UnpicklingException("OrderedDict expects (key, value) pairs with str keys");
                }
                d.put(kv.get(0), kv.get(1));
            }
            return d;
        }
        throw new UnpicklingException("OrderedDict expects () or a list of pairs, got " + args.size() + " arguments");
    }

    private static Object size(PyTuple args) throws UnpicklingException {
        if (args.size() != 1 || !(args.get(0) instanceof PyTuple dims)) {
            throw new UnpicklingException("torch.Size expects one tuple");
        }
        return dims;
    }

    /** {@code _rebuild_parameter(data, requires_grad, backward_hooks)}: the tensor, with its grad flag. */
    private static Object rebuildParameter(PyTuple args) throws UnpicklingException {
        if (args.size() != 3 || !(args.get(0) instanceof Tensor t) || !(args.get(1) instanceof Boolean grad)) {
            throw new UnpicklingException("_rebuild_parameter expects (tensor, requires_grad, hooks)");
        }
        if (grad && t.dtype().isFloatingPoint()) {
            t.requiresGrad(true);
        }
        return t;
    }

    /** {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])}. */
    private Object rebuildTensor(PyTuple args) throws UnpicklingException {
        if (args.size() < 6 || args.size() > 7 || !(args.get(0) instanceof CpuStorage storage)
                || !(args.get(2) instanceof PyTuple sizeTuple) || !(args.get(3) instanceof PyTuple strideTuple)
                || !(args.get(4) instanceof Boolean grad)) {
            throw new UnpicklingException("_rebuild_tensor_v2 expects (storage, offset, size, stride, requires_grad, hooks)");
        }
        int offset = toInt(args.get(1), "storage offset");
        int[] shape = ints(sizeTuple, "size");
        int[] strides = ints(strideTuple, "stride");
        if (shape.length != strides.length) {
            throw new UnpicklingException("tensor size " + sizeTuple + " and stride " + strideTuple + " differ in rank");
        }
        long numel = 1;
        for (int d : shape) {
            numel = Math.min(numel * d, Long.MAX_VALUE / 4);
        }
        if (numel > Integer.MAX_VALUE - 16) {
            throw new UnpicklingException("tensor of size " + sizeTuple + " has more elements than jtorch supports");
        }
        NdArray nd;
        try {
            nd = new NdArray(storage, shape, strides, offset);
        } catch (IllegalArgumentException e) {
            throw new UnpicklingException("tensor of size " + sizeTuple + ", stride " + strideTuple + " and offset "
                    + offset + " extends past its storage of " + storage.size() + " elements");
        }
        Tensor t = new Tensor(nd);
        if (grad && t.dtype().isFloatingPoint()) {
            t.requiresGrad(true);
        }
        return t;
    }

    private static int[] ints(PyTuple t, String what) throws UnpicklingException {
        int[] out = new int[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt(t.get(i), what);
        }
        return out;
    }

    private static int toInt(Object v, String what) throws UnpicklingException {
        if (!(v instanceof Long l) || l < 0 || l > Integer.MAX_VALUE - 16) {
            throw new UnpicklingException("invalid tensor " + what + ": " + v);
        }
        return (int) (long) l;
    }

    // ---------------------------------------------------------------- storages

    /** {@code ('storage', storage_type, key, location, numel)}: loads (once per key) the record's elements. */
    private Object persistentLoad(Object pid) throws UnpicklingException {
        if (!(pid instanceof PyTuple t) || t.size() != 5 || !"storage".equals(t.get(0))
                || !(t.get(1) instanceof TorchStorageType type) || !(t.get(2) instanceof String key)
                || !(t.get(3) instanceof String) || !(t.get(4) instanceof Long numel)) {
            throw new UnpicklingException("unsupported persistent id " + (pid instanceof PyTuple ? "tuple" : Unpickler.typeName(pid))
                    + "; expected ('storage', type, key, location, numel)");
        }
        if (type.dtype() == null) {
            throw new UnpicklingException("torch." + type.name() + " is not supported: jtorch holds float32, float64, int64 and bool");
        }
        CpuStorage cached = storages.get(key);
        if (cached != null) {
            if (cached.dtype() != type.dtype() || cached.size() != numel) {
                throw new UnpicklingException("storage " + key + " is declared twice with different types or sizes");
            }
            return cached;
        }
        try {
            CpuStorage s = loadStorage(key, type.dtype(), numel);
            storages.put(key, s);
            return s;
        } catch (UnpicklingException e) {
            throw e;
        } catch (IOException e) {
            throw new UnpicklingException(e.getMessage());
        }
    }

    private CpuStorage loadStorage(String key, DType dtype, long numel) throws IOException {
        String name = prefix + "data/" + key;
        ZipRecord r = zip.record(name);
        if (r == null) {
            throw new PthFormatException("invalid .pth file " + file + ": storage record " + name + " is missing");
        }
        // NOTE: checked before allocating: PyTorch 1.13 itself accepts a 10^15-element storage over 16 bytes
        if (numel < 0 || numel > (Integer.MAX_VALUE - 16) || numel * dtype.itemSize() != r.size()) {
            throw new PthFormatException("invalid .pth file " + file + ": storage " + key + " declares " + numel
                    + " elements of " + dtype + " (" + numel * dtype.itemSize() + " bytes), but its record holds "
                    + r.size() + " bytes");
        }
        try (InputStream in = zip.open(r)) {
            Object array = StorageBytes.decode(dtype, (int) numel, in, "storage record " + name);
            if (in.read() >= 0) {
                throw new PthFormatException("invalid .pth file " + file + ": storage record " + name + " is too long");
            }
            return CpuStorage.wrap(array);
        }
    }
}
