package jtorch.tensor.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A safetensors file that is malformed, truncated, or uses a dtype jtorch does not support. The message
 * names the file and what is wrong with it.
 */
public final class SafetensorsFormatException extends IOException {
    /**
     * @param file the offending file
     * @param problem what is wrong, e.g. {@code header length 4096 exceeds the file size 100}
     */
    public SafetensorsFormatException(Path file, String problem) {
        super("invalid safetensors file " + file + ": " + problem);
    }
}
