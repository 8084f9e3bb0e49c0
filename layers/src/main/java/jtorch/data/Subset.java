package jtorch.data;

import java.util.Objects;

/** A view of a dataset at the given indices ({@code torch.utils.data.Subset}). */
public final class Subset<T> implements Dataset<T> {
    private final Dataset<T> dataset;
    private final int[] indices;

    /**
     * @throws IndexOutOfBoundsException when an index is outside the dataset
     */
    public Subset(Dataset<T> dataset, int[] indices) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.indices = Objects.requireNonNull(indices, "indices").clone();
        int n = dataset.size();
        for (int index : this.indices) {
            Datasets.checkIndex(index, n);
        }
    }

    public Dataset<T> dataset() {
        return dataset;
    }

    /** The indices into {@link #dataset()}, in subset order (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public T get(int index) {
        Datasets.checkIndex(index, indices.length);
        return dataset.get(indices[index]);
    }
}
