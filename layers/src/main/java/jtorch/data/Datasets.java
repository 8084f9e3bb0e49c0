package jtorch.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import jtorch.Torch;
import jtorch.tensor.Generator;

/** Functions over datasets: {@code torch.utils.data.random_split} and the index check every dataset shares. */
public final class Datasets {
    private Datasets() {}

    /**
     * Splits {@code dataset} into non-overlapping random subsets of the given lengths, drawing the
     * permutation from the default generator ({@code random_split(dataset, lengths)}).
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int... lengths) {
        return randomSplit(dataset, lengths, Torch.defaultGenerator());
    }

    /**
     * Splits {@code dataset} into non-overlapping random subsets of the given lengths. The permutation is
     * {@code randperm(sum(lengths), generator)}, cut in order, so seeded splits equal PyTorch's.
     *
     * @throws IllegalArgumentException when a length is negative or they do not add up to the dataset's size
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths, Generator generator) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(lengths, "lengths");
        Objects.requireNonNull(generator, "generator");
        long total = 0;
        for (int length : lengths) {
            if (length < 0) {
                throw new IllegalArgumentException("random_split: negative length " + length + " in " + Arrays.toString(lengths));
            }
            total += length;
        }
        if (total != dataset.size()) {
            // TORCH: the same wording as random_split
            throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset! ("
                    + total + " != " + dataset.size() + ")");
        }
        long[] perm = Torch.randperm((int) total, generator).toLongArray();
        List<Subset<T>> out = new ArrayList<>(lengths.length);
        int offset = 0;
        for (int length : lengths) {
            int[] indices = new int[length];
            for (int i = 0; i < length; i++) {
                indices[i] = (int) perm[offset + i];
            }
            out.add(new Subset<>(dataset, indices));
            offset += length;
        }
        return out;
    }

    /** Splits by fractions that sum to 1, drawing from the default generator. */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double... fractions) {
        return randomSplit(dataset, fractions, Torch.defaultGenerator());
    }

    /**
     * Splits by fractions that sum to 1: each subset gets {@code floor(size * fraction)} elements and the
     * remainder is dealt one at a time round-robin from the first subset, as PyTorch does.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, Generator generator) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(fractions, "fractions");
        double sum = 0;
        for (int i = 0; i < fractions.length; i++) {
            double f = fractions[i];
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("Fraction at index " + i + " is not between 0 and 1: " + f);
            }
            sum += f;
        }
        if (fractions.length == 0 || Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("random_split: fractions " + Arrays.toString(fractions) + " do not sum to 1");
        }
        int n = dataset.size();
        int[] lengths = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            lengths[i] = (int) Math.floor(n * fractions[i]);
            assigned += lengths[i];
        }
        int remainder = n - assigned;
        for (int i = 0; i < remainder; i++) {
            lengths[i % lengths.length] += 1;
        }
        return randomSplit(dataset, lengths, generator);
    }

    /**
     * Checks a dataset index.
     *
     * @throws IndexOutOfBoundsException naming the index and the size
     */
    public static void checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for dataset of size " + size);
        }
    }
}
