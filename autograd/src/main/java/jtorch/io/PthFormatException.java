package jtorch.io;

import java.io.IOException;

/**
 * A PyTorch {@code .pth} archive whose records disagree with each other: a missing {@code data.pkl} or
 * storage record, a storage whose declared size differs from its record, a tensor extending past its
 * storage, or an unsupported dtype. The message names the file and the problem.
 */
public final class PthFormatException extends IOException {
    public PthFormatException(String message) {
        super(message);
    }
}
