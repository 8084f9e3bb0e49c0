package jtorch.vision.datasets;

import java.io.IOException;

/**
 * A dataset file that is not what its format says (an IDX file with a wrong magic number or a lying header, a
 * CIFAR batch with a partial record or a label out of range, a malformed or refused pickle, corrupt gzip data).
 * The message names the file and says what is wrong. Missing files and failing disks stay plain
 * {@link IOException}s ({@link java.nio.file.NoSuchFileException}, ...).
 */
public final class DatasetFormatException extends IOException {
    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
