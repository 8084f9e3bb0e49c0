package jtorch.io;

/**
 * What an allowed global does when a pickle calls it ({@code REDUCE}, {@code NEWOBJ}): Python's
 * {@code f(*args)}. It returns the Java value that stands for the result.
 */
@FunctionalInterface
public interface PyCallable {
    /**
     * @param args the positional arguments, as a tuple
     * @throws UnpicklingException when the arguments do not have the expected form
     */
    Object call(PyTuple args) throws UnpicklingException;
}
