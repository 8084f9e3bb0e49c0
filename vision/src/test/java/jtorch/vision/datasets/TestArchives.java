package jtorch.vision.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Builds small tar and gzip archives for tests (ustar headers, as GNU tar writes them). */
final class TestArchives {
    private TestArchives() {}

    /** A tar of the given entries (name to content; a name ending in "/" is a directory). */
    static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            boolean dir = e.getKey().endsWith("/");
            byte[] data = dir ? new byte[0] : e.getValue();
            out.write(header(e.getKey(), data.length, dir ? '5' : '0'));
            out.write(data);
            out.write(new byte[(512 - data.length % 512) % 512]);
        }
        out.write(new byte[1024]);
        return out.toByteArray();
    }

    static byte[] header(String name, long size, char type) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
        put(h, 100, String.format("%07o", 0644));
        put(h, 108, String.format("%07o", 0));
        put(h, 116, String.format("%07o", 0));
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 0));
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
