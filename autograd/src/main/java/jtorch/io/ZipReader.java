package jtorch.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A strict reader of zip archives (PKWARE APPNOTE 6.3), enough for PyTorch's files: stored and deflated
 * entries, ZIP64, data descriptors. It trusts the central directory, checks every offset and size against
 * the file, refuses overlapping entries, duplicate names and encryption, and never lets an entry expand
 * past its declared size or past deflate's largest possible ratio (1032:1), so a zip bomb fails before
 * anything large is allocated. Reading an entry to its end verifies its CRC-32.
 *
 * <p>Unlike {@link java.util.zip.ZipFile} it does not tolerate inconsistencies: every one is a
 * {@link ZipFormatException} naming the file and the problem.
 */
public final class ZipReader implements Closeable {
    /** Deflate cannot expand more than about 1032:1; a larger declared ratio is a lie (or a bomb). */
    static final long MAX_DEFLATE_RATIO = 1032;

    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CENTRAL_SIG = 0x02014b50;
    private static final int LOCAL_SIG = 0x04034b50;
    private static final int EOCD_SIZE = 22;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL_SIZE = 30;
    private static final int CHUNK = 1 << 16;

    private final Path file;
    private final FileChannel ch;
    private final long fileSize;
    private final LinkedHashMap<String, ZipRecord> records = new LinkedHashMap<>();

    private ZipReader(Path file, FileChannel ch) throws IOException {
        this.file = file;
        this.ch = ch;
        this.fileSize = ch.size();
    }

    /**
     * Opens and validates {@code file}'s central directory.
     *
     * @throws ZipFormatException when it is not a well-formed zip archive
     */
    public static ZipReader open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ZipReader z = new ZipReader(file, ch);
            z.readDirectory();
            return z;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The entries in central-directory order. */
    public List<ZipRecord> records() {
        return List.copyOf(records.values());
    }

    /** The entry called {@code name}, or null. */
    public ZipRecord record(String name) {
        return records.get(name);
    }

    public long fileSize() {
        return fileSize;
    }

    /**
     * The entry's bytes; refuses entries larger than {@code maxBytes} before allocating.
     *
     * @throws ZipFormatException when the entry is too large, corrupt or fails its CRC
     */
    public byte[] readAll(ZipRecord r, int maxBytes) throws IOException {
        if (r.size() > maxBytes) {
            throw fail("entry " + r.name() + " is " + r.size() + " bytes, over the limit of " + maxBytes);
        }
        byte[] out = new byte[(int) r.size()];
        try (InputStream in = open(r)) {
            int n = in.readNBytes(out, 0, out.length);
            if (n != out.length || in.read() >= 0) {
                throw fail("entry " + r.name() + " does not hold its declared " + r.size() + " bytes");
            }
        }
        return out;
    }

