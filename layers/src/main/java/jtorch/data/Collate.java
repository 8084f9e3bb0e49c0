package jtorch.data;

import java.util.List;

/**
 * Turns the elements of one batch into a {@link Batch}: PyTorch's {@code collate_fn}. Use it to batch
 * datasets whose elements are not {@link Sample}s:
 *
 * <pre>{@code
 * Collate<String[]> toBatch = rows -> new Batch(encode(rows), labels(rows));
 * var loader = new DataLoader(textDataset, 32, toBatch);
 * }</pre>
 *
 * <p>With {@link DataLoader#numWorkers(int)} it runs on worker threads, several at once.
 *
 * @param <T> the dataset's element type
 */
@FunctionalInterface
public interface Collate<T> {
    /** Builds one batch from {@code elements} (never empty, in batch order). */
    Batch collate(List<T> elements);

    /** The default: stacks inputs and targets of {@link Sample}s along a new dimension 0 ({@code default_collate}). */
    static Collate<Sample> stack() {
        return DefaultCollate::collate;
    }
}
