package jtorch.data;

/**
 * A failure while a {@link DataLoader} worker thread loaded a batch, rethrown in the iterating thread. The
 * {@linkplain #getCause() cause} is what the dataset, transform or collate function threw.
 */
public final class WorkerException extends RuntimeException {
    public WorkerException(String message, Throwable cause) {
        super(message, cause);
    }
}
