package jtorch.io;

/**
 * An object that a pickle's {@code BUILD} opcode may complete: Python's {@code obj.__setstate__(state)}
 * (numpy arrays and dtypes receive their contents this way).
 */
@FunctionalInterface
public interface PyBuildable {
    /**
     * Applies {@code state} and returns the value that replaces this object on the stack (often a new,
     * immutable value such as a {@link NumpyArray}).
     */
    Object setState(Object state) throws UnpicklingException;
}
