package jtorch.tensorboard;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * Appends TFRecord-framed {@code Event} protos to {@code events.out.tfevents.<time>.<host>.<pid>.<n>}, the
 * name TensorBoard's own writer uses. Each record is: the data length as a little-endian uint64, the masked
 * CRC-32C of those 8 bytes, the data, the masked CRC-32C of the data. The first event holds
 * {@code file_version: "brain.Event:2"}.
 */
final class EventFileWriter implements AutoCloseable {
    private static final AtomicInteger FILE_IDS = new AtomicInteger();
    private static final int MAX_PENDING = 10;              // TORCH: SummaryWriter(max_queue=10)
    private static final long FLUSH_NANOS = 120_000_000_000L;   // TORCH: SummaryWriter(flush_secs=120)

    private final Path file;
    private final OutputStream out;
    private int pending;
    private long lastFlush = System.nanoTime();
    private boolean closed;

    EventFileWriter(Path dir) throws IOException {
        Files.createDirectories(dir);
        long seconds = System.currentTimeMillis() / 1000;
        String name = String.format("events.out.tfevents.%010d.%s.%d.%d", seconds, hostName(), ProcessHandle.current().pid(),
                FILE_IDS.getAndIncrement());
        this.file = dir.resolve(name);
        this.out = new BufferedOutputStream(Files.newOutputStream(file));
        Proto first = new Proto()
                .doubleField(Events.WALL_TIME, System.currentTimeMillis() / 1000.0)
                .string(Events.FILE_VERSION, "brain.Event:2");
        write(first.toByteArray());
        flush();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "_");
        } catch (IOException e) {
            return "localhost";   // NOTE: no resolvable name (offline container); the name is informational only
        }
    }

    Path file() {
        return file;
    }

    /** Frames and appends one serialized Event. */
    synchronized void write(byte[] event) throws IOException {
        if (closed) {
            throw new IllegalStateException("the event file " + file + " is closed");
        }
        byte[] header = new byte[8];
        long len = event.length;
        for (int i = 0; i < 8; i++) {
            header[i] = (byte) (len >>> (8 * i));
        }
        out.write(header);
        writeInt(maskedCrc(header));
        out.write(event);
        writeInt(maskedCrc(event));
        pending++;
        if (pending >= MAX_PENDING || System.nanoTime() - lastFlush >= FLUSH_NANOS) {
            flush();
        }
    }

    synchronized void flush() throws IOException {
        if (closed) {
            return;
        }
        out.flush();
        pending = 0;
        lastFlush = System.nanoTime();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        out.close();
    }

    private void writeInt(int v) throws IOException {
        for (int i = 0; i < 4; i++) {
            out.write(v >>> (8 * i));
        }
    }

    /** TFRecord's masked CRC-32C: rotate right by 15 bits and add a constant. */
    static int maskedCrc(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }
}
