package jtorch.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a zip archive of stored (uncompressed) entries the way PyTorch's writer does: each entry's data
 * starts at a multiple of 64 bytes, the gap filled by an extra field with id {@code "FB"} and {@code 'Z'}
 * bytes, so readers can map storages in place. Sizes are known before an entry is written; its CRC-32 is
 * computed while writing and patched into the local header. ZIP64 records are added only when an offset,
 * a size or the entry count overflows the classic fields.
 */
final class ZipWriter {
    static final int ALIGNMENT = 64;

    private static final long MAX32 = 0xffffffffL;
    private static final int LOCAL_SIZE = 30;

    /** Writes an entry's bytes. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Written(byte[] name, long size, int crc, long localOffset) {}

    private final FileChannel ch;
    private final List<Written> entries = new ArrayList<>();

    ZipWriter(FileChannel ch) {
        this.ch = ch;
    }

    /** Appends an entry of exactly {@code size} bytes produced by {@code body}. */
    void add(String name, long size, Body body) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        long offset = ch.position();
        boolean zip64 = size >= MAX32;
        int z64Len = zip64 ? 20 : 0;
        long beforePad = offset + LOCAL_SIZE + nameBytes.length + z64Len + 4;
        int pad = (int) ((ALIGNMENT - beforePad % ALIGNMENT) % ALIGNMENT);
        ByteBuffer h = le(LOCAL_SIZE + nameBytes.length + z64Len + 4 + pad);
        h.putInt(0x04034b50);
        h.putShort((short) (zip64 ? 45 : 20));
        h.putShort((short) 0x0800);   // names are UTF-8
        h.putShort((short) 0);        // stored
        h.putShort((short) 0);        // time and date 0, as PyTorch writes them: reproducible files
        h.putShort((short) 0);
        h.putInt(0);                  // CRC-32, patched below
        h.putInt((int) (zip64 ? MAX32 : size));
        h.putInt((int) (zip64 ? MAX32 : size));
        h.putShort((short) nameBytes.length);
        h.putShort((short) (z64Len + 4 + pad));
        h.put(nameBytes);
        if (zip64) {
            h.putShort((short) 1);
            h.putShort((short) 16);
            h.putLong(size);
            h.putLong(size);
        }
        h.put((byte) 'F').put((byte) 'B');
        h.putShort((short) pad);
        for (int i = 0; i < pad; i++) {
            h.put((byte) 'Z');
        }
        writeFully(h.flip());
        CountingStream out = new CountingStream();
        body.writeTo(out);
        out.flushBuffer();
        if (out.count != size) {
            throw new IllegalStateException("entry " + name + " wrote " + out.count + " bytes, declared " + size);
        }
        int crc = (int) out.crc.getValue();
        ByteBuffer c = le(4).putInt(crc).flip();
        while (c.hasRemaining()) {
            ch.write(c, offset + 14 + c.position());
        }
        entries.add(new Written(nameBytes, size, crc, offset));
    }

    /** Writes the central directory and the end records. */
    void finish() throws IOException {
        long cdOffset = ch.position();
        for (Written w : entries) {
            writeCentral(w);
        }
        long cdSize = ch.position() - cdOffset;
        boolean zip64 = entries.size() >= 0xffff || cdOffset >= MAX32 || cdSize >= MAX32;
        if (zip64) {
            long z64Offset = ch.position();
            ByteBuffer r = le(56 + 20);
            r.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0);
            r.putLong(entries.size()).putLong(entries.size()).putLong(cdSize).putLong(cdOffset);
            r.putInt(0x07064b50).putInt(0).putLong(z64Offset).putInt(1);
            writeFully(r.flip());
        }
        ByteBuffer e = le(22);
        e.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        short count = (short) (zip64 ? 0xffff : entries.size());
        e.putShort(count).putShort(count);
        e.putInt((int) (zip64 ? MAX32 : cdSize)).putInt((int) (zip64 ? MAX32 : cdOffset));
        e.putShort((short) 0);
        writeFully(e.flip());
    }

    private void writeCentral(Written w) throws IOException {
        boolean bigSize = w.size >= MAX32;
        boolean bigOffset = w.localOffset >= MAX32;
        int z64Len = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
        int extraLen = z64Len == 0 ? 0 : 4 + z64Len;
        ByteBuffer c = le(46 + w.name.length + extraLen);
        c.putInt(0x02014b50);
        c.putShort((short) (z64Len > 0 ? 45 : 20)).putShort((short) (z64Len > 0 ? 45 : 20));
        c.putShort((short) 0x0800).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        c.putInt(w.crc);
        c.putInt((int) (bigSize ? MAX32 : w.size)).putInt((int) (bigSize ? MAX32 : w.size));
        c.putShort((short) w.name.length).putShort((short) extraLen).putShort((short) 0);
        c.putShort((short) 0).putShort((short) 0).putInt(0);
        c.putInt((int) (bigOffset ? MAX32 : w.localOffset));
        c.put(w.name);
        if (z64Len > 0) {
            c.putShort((short) 1).putShort((short) z64Len);
            if (bigSize) {
                c.putLong(w.size).putLong(w.size);
            }
            if (bigOffset) {
                c.putLong(w.localOffset);
            }
        }
        writeFully(c.flip());
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Buffers an entry's bytes into the channel, counting them and updating the CRC. */
    private final class CountingStream extends OutputStream {
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        private final CRC32 crc = new CRC32();
        private long count;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            crc.update(b, off, len);
            count += len;
            int p = off;
            int left = len;
            while (left > 0) {
                int n = Math.min(left, buf.remaining());
                buf.put(b, p, n);
                p += n;
                left -= n;
                if (!buf.hasRemaining()) {
                    flushBuffer();
                }
            }
        }

        void flushBuffer() throws IOException {
            buf.flip();
            writeFully(buf);
            buf.clear();
        }
    }
}
