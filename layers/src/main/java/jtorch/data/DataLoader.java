package jtorch.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jtorch.Torch;
import jtorch.tensor.Generator;

/**
 * Iterates a dataset in batches: {@code torch.utils.data.DataLoader}. Each {@link #iterator()} is one
 * epoch; a loader can be iterated any number of times.
 *
 * <pre>{@code
 * var loader = new DataLoader(trainSet, 64).shuffle(true).numWorkers(2);
 * for (Batch batch : loader) {
 *     Tensor loss = criterion.forward(model.forward(batch.inputs()), batch.targets());
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Order.</b> Without shuffle, batches follow the dataset's order. With shuffle, each epoch uses
 * {@code randperm(size, g)} where {@code g} is the loader's {@link #generator(Generator) generator} if one
 * was set, else a fresh generator seeded with a 63-bit number drawn from the default generator at the start
 * of the epoch, as PyTorch's {@code RandomSampler} does. Every epoch also draws one 64-bit "base seed" from
 * the loader's generator (else the default one) before anything else, as PyTorch's iterator does, so after
 * {@code Torch.manualSeed(s)} the shuffled order <em>and</em> every later draw match PyTorch's.
 *
 * <p><b>Workers.</b> With {@link #numWorkers(int) numWorkers(n)}, n {@code > 0}, daemon threads load and
 * collate up to {@code n * prefetchFactor} batches ahead while the caller trains. Batches come out in the
 * same order, holding the same data, as with no workers. An exception thrown while loading is rethrown by
 * {@link BatchIterator#next()} as a {@link WorkerException} whose cause is the original. The threads end
 * when the epoch ends, when the iterator is {@link BatchIterator#close() closed}, and, when iteration is
 * abandoned (a {@code break} out of a for-each loop), after they sit idle for one second and at the latest
 * when the iterator is garbage-collected.
 *
 * <p>NOTE: random transforms draw from a shared generator; with workers the order of those draws across
 * batches depends on thread timing (PyTorch gives each worker process its own seed, with the same effect).
 */
public final class DataLoader implements Iterable<Batch> {
    private final Dataset<?> dataset;
    private final int batchSize;
    private final BatchLoader loader;
    private boolean shuffle;
    private boolean dropLast;
    private Generator generator;
    private int numWorkers;
    private int prefetchFactor = 2;

    /** Loads {@code batchSize} {@link Sample}s per batch, collated with {@link Collate#stack()}. */
    public DataLoader(Dataset<Sample> dataset, int batchSize) {
        this(dataset, batchSize, Collate.stack());
    }

    /** Loads {@code batchSize} elements per batch and turns them into a {@link Batch} with {@code collate}. */
    public <T> DataLoader(Dataset<T> dataset, int batchSize, Collate<T> collate) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(collate, "collate");
        if (batchSize <= 0) {
            // TORCH: DataLoader's own message
            throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size=" + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.loader = indices -> {
            List<T> elements = new ArrayList<>(indices.length);
            for (int index : indices) {
                elements.add(dataset.get(index));
            }
            return collate.collate(elements);
        };
    }

    /** Reshuffles the order every epoch (default false). */
    public DataLoader shuffle(boolean value) {
        this.shuffle = value;
        return this;
    }

    /** Drops the last batch when it is smaller than {@code batchSize} (default false). */
    public DataLoader dropLast(boolean value) {
        this.dropLast = value;
        return this;
    }

    /** The generator for shuffling and the per-epoch base seed; null (the default) means the default generator. */
    public DataLoader generator(Generator value) {
        this.generator = value;
        return this;
    }

    /** Background loading threads; 0 (the default) loads in the iterating thread. */
    public DataLoader numWorkers(int value) {
        if (value < 0) {
            // TORCH: DataLoader's own message
            throw new IllegalArgumentException("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.");
        }
        this.numWorkers = value;
        return this;
    }

    /** Batches loaded ahead per worker (default 2, as PyTorch). */
    public DataLoader prefetchFactor(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("prefetch_factor must be positive, but got " + value);
        }
        this.prefetchFactor = value;
        return this;
    }

    public int batchSize() {
        return batchSize;
    }

    public int numWorkers() {
        return numWorkers;
    }

    public Dataset<?> dataset() {
        return dataset;
    }

    /** The number of batches in an epoch ({@code len(loader)}). */
    public int size() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** Starts an epoch. Close the iterator if you stop before its end (for-each loops that run to the end need not). */
    @Override
    public BatchIterator iterator() {
        Generator epochGenerator = generator != null ? generator : Torch.defaultGenerator();
        // TORCH: _BaseDataLoaderIter draws _base_seed = random_() from loader.generator before sampling;
        // we draw it too so that seeded programs see the same random stream as PyTorch.
        epochGenerator.nextInt64();
        int[] order = order();
        int[][] batches = split(order);
        Runnable onExhausted = () -> {};
        if (shuffle && generator != null) {
            // TORCH: RandomSampler ends with `yield from randperm(n, generator)[:num_samples % n]`, which
            // draws one more (empty) permutation when the sampler is exhausted; the caller's generator sees it.
            Generator g = generator;
            int n = dataset.size();
            onExhausted = () -> Torch.randperm(n, g);
        }
        return new BatchIterator(batches, loader, numWorkers, numWorkers * prefetchFactor, onExhausted);
    }

    private int[] order() {
        int n = dataset.size();
        int[] order = new int[n];
        if (!shuffle) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            return order;
        }
        Generator g = generator;
        if (g == null) {
            // TORCH: RandomSampler seeds a new generator with random_() of int64, i.e. random64() mod 2^63
            long seed = Torch.defaultGenerator().nextInt64() & Long.MAX_VALUE;
            g = new Generator(seed);
        }
        long[] perm = Torch.randperm(n, g).toLongArray();
        for (int i = 0; i < n; i++) {
            order[i] = (int) perm[i];
        }
        return order;
    }

    private int[][] split(int[] order) {
        int count = size();
        int[][] batches = new int[count][];
        for (int b = 0; b < count; b++) {
            int start = b * batchSize;
            int end = Math.min(order.length, start + batchSize);
            int[] indices = new int[end - start];
            System.arraycopy(order, start, indices, 0, indices.length);
            batches[b] = indices;
        }
        return batches;
    }

    @Override
    public String toString() {
        return "DataLoader(batch_size=" + batchSize + ", shuffle=" + shuffle + ", drop_last=" + dropLast
                + ", num_workers=" + numWorkers + ", dataset_size=" + dataset.size() + ")";
    }

    /** Loads and collates the elements at the given indices. */
    @FunctionalInterface
    interface BatchLoader {
        Batch load(int[] indices);
    }
}
