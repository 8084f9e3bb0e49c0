package jtorch.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import jtorch.tensor.CpuStorage;

/**
 * PyTorch's {@code .pth} zip format, as {@code torch.save} writes it (since PyTorch 1.6):
 * <pre>
 * archive/data.pkl      pickle, protocol 2: the object, tensors as _rebuild_tensor_v2(...) calls
 * archive/byteorder     "little"
 * archive/data/0        storage 0: its elements, little-endian, no header
 * archive/data/1        ...
 * archive/version       "3\n"
 * </pre>
 * Records are stored uncompressed, each starting at a multiple of 64 bytes (PyTorch's alignment, kept so
 * {@code torch.load(..., mmap=True)} works). The reader accepts any single top-level directory name
 * ({@code torch.save} in 1.13 names it after the file) and ignores records it does not know.
 *
 * @see <a href="https://pytorch.org/docs/stable/notes/serialization.html">PyTorch serialization semantics</a>
 */
public final class PthFormat {
    /** The top-level directory of archives we write. */
    public static final String ARCHIVE = "archive";

    private static final int MAX_RECORD_BYTES = Integer.MAX_VALUE - 16;

    private PthFormat() {}

    /**
     * The object in a {@code .pth} file: a {@code LinkedHashMap} (PyTorch's {@code OrderedDict} or dict) for a
     * state dict, a {@code Tensor} for a saved tensor, or lists/tuples/plain values as pickled.
     *
     * @throws IOException a {@link ZipFormatException}, {@link UnpicklingException} or {@link PthFormatException}
     *     when the file is malformed
     */
    public static Object read(Path file) throws IOException {
        try (ZipReader zip = ZipReader.open(file)) {
            return PthReader.read(file, zip);
        }
    }

    /** Writes {@code value} (a map of tensors, a tensor, or plain data holding tensors) atomically. */
    public static void write(Object value, Path file) throws IOException {
        write(value, file, Map.of());
    }

    /**
     * Writes {@code value} and extra records ({@code archive/NAME}, e.g. {@code jtorch_module.json}) atomically.
     * PyTorch's reader ignores records it does not know.
     */
    public static void write(Object value, Path file, Map<String, byte[]> extraRecords) throws IOException {
        StorageTable storages = new StorageTable();
        byte[] pickle = new Pickler(storages).dump(value);
        String p = ARCHIVE + "/";
        AtomicFiles.write(file, ch -> {
            ZipWriter zip = new ZipWriter(ch);
            zip.add(p + "data.pkl", pickle.length, out -> out.write(pickle));
            zip.add(p + "byteorder", 6, out -> out.write("little".getBytes(StandardCharsets.US_ASCII)));
            for (Map.Entry<String, byte[]> e : extraRecords.entrySet()) {
                byte[] b = e.getValue();
                zip.add(p + e.getKey(), b.length, out -> out.write(b));
            }
            int key = 0;
            for (CpuStorage s : storages.storages()) {
                long bytes = (long) s.size() * s.dtype().itemSize();
                zip.add(p + "data/" + key, bytes, out -> StorageBytes.encode(s.array(), s.size(), out));
                key++;
            }
            zip.add(p + "version", 2, out -> out.write("3\n".getBytes(StandardCharsets.US_ASCII)));
            zip.finish();
        });
    }

    /** The record names of an archive without the top-level directory ({@code data.pkl}, {@code data/0}, ...). */
    public static Set<String> recordNames(Path file) throws IOException {
        try (ZipReader zip = ZipReader.open(file)) {
            String prefix = archivePrefix(file, zip);
            Set<String> names = new LinkedHashSet<>();
            for (ZipRecord r : zip.records()) {
                if (r.name().startsWith(prefix)) {
                    names.add(r.name().substring(prefix.length()));
                }
            }
            return names;
        }
    }

    /** The bytes of record {@code name} (without the top-level directory), or null when absent. */
    public static byte[] readRecord(Path file, String name, int maxBytes) throws IOException {
        try (ZipReader zip = ZipReader.open(file)) {
            ZipRecord r = zip.record(archivePrefix(file, zip) + name);
            return r == null ? null : zip.readAll(r, Math.min(maxBytes, MAX_RECORD_BYTES));
        }
    }

    /** {@code NAME/} of the one {@code NAME/data.pkl} record. */
    static String archivePrefix(Path file, ZipReader zip) throws PthFormatException {
        Map<String, String> found = new LinkedHashMap<>();
        for (ZipRecord r : zip.records()) {
            String n = r.name();
            int slash = n.indexOf('/');
            if (slash > 0 && n.endsWith("/data.pkl") && n.length() == slash + "/data.pkl".length()) {
                found.put(n, n.substring(0, slash + 1));
            }
        }
        if (found.size() != 1) {
            throw new PthFormatException("invalid .pth file " + file + ": expected one NAME/data.pkl record, found "
                    + found.size());
        }
        return found.values().iterator().next();
    }
}
