package jtorch.vision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny .npy reader for test fixtures: C-order arrays of |u1, &lt;i8 or &lt;f4. */
public record Npy(String descr, int[] shape, byte[] body) {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    public static Npy read(Path path) throws IOException {
        return parse(Files.readAllBytes(path), path.toString());
    }

    public static Npy resource(String name) throws IOException {
        try (InputStream in = Npy.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return parse(in.readAllBytes(), name);
        }
    }

    static Npy parse(byte[] b, String name) throws IOException {
        if (b.length < 10 || b[0] != (byte) 0x93 || b[1] != 'N' || b[6] != 1) {
            throw new IOException(name + ": not a version-1 .npy file");
        }
        int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        String header = new String(b, 10, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find() || header.contains("'fortran_order': True")) {
            throw new IOException(name + ": unsupported header " + header);
        }
        int[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        return new Npy(d.group(1), shape, Arrays.copyOfRange(b, 10 + headerLen, b.length));
    }

    public byte[] u1() {
        if (!descr.equals("|u1")) {
            throw new IllegalStateException("descr " + descr);
        }
        return body;
    }

    public long[] i8() {
        if (!descr.equals("<i8")) {
            throw new IllegalStateException("descr " + descr);
        }
        long[] out = new long[body.length / 8];
        ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    public float[] f4() {
        if (!descr.equals("<f4")) {
            throw new IllegalStateException("descr " + descr);
        }
        float[] out = new float[body.length / 4];
        ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
