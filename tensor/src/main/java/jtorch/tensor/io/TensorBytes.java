package jtorch.tensor.io;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import jtorch.tensor.DType;

/**
 * Conversion between Java arrays and safetensors' little-endian element bytes. Floats keep their exact bits
 * (NaN payloads and -0.0 included); bool is one byte, 0 or 1.
 */
final class TensorBytes {
    /** Elements converted per chunk when writing, so a large tensor needs no second full-size buffer. */
    private static final int CHUNK_ELEMENTS = 1 << 16;

    private TensorBytes() {}

    /**
     * The elements in {@code bytes} (little-endian, exactly numel * itemSize of them) as a new array.
     *
     * @throws IOException naming the tensor when a bool byte is neither 0 nor 1
     */
    static Object decode(DType dtype, ByteBuffer bytes, int numel, String name) throws IOException {
        ByteBuffer le = bytes.order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case FLOAT32 -> {
                float[] out = new float[numel];
                le.asFloatBuffer().get(out);
                return out;
            }
            case FLOAT64 -> {
                double[] out = new double[numel];
                le.asDoubleBuffer().get(out);
                return out;
            }
            case INT64 -> {
                long[] out = new long[numel];
                le.asLongBuffer().get(out);
                return out;
            }
            case BOOL -> {
                boolean[] out = new boolean[numel];
                for (int i = 0; i < numel; i++) {
                    byte b = le.get(i);
                    // NOTE: strict, so that reading then writing a file reproduces its bytes
                    if (b != 0 && b != 1) {
                        throw new IOException("tensor '" + name + "' of dtype BOOL holds byte " + (b & 0xff)
                                + " at element " + i + "; expected 0 or 1");
                    }
                    out[i] = b == 1;
                }
                return out;
            }
        }
        throw new AssertionError(dtype);
    }

    /** Writes the elements of {@code array} (float[], double[], long[] or boolean[]) little-endian. */
    static void encode(Object array, WritableByteChannel out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK_ELEMENTS * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int length = Array.getLength(array);
        for (int start = 0; start < length; start += CHUNK_ELEMENTS) {
            int n = Math.min(length - start, CHUNK_ELEMENTS);
            buf.clear();
            int bytes = switch (array) {
                case float[] f -> {
                    buf.asFloatBuffer().put(f, start, n);
                    yield n * Float.BYTES;
                }
                case double[] d -> {
                    buf.asDoubleBuffer().put(d, start, n);
                    yield n * Double.BYTES;
                }
                case long[] l -> {
                    buf.asLongBuffer().put(l, start, n);
                    yield n * Long.BYTES;
                }
                case boolean[] b -> {
                    for (int i = 0; i < n; i++) {
                        buf.put(i, b[start + i] ? (byte) 1 : (byte) 0);
                    }
                    yield n;
                }
                default -> throw new IllegalArgumentException("unsupported array " + array.getClass().getSimpleName());
            };
            buf.limit(bytes);
            writeFully(out, buf);
        }
    }

    static void writeFully(WritableByteChannel out, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            out.write(buf);
        }
    }
}
