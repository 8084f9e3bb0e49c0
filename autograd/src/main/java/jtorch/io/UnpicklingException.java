package jtorch.io;

import java.io.IOException;

/**
 * A pickle stream that is malformed, truncated, over a limit, or refers to a global outside the allow-list.
 * The message says where (the byte position of the offending opcode) and why; for a refused global it names
 * the global, e.g. {@code Unsupported global: GLOBAL os.system was not an allowed global}.
 */
public final class UnpicklingException extends IOException {
    public UnpicklingException(String message) {
        super(message);
    }

    public UnpicklingException(long position, String reason) {
        super("invalid pickle at byte " + position + ": " + reason);
    }
}
