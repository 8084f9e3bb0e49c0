package jtorch.data;

/**
 * A map-style dataset: {@code torch.utils.data.Dataset}. Elements are addressed by an index in
 * {@code [0, size())}.
 *
 * <p>Implementations used with {@link DataLoader#numWorkers(int)} must allow {@link #get} to be called
 * from several threads at once (reading immutable data is enough).
 *
 * @param <T> the element type; {@link Sample} for datasets a default {@link DataLoader} can batch
 */
public interface Dataset<T> {
    /** The number of elements ({@code len(dataset)}). */
    int size();

    /**
     * The element at {@code index}.
     *
     * @throws IndexOutOfBoundsException when {@code index} is outside {@code [0, size())}
     */
    T get(int index);
}
