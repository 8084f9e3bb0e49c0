package jtorch.simd;

/**
 * The one intra-op thread pool of jtorch, the analogue of PyTorch's {@code at::parallel_for} and
 * {@code torch.set_num_threads}.
 *
 * <p>Kernels split a loop with {@link #forRange}; the calling thread runs one chunk itself and the pool's
 * workers run the others. Parallel regions do not nest: a {@code forRange} called from inside a chunk runs
 * inline on the calling thread, so nested calls can never deadlock or oversubscribe the cores. When two
 * unrelated threads call {@code forRange} at the same time, the second one runs its range inline rather than
 * wait for the pool.
 */
public final class Parallel {
    private static volatile int numThreads = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Parallel() {}

    /** The body of a parallel loop: processes the half-open range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        /** Processes indices {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /** The number of threads parallel regions use; by default {@code Runtime.availableProcessors()}. */
    public static int getNumThreads() {
        return numThreads;
    }

    /**
     * Sets the number of threads parallel regions use, the caller's thread included (like
     * {@code torch.set_num_threads}). Takes effect for regions that start afterwards; lowering it stops the
     * surplus pool threads (after a region in progress ends).
     *
     * @param n the thread count, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static void setNumThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("set_num_threads expects a positive integer");
        }
        numThreads = n;
        // The caller is one of the n threads; workers beyond n - 1 stop (their threads end).
        WorkerPool.INSTANCE.trim(n - 1);
    }

    /**
     * Splits {@code [from, to)} into at most {@link #getNumThreads()} contiguous chunks of at least
     * {@code minChunk} indices and runs {@code body} on them in parallel, the caller's thread taking the first
     * chunk. Runs {@code body.run(from, to)} inline when one thread is configured, when the range is smaller than
     * two chunks, or when called from inside a parallel region. Returns when every chunk is done. An exception
     * thrown by any chunk is rethrown here (others are added as suppressed) after all chunks have finished.
     *
     * @param from first index, inclusive
     * @param to last index, exclusive; an empty range ({@code to <= from}) does nothing
     * @param minChunk the smallest chunk worth a thread hand-off; values below 1 count as 1
     * @param body the loop body
     */
    public static void forRange(int from, int to, int minChunk, RangeBody body) {
        if (to <= from) {
            return;
        }
        long range = (long) to - from;
        long byGrain = range / Math.max(1, minChunk);
        int chunks = (int) Math.min(numThreads, byGrain);
        if (chunks <= 1 || inParallelRegion()) {
            body.run(from, to);
            return;
        }
        int[] bounds = new int[chunks + 1];
        for (int i = 0; i <= chunks; i++) {
            bounds[i] = (int) (from + range * i / chunks);
        }
        if (!WorkerPool.INSTANCE.tryRun(bounds, body)) {
            // NOTE: the pool is busy with another caller's region; running inline keeps both callers correct and
            // is no slower in total, since that region already occupies the cores.
            body.run(from, to);
        }
    }

    /** True while the current thread is executing a chunk of a {@link #forRange} region. */
    public static boolean inParallelRegion() {
        return WorkerPool.inRegion();
    }
}
