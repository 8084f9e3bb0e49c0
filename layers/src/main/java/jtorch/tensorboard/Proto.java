package jtorch.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A protobuf message encoder: just the wire types TensorBoard's messages use (varint, 64-bit, 32-bit,
 * length-delimited). Fields are written in the order the calls are made; proto3 readers accept any order.
 */
final class Proto {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long value) {
        tag(field, VARINT);
        rawVarint(value);
        return this;
    }

    Proto doubleField(int field, double value) {
        tag(field, FIXED64);
        rawFixed64(Double.doubleToRawLongBits(value));
        return this;
    }

    Proto floatField(int field, float value) {
        tag(field, FIXED32);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    Proto bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    Proto string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto value) {
        return bytes(field, value.toByteArray());
    }

    /** A packed repeated double field (proto3's default encoding for repeated scalars). */
    Proto packedDoubles(int field, double[] values) {
        Proto body = new Proto();
        for (double v : values) {
            body.rawFixed64(Double.doubleToRawLongBits(v));
        }
        return bytes(field, body.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long value) {
        long v = value;
        // NOTE: negative int64 values take 10 bytes (two's complement), as protobuf encodes them
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void rawFixed64(long bits) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (bits >>> (8 * i)));
        }
    }
}
