package jtorch.tensor.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading and writing safetensors: the reference op fixtures, round trips, and well-formedness checks. */
class SafetensorsFormatTest {
    /**
     * One header entry as the reference writer lays it out (compact JSON). Used to check our parser against
     * the raw header text without going through it.
     */
    private static final Pattern ENTRY = Pattern.compile(
            "\"([^\"]+)\":\\{\"dtype\":\"(\\w+)\",\"shape\":\\[([0-9,]*)\\],\"data_offsets\":\\[(\\d+),(\\d+)\\]\\}");

    @TempDir
    Path tmp;

    static List<Path> opsFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(SafetensorsFormatTest.class.getResource("/reference/ops").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".safetensors")).sorted().toList();
            assertThat(list).as("reference op files in " + dir).hasSizeGreaterThanOrEqualTo(121);
            return list;
        }
    }

    // ---------------------------------------------------------------- reference files

    @ParameterizedTest
    @MethodSource("opsFiles")
    void readsReferenceFileAsItsHeaderDescribes(Path file) throws IOException {
        LinkedHashMap<String, NdArray> tensors = SafetensorsFormat.read(file);

        List<String> names = new ArrayList<>();
        Matcher m = ENTRY.matcher(rawHeader(file));
        while (m.find()) {
            String name = m.group(1);
            names.add(name);
            NdArray nd = tensors.get(name);
            assertThat(nd).as(name).isNotNull();
            assertThat(nd.dtype().safetensorsName()).as(name + " dtype").isEqualTo(m.group(2));
            assertThat(nd.shape()).as(name + " shape").isEqualTo(parseDims(m.group(3)));
            long bytes = Long.parseLong(m.group(5)) - Long.parseLong(m.group(4));
            assertThat((long) nd.numel() * nd.dtype().itemSize()).as(name + " bytes").isEqualTo(bytes);
        }
        assertThat(tensors.keySet()).containsExactlyElementsOf(names);
    }

    @ParameterizedTest
    @MethodSource("opsFiles")
    void roundTripReproducesReferenceFileByteForByte(Path file) throws IOException {
        LinkedHashMap<String, NdArray> tensors = SafetensorsFormat.read(file);
        LinkedHashMap<String, String> metadata = SafetensorsFormat.readMetadata(file);
        Path copy = tmp.resolve(file.getFileName());

        SafetensorsFormat.write(tensors, metadata, copy);

        // our writer lays out the header as the reference writer does, so the whole file must match
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(file));
        LinkedHashMap<String, NdArray> back = SafetensorsFormat.read(copy);
        assertSameTensors(back, tensors);
        assertThat(SafetensorsFormat.readMetadata(copy)).containsExactlyEntriesOf(metadata);
    }

    @Test
    void metadataOfKnownFile() throws IOException {
        LinkedHashMap<String, String> meta = SafetensorsFormat.readMetadata(ops("lr_StepLR-0"));
        assertThat(meta).containsExactly(
                Map.entry("op", "lr_scheduler"),
                Map.entry("scheduler", "StepLR"),
                Map.entry("lr", "0.1"),
                Map.entry("step_size", "5"),
                Map.entry("gamma", "0.5"));
    }

    /**
     * Values cross-checked against numbers obtained independently: python3's struct module on the raw bytes
     * ({@code struct.unpack('<8I', data[0:32])} etc., with the offsets read by {@code json.loads} from the header).
     */
    @Test
    void valuesMatchIndependentDecoding() throws IOException {
        LinkedHashMap<String, NdArray> t = SafetensorsFormat.read(ops("nll_loss-none"));
        assertThat(t.keySet()).containsExactly("input", "target", "out", "grad_out", "grad_input");
        int[] inputBits = {0xbf8adb51, 0xc01e59dc, 0xc0049c66, 0xc01acace, 0xc0115ff5, 0xc025ea16, 0xbfffcb20, 0xc040a5e9};
        float[] input = (float[]) t.get("input").toArray();
        assertThat(t.get("input").shape()).containsExactly(1, 8);
        for (int i = 0; i < inputBits.length; i++) {
            assertThat(Float.floatToRawIntBits(input[i])).as("input[%d]", i).isEqualTo(inputBits[i]);
        }
        assertThat(input[0]).isEqualTo(-1.0848180055618286f);
        assertThat(t.get("target").dtype()).isEqualTo(DType.INT64);
        assertThat((long[]) t.get("target").toArray()).containsExactly(1L);
        assertThat(Float.floatToRawIntBits(((float[]) t.get("out").toArray())[0])).isEqualTo(0x401e59dc);
        float[] gradInput = (float[]) t.get("grad_input").toArray();
        assertThat(Float.floatToRawIntBits(gradInput[1])).isEqualTo(0xbd5a29fe);
        assertThat(gradInput[0]).isEqualTo(0f);

        double[] lrs = (double[]) SafetensorsFormat.read(ops("lr_StepLR-0")).get("lrs").toArray();
        assertThat(lrs).hasSize(20);
        assertThat(Double.doubleToRawLongBits(lrs[0])).isEqualTo(0x3fb999999999999aL);   // 0.1
        assertThat(Double.doubleToRawLongBits(lrs[4])).isEqualTo(0x3fa999999999999aL);   // 0.05
        assertThat(Double.doubleToRawLongBits(lrs[19])).isEqualTo(0x3f7999999999999aL);  // 0.00625
    }

    // ---------------------------------------------------------------- writing

    @Test
    void roundTripsEveryDtypeEmptyTensorsViewsAndMetadata() throws IOException {
        LinkedHashMap<String, NdArray> tensors = new LinkedHashMap<>();
        tensors.put("z", NdArray.wrap(new float[] {1.5f, -0f, Float.NaN, Float.intBitsToFloat(0x7fc01234), 3e-42f, 7f}, 2, 3));
        tensors.put("a", NdArray.wrap(new double[] {Math.PI, Double.NEGATIVE_INFINITY}, 2));
        tensors.put("ids", NdArray.wrap(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, 4, 1));
        tensors.put("mask", NdArray.wrap(new boolean[] {true, false, true}, 3));
        tensors.put("empty", NdArray.wrap(new float[0], 0, 5));
        tensors.put("scalar", NdArray.wrap(new long[] {42}));
        // a transposed (non-contiguous) view is written row-major
        tensors.put("t", NdArray.wrap(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).t());
        LinkedHashMap<String, String> meta = new LinkedHashMap<>();
        meta.put("quote\"back\\slash", "line\nbreak\ttab \u0001 é 日本 \uD83D\uDE00");
        meta.put("format", "pt");
        Path file = tmp.resolve("all.safetensors");

        SafetensorsFormat.write(tensors, meta, file);
        LinkedHashMap<String, NdArray> back = SafetensorsFormat.read(file);

        assertSameTensors(back, tensors);
        assertThat((float[]) back.get("t").toArray()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(SafetensorsFormat.readMetadata(file)).containsExactlyEntriesOf(meta);
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(headerLength % 8).as("header padded to a multiple of 8").isZero();
    }

    @Test
    void writeWithoutMetadataHasNone() throws IOException {
        Path file = tmp.resolve("plain.safetensors");
        SafetensorsFormat.write(Map.of("x", NdArray.wrap(new float[] {1}, 1)), null, file);
        assertThat(SafetensorsFormat.readMetadata(file)).isEmpty();
        assertThat(rawHeader(file)).doesNotContain("__metadata__");
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = tmp.resolve("w.safetensors");
        SafetensorsFormat.write(Map.of("x", NdArray.wrap(new float[] {1}, 1)), Map.of(), file);
        SafetensorsFormat.write(Map.of("y", NdArray.wrap(new long[] {2, 3}, 2)), Map.of("k", "v"), file);

        assertThat(SafetensorsFormat.read(file).keySet()).containsExactly("y");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("w.safetensors");
        }
    }

    @Test
    void writeRejectsTheReservedName() {
        Path file = tmp.resolve("bad.safetensors");
        Map<String, NdArray> tensors = Map.of("__metadata__", NdArray.wrap(new float[] {1}, 1));
        assertThatThrownBy(() -> SafetensorsFormat.write(tensors, null, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"__metadata__\" is reserved");
        assertThat(file).doesNotExist();
    }

    @Test
    void headerMayListTensorsInAnotherOrderThanTheirData() throws IOException {
        // the spec only requires the data to be tiled; the reference reader sorts entries by offset too
        byte[] data = concat(floats(1, 2), floats(3, 4, 5));
        Path file = raw("{\"b\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[8,20]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", data);

        LinkedHashMap<String, NdArray> t = SafetensorsFormat.read(file);

        assertThat(t.keySet()).containsExactly("b", "a");
        assertThat((float[]) t.get("b").toArray()).containsExactly(3, 4, 5);
        assertThat((float[]) t.get("a").toArray()).containsExactly(1, 2);
    }

    // ---------------------------------------------------------------- malformed files

    @Test
    void fileShorterThanTheLengthPrefix() throws IOException {
        Path file = tmp.resolve("short.safetensors");
        Files.write(file, new byte[] {1, 2, 3});
        assertRejected(file, "the file has 3 bytes, too few for the 8-byte header length");
    }

    @Test
    void headerLengthLargerThanTheFile() throws IOException {
        Path file = tmp.resolve("long.safetensors");
        Files.write(file, concat(lengthPrefix(1000), "{}".getBytes(StandardCharsets.UTF_8)));
        assertRejected(file, "header length 1000 exceeds the file size 10");
    }

    @Test
    void headerLengthOverTheCap() throws IOException {
        Path file = tmp.resolve("cap.safetensors");
        Files.write(file, concat(lengthPrefix(200_000_000L), "{}".getBytes(StandardCharsets.UTF_8)));
        assertRejected(file, "header length 200000000 exceeds the limit of 100000000 bytes");
        Files.write(file, concat(lengthPrefix(-1L), "{}".getBytes(StandardCharsets.UTF_8)));
        assertRejected(file, "header length 18446744073709551615 exceeds the limit");
    }

    @Test
    void truncatedData() throws IOException {
        Path file = raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[6],\"data_offsets\":[0,24]}}", floats(1, 2, 3));
        assertRejected(file, "tensor 'x' has data_offsets [0, 24] past the end of the file: the data section has only"
                + " 12 bytes (truncated file?)");
    }

    @Test
    void offsetsPastTheEndOfTheFile() throws IOException {
        Path file = raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[4000,4016]}}", floats(1));
        assertRejected(file, "tensor 'b' has data_offsets [4000, 4016] past the end of the file");
    }

    @Test
    void malformedJsonSaysWhere() throws IOException {
        assertRejected(raw("{\"x\":{\"dtype\":\"F32\",,}}", new byte[0]),
                "malformed JSON header: expected a string key but found ',' at offset 20");
        assertRejected(raw("{\"x\": [1, 2", new byte[0]), "malformed JSON header: expected ']' or ',' in array but"
                + " found the end of the text at offset 11");
        assertRejected(raw("{\"x\": \"abc", new byte[0]), "unterminated string starting at offset 6");
        assertRejected(raw("{} x", new byte[0]), "unexpected 'x' after the end of the JSON value at offset 3");
        assertRejected(raw("{\"a\": tru}", new byte[0]), "expected a JSON value but found 't' at offset 6");
        assertRejected(raw("{\"a\": 01}", new byte[0]), "expected '}' or ',' in object but found '1' at offset 7");
        assertRejected(raw("{\"a\": \"\\q\"}", new byte[0]), "invalid escape '\\q' in string at offset 8");
        assertRejected(raw("{\"a\": 1, \"a\": 2}", new byte[0]), "duplicate key \"a\" at offset 9");
        assertRejected(raw("[1]", new byte[0]), "the header is not a JSON object");
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutStackOverflow() throws IOException {
        String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertRejected(raw(deep, new byte[0]), "JSON nested deeper than 64 levels");
    }

    @Test
    void headerThatIsNotUtf8() throws IOException {
        byte[] header = {'{', '"', (byte) 0xff, '"', ':', '1', '}', ' '};
        Path file = tmp.resolve("utf8.safetensors");
        Files.write(file, concat(lengthPrefix(header.length), header));
        assertRejected(file, "the header is not valid UTF-8");
    }

    @Test
    void missingFields() throws IOException {
        assertRejected(raw("{\"x\":{\"shape\":[1],\"data_offsets\":[0,4]}}", floats(1)), "tensor 'x' has no \"dtype\"");
        assertRejected(raw("{\"x\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", floats(1)), "tensor 'x' has no \"shape\"");
        assertRejected(raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[1]}}", floats(1)), "tensor 'x' has no \"data_offsets\"");
        assertRejected(raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", floats(1)),
                "tensor 'x' has \"data_offsets\" that are not a [begin, end] pair");
        assertRejected(raw("{\"x\":7}", floats(1)), "tensor 'x' is not a JSON object with dtype, shape and data_offsets");
        assertRejected(raw("{\"x\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}", floats(1)),
                "tensor 'x' has a \"dtype\" that is not a string");
        assertRejected(raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", floats(1)),
                "tensor 'x' has a non-integer entry 1.5 in \"shape\"");
    }

    @Test
    void unsupportedDtype() throws IOException {
        Path file = raw("{\"x\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", floats(1));
        assertRejected(file, "tensor 'x' has dtype BF16, which jtorch does not support (F32, F64, I64, BOOL)");
    }

    @Test
    void shapeAndOffsetsDisagree() throws IOException {
        Path file = raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", new byte[20]);
        assertRejected(file, "tensor 'x' of dtype F32 and shape [2, 3] needs 24 bytes but its data_offsets [0, 20] span 20");
    }

    @Test
    void overlappingRegions() throws IOException {
        Path file = raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[6],\"data_offsets\":[0,24]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[6],\"data_offsets\":[16,40]}}", new byte[40]);
        assertRejected(file, "the data of tensors 'a' [0, 24] and 'b' [16, 40] overlap");
    }

    @Test
    void outOfOrderRegions() throws IOException {
        // an end before its begin
        Path reversed = raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,0]}}", new byte[4]);
        assertRejected(reversed, "tensor 'x' has data_offsets [4, 0] out of order: the end is before the begin");
        // a hole between regions: not contiguous
        Path gap = raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", new byte[12]);
        assertRejected(gap, "gap of 4 bytes between tensor 'a' [0, 4] and tensor 'b' [8, 12]");
        Path late = raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]);
        assertRejected(late, "gap of 4 bytes between the start of the data section and tensor 'a' [4, 8]");
    }

    @Test
    void trailingBytesAfterTheLastTensor() throws IOException {
        Path file = raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[10]);
        assertRejected(file, "the data section has 10 bytes but the tensors cover only 4; 6 trailing bytes");
    }

    @Test
    void negativeDimension() throws IOException {
        Path file = raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[2,-3],\"data_offsets\":[0,24]}}", new byte[24]);
        assertRejected(file, "tensor 'x' has a negative entry -3 in \"shape\"");
    }

    @Test
    void elementCountOverflow() throws IOException {
        assertRejected(raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,4],\"data_offsets\":[0,4]}}",
                floats(1)), "tensor 'x' of shape [2147483647, 2147483647, 4] has more elements than jtorch can hold");
        assertRejected(raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[99999999999],\"data_offsets\":[0,4]}}", floats(1)),
                "tensor 'x' has dimension 99999999999 in its shape, larger than jtorch supports");
        assertRejected(raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[99999999999999999999999],\"data_offsets\":[0,4]}}",
                floats(1)), "tensor 'x' has an entry 99999999999999999999999 in \"shape\" that is too large");
        assertRejected(raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,18446744073709551620]}}",
                floats(1)), "in \"data_offsets\" that is too large");
    }

    @Test
    void badBoolByte() throws IOException {
        Path file = raw("{\"m\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[0,3]}}", new byte[] {1, 0, 2});
        assertRejected(file, "tensor 'm' of dtype BOOL holds byte 2 at element 2; expected 0 or 1");
    }

    @Test
    void metadataValuesMustBeStrings() throws IOException {
        Path file = raw("{\"__metadata__\":{\"k\":1}}", new byte[0]);
        assertRejected(file, "\"__metadata__\" value of key \"k\" is not a string");
    }

    // ---------------------------------------------------------------- helpers

    private static void assertRejected(Path file, String fragment) {
        assertThatThrownBy(() -> SafetensorsFormat.read(file))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(fragment);
    }

    private Path raw(String headerJson, byte[] data) throws IOException {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile(tmp, "raw", ".safetensors");
        Files.write(file, concat(concat(lengthPrefix(header.length), header), data));
        return file;
    }

    private static byte[] lengthPrefix(long n) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array();
    }

    private static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Path ops(String name) {
        try {
            return Path.of(SafetensorsFormatTest.class.getResource("/reference/ops/" + name + ".safetensors").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rawHeader(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        long n = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(all, 8, (int) n, StandardCharsets.UTF_8);
    }

    private static int[] parseDims(String list) {
        if (list.isEmpty()) {
            return new int[0];
        }
        String[] parts = list.split(",");
        int[] dims = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            dims[i] = Integer.parseInt(parts[i]);
        }
        return dims;
    }

    /** Same names in the same order, same dtypes and shapes, and the same bits. */
    private static void assertSameTensors(Map<String, NdArray> actual, Map<String, NdArray> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String name : expected.keySet()) {
            NdArray a = actual.get(name);
            NdArray e = expected.get(name);
            assertThat(a.dtype()).as(name).isEqualTo(e.dtype());
            assertThat(a.shape()).as(name).isEqualTo(e.shape());
            assertThat(bits(a.toArray())).as(name).isEqualTo(bits(e.toArray()));
        }
    }

    /** The raw bits of every element, so NaN payloads and -0.0 are compared exactly. */
    private static long[] bits(Object array) {
        return switch (array) {
            case float[] f -> {
                long[] out = new long[f.length];
                for (int i = 0; i < f.length; i++) {
                    out[i] = Float.floatToRawIntBits(f[i]);
                }
                yield out;
            }
            case double[] d -> {
                long[] out = new long[d.length];
                for (int i = 0; i < d.length; i++) {
                    out[i] = Double.doubleToRawLongBits(d[i]);
                }
                yield out;
            }
            case long[] l -> l.clone();
            case boolean[] b -> {
                long[] out = new long[b.length];
                for (int i = 0; i < b.length; i++) {
                    out[i] = b[i] ? 1 : 0;
                }
                yield out;
            }
            default -> throw new IllegalArgumentException(array.getClass().getName());
        };
    }
}
