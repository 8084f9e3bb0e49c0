package jtorch.tensor.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.tensor.DType;

/**
 * The JSON header of a safetensors file: parsing with full validation against the data section, and
 * writing.
 *
 * <p>NOTE: every check here exists so that a hostile or damaged file yields a {@link SafetensorsFormatException}
 * saying what is wrong, before anything is allocated for tensor data: after {@link #parse} succeeds the
 * tensors tile the data section exactly, so reading them allocates no more than the file's length.
 */
record SafetensorsHeader(List<TensorEntry> tensors, LinkedHashMap<String, String> metadata) {
    static final String METADATA_KEY = "__metadata__";

    /** Largest element count we accept: the largest Java array the JVMs we run on allocate. */
    static final long MAX_NUMEL = Integer.MAX_VALUE - 16;

    /**
     * Parses and validates the header JSON.
     *
     * @param file used in error messages only
     * @param json the header text (UTF-8 decoded, trailing space padding allowed)
     * @param dataLength bytes in the data section, which the tensors must tile exactly
     */
    static SafetensorsHeader parse(Path file, String json, long dataLength) throws SafetensorsFormatException {
        Object root;
        try {
            root = Json.parse(json);
        } catch (IOException e) {
            throw new SafetensorsFormatException(file, "malformed JSON header: " + e.getMessage());
        }
        if (!(root instanceof LinkedHashMap<?, ?> map)) {
            throw new SafetensorsFormatException(file, "the header is not a JSON object");
        }
        List<TensorEntry> tensors = new ArrayList<>();
        LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            if (METADATA_KEY.equals(name)) {
                metadata = parseMetadata(file, e.getValue());
            } else {
                tensors.add(parseEntry(file, name, e.getValue(), dataLength));
            }
        }
        checkTiling(file, tensors, dataLength);
        return new SafetensorsHeader(tensors, metadata);
    }

    /**
     * The header as written to a file: JSON with the tensors in list order and {@code __metadata__} last
     * (omitted when empty), padded with spaces to a multiple of 8 bytes, as the reference writer does, so
     * that the data section starts 8-byte aligned.
     */
    byte[] toBytes() {
        StringBuilder sb = new StringBuilder("{");
        for (TensorEntry t : tensors) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(Json.quote(t.name())).append(":{\"dtype\":");
            sb.append(Json.quote(t.dtype().safetensorsName()));
            sb.append(",\"shape\":[");
            for (int i = 0; i < t.shape().length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(t.shape()[i]);
            }
            sb.append("],\"data_offsets\":[").append(t.begin()).append(',').append(t.end()).append("]}");
        }
        if (!metadata.isEmpty()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(Json.quote(METADATA_KEY)).append(":{");
            boolean first = true;
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
            }
            sb.append('}');
        }
        sb.append('}');
        byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    private static LinkedHashMap<String, String> parseMetadata(Path file, Object value) throws SafetensorsFormatException {
        if (!(value instanceof LinkedHashMap<?, ?> map)) {
            throw new SafetensorsFormatException(file, "\"__metadata__\" is not a JSON object");
        }
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new SafetensorsFormatException(file, "\"__metadata__\" value of key " + Json.quote((String) e.getKey())
                        + " is not a string");
            }
            out.put((String) e.getKey(), s);
        }
        return out;
    }

    private static TensorEntry parseEntry(Path file, String name, Object value, long dataLength)
            throws SafetensorsFormatException {
        String what = "tensor '" + name + "'";
        if (!(value instanceof LinkedHashMap<?, ?> fields)) {
            throw new SafetensorsFormatException(file, what + " is not a JSON object with dtype, shape and data_offsets");
        }
        // NOTE: unknown fields are ignored, as the reference implementation (serde, no deny_unknown_fields) does
        DType dtype = parseDtype(file, what, fields.get("dtype"));
        int[] shape = parseShape(file, what, fields.get("shape"));
        long[] offsets = parseOffsets(file, what, fields.get("data_offsets"));
        long numel = numel(file, what, shape);
        long needed = numel * dtype.itemSize();   // no overflow: numel <= MAX_NUMEL, itemSize <= 8
        String range = "data_offsets [" + offsets[0] + ", " + offsets[1] + "]";
        if (offsets[1] < offsets[0]) {
            throw new SafetensorsFormatException(file, what + " has " + range + " out of order: the end is before the begin");
        }
        if (offsets[1] - offsets[0] != needed) {
            throw new SafetensorsFormatException(file, what + " of dtype " + dtype.safetensorsName() + " and shape "
                    + Arrays.toString(shape) + " needs " + needed + " bytes but its " + range + " span "
                    + (offsets[1] - offsets[0]));
        }
        if (offsets[1] > dataLength) {
            throw new SafetensorsFormatException(file, what + " has " + range + " past the end of the file: the data"
                    + " section has only " + dataLength + " bytes (truncated file?)");
        }
        return new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static DType parseDtype(Path file, String what, Object value) throws SafetensorsFormatException {
        if (value == null) {
            throw new SafetensorsFormatException(file, what + " has no \"dtype\"");
        }
        if (!(value instanceof String name)) {
            throw new SafetensorsFormatException(file, what + " has a \"dtype\" that is not a string");
        }
        DType dtype = DType.fromSafetensorsName(name);
        if (dtype == null) {
            throw new SafetensorsFormatException(file, what + " has dtype " + name
                    + ", which jtorch does not support (F32, F64, I64, BOOL)");
        }
        return dtype;
    }

    private static int[] parseShape(Path file, String what, Object value) throws SafetensorsFormatException {
        if (value == null) {
            throw new SafetensorsFormatException(file, what + " has no \"shape\"");
        }
        if (!(value instanceof List<?> dims)) {
            throw new SafetensorsFormatException(file, what + " has a \"shape\" that is not a JSON array");
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            long d = nonNegativeInteger(file, what, "shape", dims.get(i));
            if (d > Integer.MAX_VALUE) {
                throw new SafetensorsFormatException(file, what + " has dimension " + d + " in its shape, larger"
                        + " than jtorch supports (" + Integer.MAX_VALUE + ")");
            }
            shape[i] = (int) d;
        }
        return shape;
    }

    private static long[] parseOffsets(Path file, String what, Object value) throws SafetensorsFormatException {
        if (value == null) {
            throw new SafetensorsFormatException(file, what + " has no \"data_offsets\"");
        }
        if (!(value instanceof List<?> list) || list.size() != 2) {
            throw new SafetensorsFormatException(file, what + " has \"data_offsets\" that are not a [begin, end] pair");
        }
        long begin = nonNegativeInteger(file, what, "data_offsets", list.get(0));
        long end = nonNegativeInteger(file, what, "data_offsets", list.get(1));
        return new long[] {begin, end};
    }

    /** A JSON number that is a non-negative integer fitting in a long, else a clear error. */
    private static long nonNegativeInteger(Path file, String what, String field, Object value)
            throws SafetensorsFormatException {
        if (!(value instanceof Json.Num num)) {
            throw new SafetensorsFormatException(file, what + " has a non-numeric entry " + value + " in \"" + field + "\"");
        }
        String text = num.text();
        if (text.startsWith("-")) {
            throw new SafetensorsFormatException(file, what + " has a negative entry " + text + " in \"" + field + "\"");
        }
        long v = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new SafetensorsFormatException(file, what + " has a non-integer entry " + text + " in \"" + field + "\"");
            }
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
                throw new SafetensorsFormatException(file, what + " has an entry " + text + " in \"" + field
                        + "\" that is too large");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The element count, rejecting shapes whose product overflows or exceeds one Java array. */
    private static long numel(Path file, String what, int[] shape) throws SafetensorsFormatException {
        long n = 1;
        for (int d : shape) {
            if (d == 0) {
                return 0;
            }
        }
        for (int d : shape) {
            // NOTE: each factor is < 2^31 and n <= MAX_NUMEL < 2^31 before it, so n * d cannot overflow a long
            n *= d;
            if (n > MAX_NUMEL) {
                throw new SafetensorsFormatException(file, what + " of shape " + Arrays.toString(shape)
                        + " has more elements than jtorch can hold in one tensor (" + MAX_NUMEL + ")");
            }
        }
        return n;
    }

    /**
     * The spec requires the tensors to cover the data section exactly: no gap, no overlap, nothing after.
     * The header may list them in any order (the reference reader sorts by offset too).
     */
    private static void checkTiling(Path file, List<TensorEntry> tensors, long dataLength) throws SafetensorsFormatException {
        List<TensorEntry> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long expected = 0;
        TensorEntry previous = null;
        for (TensorEntry t : sorted) {
            if (t.begin() < expected) {
                throw new SafetensorsFormatException(file, "the data of tensors " + describe(previous) + " and "
                        + describe(t) + " overlap");
            }
            if (t.begin() > expected) {
                String after = previous == null ? "the start of the data section" : "tensor " + describe(previous);
                throw new SafetensorsFormatException(file, "gap of " + (t.begin() - expected) + " bytes between "
                        + after + " and tensor " + describe(t) + "; the spec requires contiguous data");
            }
            expected = t.end();
            previous = t;
        }
        if (expected != dataLength) {
            throw new SafetensorsFormatException(file, "the data section has " + dataLength + " bytes but the tensors"
                    + " cover only " + expected + "; " + (dataLength - expected) + " trailing bytes");
        }
    }

    private static String describe(TensorEntry t) {
        return "'" + t.name() + "' [" + t.begin() + ", " + t.end() + "]";
    }
}
