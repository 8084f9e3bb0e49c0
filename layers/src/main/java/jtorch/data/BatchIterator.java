package jtorch.data;

import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One epoch of a {@link DataLoader}. With workers it owns a thread pool; {@link #close()} stops it. Closing
 * is idempotent, happens by itself at the end of the epoch or on a loading error, and need not be called
 * by a for-each loop that runs to the end.
 */
public final class BatchIterator implements Iterator<Batch>, AutoCloseable {
    /** Names of worker threads start with this (tests look for leaks by it). */
    public static final String THREAD_NAME_PREFIX = "jtorch-data-worker-";

    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final int[][] batches;
    private final DataLoader.BatchLoader loader;
    private final ThreadPoolExecutor pool;
    private final Cleaner.Cleanable cleanable;
    private final ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
    private final int prefetch;
    private final Runnable onExhausted;
    private int nextToSubmit;
    private int nextToReturn;
    private boolean closed;

    BatchIterator(int[][] batches, DataLoader.BatchLoader loader, int numWorkers, int prefetch, Runnable onExhausted) {
        this.batches = batches;
        this.onExhausted = onExhausted;
        this.loader = loader;
        this.prefetch = prefetch;
        if (numWorkers == 0 || batches.length == 0) {
            this.pool = null;
            this.cleanable = null;
            return;
        }
        this.pool = newPool(numWorkers);
        // NOTE: the cleanup action holds only the pool, never this iterator, or it could not become unreachable.
        this.cleanable = CLEANER.register(this, new Shutdown(pool));
        fill();
    }

    private static ThreadPoolExecutor newPool(int numWorkers) {
        int poolId = POOL_IDS.incrementAndGet();
        AtomicInteger threadIds = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, THREAD_NAME_PREFIX + poolId + "-" + threadIds.getAndIncrement());
            t.setDaemon(true);   // an abandoned epoch must never keep the JVM alive
            return t;
        };
        // NOTE: the queue is unbounded but we never submit more than `prefetch` tasks ahead of the consumer.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(numWorkers, numWorkers, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        // Idle workers of an abandoned epoch exit after the keep-alive instead of waiting for the GC.
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Keeps `prefetch` batches submitted ahead of the consumer. */
    private void fill() {
        while (nextToSubmit < batches.length && pending.size() < prefetch) {
            int[] indices = batches[nextToSubmit];
            pending.addLast(pool.submit(() -> loader.load(indices)));
            nextToSubmit++;
        }
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (nextToReturn < batches.length) {
            return true;
        }
        close();
        onExhausted.run();
        return false;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed && nextToReturn < batches.length
                    ? "the DataLoader iterator was closed" : "the DataLoader epoch has ended");
        }
        int batch = nextToReturn;
        nextToReturn++;
        if (pool == null) {
            return loader.load(batches[batch]);
        }
        Future<Batch> future = pending.removeFirst();
        fill();
        try {
            return future.get();
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            throw new WorkerException("Caught " + cause.getClass().getSimpleName() + " in DataLoader worker loading batch "
                    + batch + " (indices " + Arrays.toString(batches[batch]) + "): " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for DataLoader batch " + batch, e);
        } catch (CancellationException e) {
            close();
            throw new IllegalStateException("DataLoader batch " + batch + " was cancelled", e);
        }
    }

    /** Stops the workers (interrupting loads in flight) and waits briefly for them to end. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pool == null) {
            return;
        }
        for (Future<Batch> f : pending) {
            f.cancel(true);
        }
        pending.clear();
        cleanable.clean();
    }

    /** Shuts a pool down; run by {@link #close()} or by the cleaner when an abandoned iterator is collected. */
    private record Shutdown(ThreadPoolExecutor pool) implements Runnable {
        @Override
        public void run() {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