    /**
     * A stream of the entry's uncompressed bytes: exactly {@link ZipRecord#size()} of them, the CRC checked
     * when the last is read.
     */
    public InputStream open(ZipRecord r) {
        return new RecordStream(r);
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

    ZipFormatException fail(String problem) {
        return new ZipFormatException("invalid zip file " + file + ": " + problem);
    }

    // ---------------------------------------------------------------- the central directory

    private void readDirectory() throws IOException {
        long eocd = findEndOfDirectory();
        ByteBuffer end = read(eocd, EOCD_SIZE);
        long entries = end.getShort(10) & 0xffff;
        long cdSize = end.getInt(12) & 0xffffffffL;
        long cdOffset = end.getInt(16) & 0xffffffffL;
        long cdLimit = eocd;
        if (eocd >= 20 && read(eocd - 20, 4).getInt(0) == ZIP64_LOCATOR_SIG) {
            ByteBuffer loc = read(eocd - 20, 20);
            long z64 = loc.getLong(8);
            if (z64 < 0 || z64 > eocd - 20 - 56) {
                throw fail("ZIP64 end record offset " + z64 + " is outside the file");
            }
            ByteBuffer rec = read(z64, 56);
            if (rec.getInt(0) != ZIP64_EOCD_SIG) {
                throw fail("no ZIP64 end record at offset " + z64);
            }
            entries = agree(entries, 0xffff, rec.getLong(32), "entry count");
            cdSize = agree(cdSize, 0xffffffffL, rec.getLong(40), "directory size");
            cdOffset = agree(cdOffset, 0xffffffffL, rec.getLong(48), "directory offset");
            cdLimit = z64;
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset > cdLimit || cdSize > cdLimit - cdOffset) {
            throw fail("central directory [" + cdOffset + ", +" + cdSize + ") lies outside the file");
        }
        if (entries < 0 || entries > cdSize / CENTRAL_SIZE) {
            throw fail(entries + " entries cannot fit in a central directory of " + cdSize + " bytes");
        }
        ByteBuffer cd = read(cdOffset, (int) Math.min(cdSize, Integer.MAX_VALUE - 16));
        List<long[]> spans = new ArrayList<>();
        for (long i = 0; i < entries; i++) {
            ZipRecord r = readEntry(cd, cdOffset, spans);
            if (records.putIfAbsent(r.name(), r) != null) {
                throw fail("duplicate entry " + r.name());
            }
        }
        checkNoOverlap(spans, cdOffset);
    }

    /** A classic end-record field must be its overflow marker or equal the ZIP64 one. */
    private long agree(long classic, long marker, long zip64, String what) throws ZipFormatException {
        if (classic != marker && classic != zip64) {
            throw fail("the end record and the ZIP64 end record disagree on the " + what + " (" + classic + " vs " + zip64 + ")");
        }
        return zip64;
    }

    /** The EOCD is in the last 64 KiB + 22 bytes; scan back for a signature whose comment ends the file. */
    private long findEndOfDirectory() throws IOException {
        if (fileSize < EOCD_SIZE) {
            throw fail("the file has " + fileSize + " bytes, too few for a zip archive (truncated?)");
        }
        int tail = (int) Math.min(fileSize, EOCD_SIZE + 0xffff);
        ByteBuffer buf = read(fileSize - tail, tail);
        for (int i = tail - EOCD_SIZE; i >= 0; i--) {
            if (buf.getInt(i) == EOCD_SIG && i + EOCD_SIZE + (buf.getShort(i + 20) & 0xffff) == tail) {
                return fileSize - tail + i;
            }
        }
        throw fail("no end-of-central-directory record (not a zip file, or truncated)");
    }

    private ZipRecord readEntry(ByteBuffer cd, long cdOffset, List<long[]> spans) throws IOException {
        int p = cd.position();
        if (cd.remaining() < CENTRAL_SIZE || cd.getInt(p) != CENTRAL_SIG) {
            throw fail("bad central directory header at offset " + (cdOffset + p));
        }
        int flags = cd.getShort(p + 8) & 0xffff;
        int method = cd.getShort(p + 10) & 0xffff;
        int crc = cd.getInt(p + 16);
        long csize = cd.getInt(p + 20) & 0xffffffffL;
        long usize = cd.getInt(p + 24) & 0xffffffffL;
        int nameLen = cd.getShort(p + 28) & 0xffff;
        int extraLen = cd.getShort(p + 30) & 0xffff;
        int commentLen = cd.getShort(p + 32) & 0xffff;
        long local = cd.getInt(p + 42) & 0xffffffffL;
        if (cd.remaining() < CENTRAL_SIZE + nameLen + extraLen + commentLen) {
            throw fail("central directory header at offset " + (cdOffset + p) + " runs past the directory");
        }
        String name = utf8(cd, p + CENTRAL_SIZE, nameLen);
        // ZIP64: the fields that overflowed are 0xffffffff and follow in this order in extra field 0x0001
        long[] fields = {usize, csize, local};
        int e = p + CENTRAL_SIZE + nameLen;
        int extraEnd = e + extraLen;
        while (e + 4 <= extraEnd) {
            int id = cd.getShort(e) & 0xffff;
            int len = cd.getShort(e + 2) & 0xffff;
            if (e + 4 + len > extraEnd) {
                throw fail("extra field of entry " + name + " runs past its header");
            }
            if (id == 1) {
                int q = e + 4;
                for (int k = 0; k < 3; k++) {
                    if (fields[k] == 0xffffffffL) {
                        if (q + 8 > e + 4 + len) {
                            throw fail("ZIP64 extra field of entry " + name + " is too short");
                        }
                        fields[k] = cd.getLong(q);
                        q += 8;
                    }
                }
            }
            e += 4 + len;
        }
        cd.position(extraEnd + commentLen);
        usize = fields[0];
        csize = fields[1];
        local = fields[2];
        if ((flags & 1) != 0) {
            throw fail("entry " + name + " is encrypted");
        }
        if (method != 0 && method != 8) {
            throw fail("entry " + name + " uses compression method " + method + "; only stored (0) and deflate (8) are supported");
        }
        if (usize < 0 || csize < 0 || local < 0) {
            throw fail("entry " + name + " has a negative size or offset");
        }
        if (method == 0 && usize != csize) {
            throw fail("stored entry " + name + " has compressed size " + csize + " but size " + usize);
        }
        if (method == 8 && usize > csize * MAX_DEFLATE_RATIO + 64) {
            throw fail("entry " + name + " claims " + usize + " bytes from " + csize
                    + " compressed (a ratio deflate cannot reach: zip bomb?)");
        }
        if (local > cdOffset - LOCAL_SIZE) {
            throw fail("local header of entry " + name + " at offset " + local + " is outside the file's data");
        }
        ByteBuffer lh = read(local, LOCAL_SIZE);
        if (lh.getInt(0) != LOCAL_SIG) {
            throw fail("no local header for entry " + name + " at offset " + local);
        }
        long dataOffset = local + LOCAL_SIZE + (lh.getShort(26) & 0xffff) + (lh.getShort(28) & 0xffff);
        if (dataOffset > cdOffset || csize > cdOffset - dataOffset) {
            throw fail("data of entry " + name + " [" + dataOffset + ", +" + csize + ") runs past the file's data section");
        }
        spans.add(new long[] {local, dataOffset + csize});
        return new ZipRecord(name, method, crc, csize, usize, dataOffset);
    }

    /** Overlapping entries let a small file expand many times over; real archives never overlap. */
    private void checkNoOverlap(List<long[]> spans, long cdOffset) throws ZipFormatException {
        List<long[]> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(s -> s[0]));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i)[0] < sorted.get(i - 1)[1]) {
                throw fail("entries overlap at offset " + sorted.get(i)[0]);
            }
        }
    }

    private String utf8(ByteBuffer b, int at, int len) throws ZipFormatException {
        byte[] raw = new byte[len];
        b.get(at, raw);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fail("an entry name is not valid UTF-8");
        }
    }

    /** {@code n} bytes at {@code position}, little-endian; the range was checked to lie in the file. */
    private ByteBuffer read(long position, int n) throws IOException {
        if (position < 0 || n < 0 || position > fileSize - n) {
            throw fail("a read of " + n + " bytes at offset " + position + " runs past the end of the file (truncated?)");
        }
        ByteBuffer buf = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        long p = position;
        while (buf.hasRemaining()) {
            int k = ch.read(buf, p);
            if (k < 0) {
                throw fail("unexpected end of file at offset " + p + " (truncated?)");
            }
            p += k;
        }
        return buf.clear();
    }

    // ---------------------------------------------------------------- entry data

    /** Uncompressed bytes of one entry, never more than declared; the CRC is checked at the end. */
    private final class RecordStream extends InputStream {
        private final ZipRecord r;
        private final Inflater inflater;
        private final CRC32 crc = new CRC32();
        private final ByteBuffer in = ByteBuffer.allocate(CHUNK);
        private long rawRead;
        private long produced;

        RecordStream(ZipRecord r) {
            this.r = r;
            this.inflater = r.method() == 8 ? new Inflater(true) : null;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (produced == r.size()) {
                finish();
                return -1;
            }
            int want = (int) Math.min(len, r.size() - produced);
            int n = inflater == null ? readStored(b, off, want) : inflate(b, off, want);
            crc.update(b, off, n);
            produced += n;
            return n;
        }

        private int readStored(byte[] b, int off, int want) throws IOException {
            ByteBuffer dst = ByteBuffer.wrap(b, off, want);
            int n = ch.read(dst, r.dataOffset() + rawRead);
            if (n <= 0) {
                throw fail("entry " + r.name() + " is truncated");
            }
            rawRead += n;
            return n;
        }

        private int inflate(byte[] b, int off, int want) throws IOException {
            try {
                while (true) {
                    int n = inflater.inflate(b, off, want);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished() || inflater.needsDictionary()) {
                        throw fail("entry " + r.name() + " inflates to " + produced + " bytes, not its declared " + r.size());
                    }
                    if (rawRead >= r.compressedSize()) {
                        throw fail("compressed data of entry " + r.name() + " ends early");
                    }
                    in.clear();
                    in.limit((int) Math.min(CHUNK, r.compressedSize() - rawRead));
                    int k = ch.read(in, r.dataOffset() + rawRead);
                    if (k <= 0) {
                        throw fail("entry " + r.name() + " is truncated");
                    }
                    rawRead += k;
                    in.flip();
                    inflater.setInput(in);
                }
            } catch (DataFormatException e) {
                throw fail("entry " + r.name() + " holds invalid deflate data: " + e.getMessage());
            }
        }

        private void finish() throws ZipFormatException {
            if ((int) crc.getValue() != r.crc()) {
                throw fail("entry " + r.name() + " fails its CRC-32 check (corrupt data)");
            }
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }
}
