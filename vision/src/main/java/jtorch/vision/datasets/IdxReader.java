package jtorch.vision.datasets;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * Reads the big-endian IDX files MNIST-style datasets ship ({@code train-images-idx3-ubyte[.gz]}): a
 * magic number {@code 0x00000803} (unsigned bytes, 3 dimensions) for images or {@code 0x00000801} (1
 * dimension) for labels, the dimension sizes, then the bytes. Gzipped files are read as they are.
 *
 * <p>Defensive: the declared sizes must match the bytes that follow exactly, and buffers grow only as
 * data arrives, so a lying header cannot make us allocate more than the file holds.
 */
final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    /** 60,000 images of 28 x 28 is 47 MB; allow far larger, but bounded. */
    private static final long MAX_BYTES = 1L << 30;

    private IdxReader() {}

    /** A decoded IDX file: dimension sizes and the payload bytes. */
    record Idx(int[] dims, byte[] data) {}

    /**
     * @param expectedMagic {@link #IMAGES_MAGIC} or {@link #LABELS_MAGIC}
     * @throws DatasetFormatException naming the file when it is not IDX, of the wrong kind, truncated or corrupt gzip
     * @throws IOException when it is missing or cannot be read
     */
    static Idx read(Path file, int expectedMagic) throws IOException {
        try (InputStream in = DatasetFiles.open(file)) {
            return read(in, expectedMagic, file.toString());
        }
    }

    static Idx read(InputStream in, int expectedMagic, String what) throws IOException {
        try {
            return readUnchecked(in, expectedMagic, what);
        } catch (ZipException | EOFException e) {
            // a gzipped file whose deflate stream or trailer is corrupt, or that ends early
            throw new DatasetFormatException(what + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static Idx readUnchecked(InputStream in, int expectedMagic, String what) throws IOException {
        int magic = readInt(in, what, "magic number");
        if (magic != expectedMagic) {
            throw new DatasetFormatException(what + String.format(": magic number 0x%08x, expected 0x%08x (%s)", magic, expectedMagic,
                    expectedMagic == IMAGES_MAGIC ? "an images file" : "a labels file"));
        }
        int rank = magic & 0xff;
        int[] dims = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = readInt(in, what, "dimension " + i);
            if (dims[i] < 0) {
                throw new DatasetFormatException(what + ": negative dimension " + dims[i]);
            }
            expected *= dims[i];
            if (expected > MAX_BYTES) {
                throw new DatasetFormatException(what + ": declared size of " + expected + "+ bytes is implausible");
            }
        }
        byte[] data = DatasetFiles.readBounded(in, expected, what);
        if (data.length != expected) {
            throw new DatasetFormatException(what + ": truncated: the header declares " + expected + " data bytes, the file holds " + data.length);
        }
        return new Idx(dims, data);
    }

    private static int readInt(InputStream in, String what, String field) throws IOException {
        byte[] b = in.readNBytes(4);
        if (b.length != 4) {
            throw new DatasetFormatException(what + ": truncated header (no " + field + ")");
        }
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }
}
