package jtorch.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jtorch.tensor.DType;

/** Little-endian element bytes to and from Java arrays, in chunks so a big storage needs no second full-size buffer. */
final class StorageBytes {
    private static final int CHUNK_BYTES = 1 << 16;

    private StorageBytes() {}

    /** Reads exactly {@code numel} elements of {@code dtype}; a bool byte must be 0 or 1. */
    static Object decode(DType dtype, int numel, InputStream in, String what) throws IOException {
        jtorch.tensor.Storage.checkAllocation(dtype, numel);
        Object out = switch (dtype) {
            case FLOAT32 -> new float[numel];
            case FLOAT64 -> new double[numel];
            case INT64 -> new long[numel];
            case BOOL -> new boolean[numel];
        };
        int item = dtype.itemSize();
        int perChunk = CHUNK_BYTES / item;
        byte[] chunk = new byte[perChunk * item];
        for (int start = 0; start < numel; start += perChunk) {
            int n = Math.min(perChunk, numel - start);
            if (in.readNBytes(chunk, 0, n * item) != n * item) {
                throw new PthFormatException(what + " ends before its " + numel + " elements");
            }
            ByteBuffer b = ByteBuffer.wrap(chunk, 0, n * item).order(ByteOrder.LITTLE_ENDIAN);
            switch (out) {
                case float[] f -> b.asFloatBuffer().get(f, start, n);
                case double[] d -> b.asDoubleBuffer().get(d, start, n);
                case long[] l -> b.asLongBuffer().get(l, start, n);
                case boolean[] z -> decodeBools(chunk, z, start, n, what);
                default -> throw new AssertionError(dtype);
            }
        }
        return out;
    }

    private static void decodeBools(byte[] chunk, boolean[] z, int start, int n, String what) throws PthFormatException {
        for (int i = 0; i < n; i++) {
            if (chunk[i] != 0 && chunk[i] != 1) {
                throw new PthFormatException(what + " holds bool byte " + (chunk[i] & 0xff) + "; expected 0 or 1");
            }
            z[start + i] = chunk[i] == 1;
        }
    }

    /** Writes {@code array} (float[], double[], long[] or boolean[]) little-endian. */
    static void encode(Object array, int length, OutputStream out) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer b = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK_BYTES / 8;
        for (int start = 0; start < length; start += perChunk) {
            int n = Math.min(perChunk, length - start);
            int bytes = switch (array) {
                case float[] f -> {
                    b.asFloatBuffer().put(f, start, n);
                    yield n * 4;
                }
                case double[] d -> {
                    b.asDoubleBuffer().put(d, start, n);
                    yield n * 8;
                }
                case long[] l -> {
                    b.asLongBuffer().put(l, start, n);
                    yield n * 8;
                }
                case boolean[] z -> {
                    for (int i = 0; i < n; i++) {
                        chunk[i] = z[start + i] ? (byte) 1 : (byte) 0;
                    }
                    yield n;
                }
                default -> throw new IllegalArgumentException("unsupported array " + array.getClass().getSimpleName());
            };
            out.write(chunk, 0, bytes);
        }
    }
}
