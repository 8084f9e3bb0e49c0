package jtorch.vision.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Extracts a tar stream (POSIX ustar and the GNU variant: regular files and directories; GNU long names
 * and pax headers are understood, links and devices refused). Defensive: every header's checksum is
 * verified; names that are absolute or contain a {@code ..} segment are rejected, as is anything that would
 * land outside the target folder; sizes are bounded.
 */
final class TarReader {
    private static final int BLOCK = 512;
    /** GNU long names longer than this are refused. */
    private static final int MAX_NAME = 4096;

    private TarReader() {}

    /**
     * @param maxTotal the most bytes all entries together may hold
     * @param what the archive's name, for messages
     * @throws IOException naming the archive and entry when the archive is malformed or unsafe
     */
    static void extract(InputStream in, Path dir, long maxTotal, String what) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        byte[] header = new byte[BLOCK];
        long total = 0;
        String longName = null;
        while (true) {
            if (!readBlock(in, header)) {
                throw new IOException(what + ": truncated tar archive (no end-of-archive marker)");
            }
            if (isZero(header)) {
                return;   // end of archive (the second zero block need not be read)
            }
            checkChecksum(header, what);
            char type = (char) header[156];
            long size = octal(header, 124, 12, what);
            if (size < 0 || size > maxTotal - total) {
                throw new IOException(what + ": entry of " + size + " bytes exceeds the " + maxTotal + "-byte limit");
            }
            String name = longName != null ? longName : name(header);
            longName = null;
            switch (type) {
                case 'L' -> {   // GNU: the data is the next entry's name
                    if (size > MAX_NAME) {
                        throw new IOException(what + ": long name of " + size + " bytes");
                    }
                    byte[] data = readData(in, (int) size, what);
                    longName = cString(data, 0, data.length);
                    continue;
                }
                case 'x', 'g' -> {   // pax extended headers: we need none of their fields
                    skipData(in, size, what);
                    continue;
                }
                default -> { }
            }
            Path target = safeTarget(base, name, what);
            total += size;
            if (type == '5') {
                Files.createDirectories(target);
            } else if (type == '0' || type == '\0' || type == '7') {
                Files.createDirectories(target.getParent());
                try (OutputStream os = Files.newOutputStream(target)) {
                    copyData(in, os, size, what);
                }
            } else {
                throw new IOException(what + ": entry '" + name + "' has type '" + type
                        + "' (links and special files are not extracted)");
            }
        }
    }

    private static Path safeTarget(Path base, String name, String what) throws IOException {
        if (name.isEmpty()) {
            throw new IOException(what + ": entry with an empty name");
        }
        if (name.startsWith("/") || name.startsWith("\\") || (name.length() > 1 && name.charAt(1) == ':')) {
            throw new IOException(what + ": entry '" + name + "' has an absolute path");
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw new IOException(what + ": entry '" + name + "' contains '..' (path traversal)");
            }
        }
        Path target = base.resolve(name).normalize();
        if (!target.startsWith(base)) {
            throw new IOException(what + ": entry '" + name + "' would be extracted outside " + base);
        }
        return target;
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int off, int len, String what) throws IOException {
        if ((h[off] & 0x80) != 0) {
            throw new IOException(what + ": base-256 sizes (entries over 8 GB) are not supported");
        }
        long v = 0;
        boolean digits = false;
        for (int i = off; i < off + len; i++) {
            byte c = h[i];
            if (c == 0 || c == ' ') {
                if (digits) {
                    break;
                }
                continue;
            }
            if (c < '0' || c > '7') {
                throw new IOException(what + ": malformed tar header (bad octal field)");
            }
            digits = true;
            v = v * 8 + (c - '0');
            if (v > (1L << 40)) {
                throw new IOException(what + ": tar header field too large");
            }
        }
        return v;
    }

    private static void checkChecksum(byte[] h, String what) throws IOException {
        long stored = octal(h, 148, 8, what);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != stored) {
            throw new IOException(what + ": tar header checksum mismatch (not a tar archive, or corrupt)");
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new IOException("truncated tar block");
        }
        return true;
    }

    private static byte[] readData(InputStream in, int size, String what) throws IOException {
        byte[] data = in.readNBytes(size);
        if (data.length != size) {
            throw new IOException(what + ": truncated tar entry");
        }
        skipPadding(in, size, what);
        return data;
    }

    private static void copyData(InputStream in, OutputStream out, long size, String what) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new IOException(what + ": truncated tar entry (" + left + " bytes missing)");
            }
            out.write(buf, 0, r);
            left -= r;
        }
        skipPadding(in, size, what);
    }

    private static void skipData(InputStream in, long size, String what) throws IOException {
        copyData(in, OutputStream.nullOutputStream(), size, what);
    }

    private static void skipPadding(InputStream in, long size, String what) throws IOException {
        int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
        if (in.readNBytes(pad).length != pad) {
            throw new IOException(what + ": truncated tar entry padding");
        }
    }
}
