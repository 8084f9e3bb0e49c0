package jtorch.io;

import java.io.IOException;

/** A zip archive that is malformed, truncated, encrypted, or claims more data than its file can hold. */
public final class ZipFormatException extends IOException {
    public ZipFormatException(String message) {
        super(message);
    }
}
