package jtorch.tensor.io;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;

/**
 * Reads and writes the safetensors format (the format of Hugging Face's {@code safetensors} library): an
 * 8-byte little-endian header length N, N bytes of UTF-8 JSON
 * {@code {"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}, ..., "__metadata__": {"k": "v"}}},
 * then the tensors' little-endian bytes, offsets counted from the start of that data section.
 *
 * <p>Supported dtypes: {@code F32}, {@code F64}, {@code I64}, {@code BOOL}. Files are untrusted input: any
 * malformation is a {@link SafetensorsFormatException} that names the file and the problem, and nothing
 * larger than the file itself is ever allocated.
 *
 * @see <a href="https://huggingface.co/docs/safetensors/index">safetensors</a>
 */
public final class SafetensorsFormat {
    /** Headers longer than this are rejected before anything is read (the reference reader caps at 100 MB too). */
    public static final long MAX_HEADER_BYTES = 100L * 1000 * 1000;

    private static final int LENGTH_BYTES = 8;

    private SafetensorsFormat() {}

    /**
     * The tensors of a safetensors file, in header order, as contiguous CPU arrays.
     *
     * @throws SafetensorsFormatException when the file is malformed or holds an unsupported dtype
     * @throws IOException when the file cannot be read
     */
    public static LinkedHashMap<String, NdArray> read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            SafetensorsHeader header = readHeader(file, ch, fileSize);
            // the validated tensors tile the data section, which ends the file
            long dataStart = fileSize - dataLength(header);
            LinkedHashMap<String, NdArray> out = new LinkedHashMap<>();
            for (TensorEntry t : header.tensors()) {
                Object array = readTensor(file, ch, dataStart, t);
                out.put(t.name(), NdArray.wrap(array, t.shape()));
            }
            return out;
        }
    }

    /**
     * The {@code __metadata__} string map of a safetensors file (empty if it has none). Reads only the header,
     * but validates it as {@link #read} does.
     */
    public static LinkedHashMap<String, String> readMetadata(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readHeader(file, ch, ch.size()).metadata();
        }
    }

    /**
     * Writes tensors (in map order, their data contiguous) and metadata to {@code file}, atomically: the bytes
     * go to a temporary file in the same directory, which then replaces {@code file} in one rename, so a
     * reader never sees a half-written file.
     *
     * @param tensors names to arrays of any layout and device (they are copied out row-major)
     * @param metadata string pairs stored as {@code __metadata__}; null or empty writes none
     * @throws IllegalArgumentException for a null name or array, or the reserved name {@code __metadata__}
     */
    public static void write(Map<String, NdArray> tensors, Map<String, String> metadata, Path file) throws IOException {
        List<TensorEntry> entries = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, NdArray> e : tensors.entrySet()) {
            String name = e.getKey();
            NdArray nd = e.getValue();
            if (name == null || nd == null) {
                throw new IllegalArgumentException("tensor names and arrays must not be null (name: " + name + ")");
            }
            if (SafetensorsHeader.METADATA_KEY.equals(name)) {
                throw new IllegalArgumentException("\"__metadata__\" is reserved and cannot name a tensor");
            }
            long bytes = (long) nd.numel() * nd.dtype().itemSize();
            entries.add(new TensorEntry(name, nd.dtype(), nd.shape(), offset, offset + bytes));
            offset += bytes;
        }
        LinkedHashMap<String, String> meta = new LinkedHashMap<>();
        if (metadata != null) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException("metadata keys and values must not be null (key: " + e.getKey() + ")");
                }
                meta.put(e.getKey(), e.getValue());
            }
        }
        byte[] header = new SafetensorsHeader(entries, meta).toBytes();

        Path target = file.toAbsolutePath();
        // NOTE: not Files.createTempFile, which makes the file owner-only (0600) on POSIX; CREATE_NEW with a
        // random name gives the usual umask permissions and still never clobbers another writer's file
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer length = ByteBuffer.allocate(LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                length.putLong(header.length);
                length.flip();
                TensorBytes.writeFully(ch, length);
                TensorBytes.writeFully(ch, ByteBuffer.wrap(header));
                testOnlyDelay();
                for (NdArray nd : tensors.values()) {
                    TensorBytes.encode(nd.toArray(), ch);
                }
                testOnlyDelay();
                ch.force(true);   // NOTE: the data must be on disk before the rename makes it visible
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Reads the length prefix and the header, and validates the header against the file's size. */
    private static SafetensorsHeader readHeader(Path file, FileChannel ch, long fileSize) throws IOException {
        if (fileSize < LENGTH_BYTES) {
            throw new SafetensorsFormatException(file, "the file has " + fileSize
                    + " bytes, too few for the 8-byte header length (truncated file?)");
        }
        ByteBuffer lengthBuf = ByteBuffer.allocate(LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, ch, 0, lengthBuf);
        long n = lengthBuf.getLong(0);
        // an unsigned 64-bit length: a negative long is beyond 2^63, far over the cap
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw new SafetensorsFormatException(file, "header length " + Long.toUnsignedString(n)
                    + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        }
        if (n > fileSize - LENGTH_BYTES) {
            throw new SafetensorsFormatException(file, "header length " + n + " exceeds the file size " + fileSize
                    + " (truncated file?)");
        }
        ByteBuffer headerBuf = ByteBuffer.allocate((int) n);
        readFully(file, ch, LENGTH_BYTES, headerBuf);
        headerBuf.flip();
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(headerBuf)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsFormatException(file, "the header is not valid UTF-8");
        }
        return SafetensorsHeader.parse(file, json, fileSize - LENGTH_BYTES - n);
    }

    /** The data section's length: validated headers tile it exactly, so it ends at the last tensor's end. */
    private static long dataLength(SafetensorsHeader header) {
        long end = 0;
        for (TensorEntry t : header.tensors()) {
            end = Math.max(end, t.end());
        }
        return end;
    }

    private static Object readTensor(Path file, FileChannel ch, long dataStart, TensorEntry t) throws IOException {
        long bytes = t.end() - t.begin();
        int numel = t.numel();
        jtorch.tensor.Storage.checkAllocation(t.dtype(), numel);
        if (bytes <= Integer.MAX_VALUE) {
            ByteBuffer buf = ByteBuffer.allocate((int) bytes);
            readFully(file, ch, dataStart + t.begin(), buf);
            buf.flip();
            return decode(file, t, buf, numel);
        }
        // NOTE: over 2 GiB: a ByteBuffer is int-indexed, so decode in slices into one array
        return readLargeTensor(file, ch, dataStart, t, numel);
    }

    private static Object readLargeTensor(Path file, FileChannel ch, long dataStart, TensorEntry t, int numel)
            throws IOException {
        int itemSize = t.dtype().itemSize();
        int sliceElements = (1 << 30) / itemSize;
        Object out = Array.newInstance(componentType(t.dtype()), numel);
        for (int start = 0; start < numel; start += sliceElements) {
            int n = Math.min(sliceElements, numel - start);
            ByteBuffer buf = ByteBuffer.allocate(n * itemSize);
            readFully(file, ch, dataStart + t.begin() + (long) start * itemSize, buf);
            buf.flip();
            Object slice = decode(file, t, buf, n);
            System.arraycopy(slice, 0, out, start, n);
        }
        return out;
    }

    private static Object decode(Path file, TensorEntry t, ByteBuffer buf, int numel) throws SafetensorsFormatException {
        try {
            return TensorBytes.decode(t.dtype(), buf, numel, t.name());
        } catch (IOException e) {
            throw new SafetensorsFormatException(file, e.getMessage());
        }
    }

    private static Class<?> componentType(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> float.class;
            case FLOAT64 -> double.class;
            case INT64 -> long.class;
            case BOOL -> boolean.class;
        };
    }

    /** Fills {@code buf} from {@code position}; a file that shrank under us is reported as truncated. */
    private static void readFully(Path file, FileChannel ch, long position, ByteBuffer buf) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new SafetensorsFormatException(file, "unexpected end of file at byte " + pos + " (truncated file?)");
            }
            pos += n;
        }
    }

    /**
     * NOTE: test-only. {@code -Djtorch.test.atomicWriteDelayMs=N} sleeps N ms after the header and again before
     * the rename, widening the window in which the crash-safety test's SIGKILL lands inside a checkpoint write.
     * Unset (the default) costs one property lookup per save.
     */
    private static void testOnlyDelay() {
        long ms = Long.getLong("jtorch.test.atomicWriteDelayMs", 0L);
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
