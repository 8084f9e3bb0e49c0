package jtorch.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The concatenation of datasets, in order ({@code torch.utils.data.ConcatDataset}). */
public final class ConcatDataset<T> implements Dataset<T> {
    private final List<Dataset<T>> datasets;
    /** cumulative[i] = total size of datasets 0..i. */
    private final long[] cumulative;

    @SafeVarargs
    public ConcatDataset(Dataset<T>... datasets) {
        this(Arrays.asList(Objects.requireNonNull(datasets, "datasets")));
    }

    /**
     * @throws IllegalArgumentException when the list is empty, or the total exceeds {@code Integer.MAX_VALUE}
     */
    public ConcatDataset(List<? extends Dataset<T>> datasets) {
        Objects.requireNonNull(datasets, "datasets");
        if (datasets.isEmpty()) {
            // TORCH: ConcatDataset's own assertion message
            throw new IllegalArgumentException("datasets should not be an empty iterable");
        }
        this.datasets = List.copyOf(datasets);
        this.cumulative = new long[datasets.size()];
        long total = 0;
        for (int i = 0; i < datasets.size(); i++) {
            total += this.datasets.get(i).size();
            cumulative[i] = total;
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ConcatDataset: total size " + total + " exceeds " + Integer.MAX_VALUE);
        }
    }

    @Override
    public int size() {
        return (int) cumulative[cumulative.length - 1];
    }

    @Override
    public T get(int index) {
        Datasets.checkIndex(index, size());
        int k = Arrays.binarySearch(cumulative, index + 1L);
        // binarySearch finds the first part whose cumulative size exceeds index (ties: the exact match,
        // but an exact match on index + 1 may be followed by empty parts; the first one is the right one)
        if (k < 0) {
            k = -k - 1;
        }
        while (k > 0 && cumulative[k - 1] == index + 1L) {
            k--;
        }
        long start = k == 0 ? 0 : cumulative[k - 1];
        return datasets.get(k).get((int) (index - start));
    }
}
