package jtorch.tensorboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test-only protobuf decoder: field number to the list of raw values (Long for varints/fixed, byte[] for length-delimited). */
final class ProtoReader {
    private ProtoReader() {}

    static Map<Integer, List<Object>> parse(byte[] b) {
        Map<Integer, List<Object>> out = new LinkedHashMap<>();
        int[] pos = {0};
        while (pos[0] < b.length) {
            long key = varint(b, pos);
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            Object value = switch (wire) {
                case 0 -> varint(b, pos);
                case 1 -> {
                    long v = ByteBuffer.wrap(b, pos[0], 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                    pos[0] += 8;
                    yield v;
                }
                case 5 -> {
                    long v = ByteBuffer.wrap(b, pos[0], 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                    pos[0] += 4;
                    yield v;
                }
                case 2 -> {
                    int len = (int) varint(b, pos);
                    byte[] v = java.util.Arrays.copyOfRange(b, pos[0], pos[0] + len);
                    if (v.length != len) {
                        throw new AssertionError("length past end");
                    }
                    pos[0] += len;
                    yield v;
                }
                default -> throw new AssertionError("wire type " + wire);
            };
            out.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    static long varint(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new AssertionError("varint too long");
    }

    static Map<Integer, List<Object>> message(Map<Integer, List<Object>> m, int field) {
        return parse((byte[]) m.get(field).get(0));
    }

    static double dbl(Map<Integer, List<Object>> m, int field) {
        return Double.longBitsToDouble((Long) m.get(field).get(0));
    }

    static float flt(Map<Integer, List<Object>> m, int field) {
        return Float.intBitsToFloat((int) (long) (Long) m.get(field).get(0));
    }

    static String str(Map<Integer, List<Object>> m, int field) {
        return new String((byte[]) m.get(field).get(0), StandardCharsets.UTF_8);
    }

    static double[] packedDoubles(Map<Integer, List<Object>> m, int field) {
        byte[] b = (byte[]) m.get(field).get(0);
        double[] out = new double[b.length / 8];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }
}
