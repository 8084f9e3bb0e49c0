package jtorch.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Atomic file writes: the bytes go to a temporary file beside the target, reach the disk, and then replace
 * the target in one rename. A crash leaves either the old file or the new one under the target's name,
 * never half of one; the temporary file is removed when writing fails.
 */
public final class AtomicFiles {
    /** Writes the content of a file through a channel. */
    @FunctionalInterface
    public interface Writer {
        void write(FileChannel ch) throws IOException;
    }

    private AtomicFiles() {}

    public static void write(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        // NOTE: not Files.createTempFile, which makes the file owner-only (0600) on POSIX
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(ch);
                ch.force(true);   // NOTE: the data must be on disk before the rename makes it visible
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
