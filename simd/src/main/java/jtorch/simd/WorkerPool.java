package jtorch.simd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The worker threads behind {@link Parallel}: daemon threads, created on first use, grown when
 * {@link Parallel#setNumThreads} asks for more and stopped when it asks for fewer, each with a one-slot mailbox.
 * Idle workers park (after a short spin), so an idle pool costs no CPU.
 *
 * <p>Hand-off is built for many short regions in a row (a training step issues thousands of small GEMMs):
 * an idle worker spins for {@link #SPIN_NANOS} before it parks, and the caller spins before it parks while
 * waiting for the last chunk.
 * PERF: waking a parked thread can cost tens of microseconds, as long as a whole 128x128x128 SGEMM (~20 us at
 * 200 GFLOP/s). Measured on this 2-core CPU while other builds ran (load ~5, so rough): 2-thread SGEMM at n = 128
 * peaked at 136 GFLOP/s with SPIN_NANOS = 0 and 269 GFLOP/s with 100 us of spinning; at n = 192, 116 vs 343.
 */
final class WorkerPool {
    static final WorkerPool INSTANCE = new WorkerPool();

    /** How long an idle worker polls for the next task before it parks; bounded, because the cores are shared. */
    private static final long SPIN_NANOS = 100_000;

    private static final ThreadLocal<boolean[]> CALLER_IN_REGION = ThreadLocal.withInitial(() -> new boolean[1]);

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Worker> workers = new ArrayList<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread waitingCaller;
    private Throwable failure;

    private WorkerPool() {}

    static boolean inRegion() {
        Thread t = Thread.currentThread();
        if (t instanceof Worker) {
            return true;
        }
        return CALLER_IN_REGION.get()[0];
    }

    /**
     * Runs chunk {@code i} = {@code [bounds[i], bounds[i+1])} of {@code body} on worker {@code i-1} and chunk 0 on
     * the calling thread. Returns false, running nothing, when another caller holds the pool.
     */
    boolean tryRun(int[] bounds, Parallel.RangeBody body) {
        if (!lock.tryLock()) {
            return false;
        }
        boolean[] flag = CALLER_IN_REGION.get();
        try {
            int chunks = bounds.length - 1;
            ensureWorkers(chunks - 1);
            failure = null;
            pending.set(chunks - 1);
            for (int i = 1; i < chunks; i++) {
                workers.get(i - 1).post(bounds[i], bounds[i + 1], body);
            }
            flag[0] = true;
            Throwable own = null;
            try {
                body.run(bounds[0], bounds[1]);
            } catch (Throwable t) {
                own = t;
            }
            awaitWorkers();
            rethrow(own);
            return true;
        } finally {
            flag[0] = false;
            lock.unlock();
        }
    }

    /**
     * Stops the workers beyond the first {@code keep} (after {@link Parallel#setNumThreads} lowered the count): waits
     * for a running region to finish, then each retired worker leaves its loop and its thread ends.
     */
    void trim(int keep) {
        lock.lock();
        try {
            while (workers.size() > Math.max(0, keep)) {
                workers.remove(workers.size() - 1).retire();
            }
        } finally {
            lock.unlock();
        }
    }

    private void ensureWorkers(int count) {
        while (workers.size() < count) {
            Worker w = new Worker(workers.size() + 1);
            workers.add(w);
            w.start();
        }
    }

    private void awaitWorkers() {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (pending.get() != 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            waitingCaller = Thread.currentThread();
            if (pending.get() != 0) {
                LockSupport.park(this);
            }
            waitingCaller = null;
        }
    }

    private void rethrow(Throwable own) {
        Throwable first = own;
        Throwable fromWorkers;
        synchronized (this) {
            fromWorkers = failure;
            failure = null;
        }
        if (first == null) {
            first = fromWorkers;
        } else if (fromWorkers != null) {
            first.addSuppressed(fromWorkers);
        }
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error err) {
            throw err;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }

    private void chunkDone(Throwable t) {
        if (t != null) {
            synchronized (this) {
                if (failure == null) {
                    failure = t;
                } else {
                    failure.addSuppressed(t);
                }
            }
        }
        if (pending.decrementAndGet() == 0) {
            Thread caller = waitingCaller;
            if (caller != null) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** One pool thread; its mailbox holds at most one chunk, written by the caller under the pool's lock. */
    private final class Worker extends Thread {
        private int from;
        private int to;
        private Parallel.RangeBody body;
        /** Bumped (volatile write) after the fields above are set; the worker runs when it sees a new value. */
        private volatile long posted;
        private long taken;
        private volatile boolean parked;
        private volatile boolean retired;

        Worker(int index) {
            super("jtorch-intraop-" + index);
            setDaemon(true);
        }

        void post(int from, int to, Parallel.RangeBody body) {
            this.from = from;
            this.to = to;
            this.body = body;
            posted = posted + 1;
            // NOTE: volatile write of posted, then volatile read of parked; the worker does the mirror image, so
            // at least one side sees the other and no wake-up is lost.
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        void retire() {
            retired = true;
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                awaitPost();
                if (posted == taken) {
                    return;   // retired, and no chunk pending (trim holds the pool's lock, so none can be posted)
                }
                taken = posted;
                Parallel.RangeBody b = body;
                body = null;
                Throwable t = null;
                try {
                    b.run(from, to);
                } catch (Throwable e) {
                    t = e;
                }
                chunkDone(t);
            }
        }

        private void awaitPost() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (posted == taken && !retired) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                if (posted == taken && !retired) {
                    LockSupport.park(this);
                }
                parked = false;
                spinUntil = System.nanoTime() + SPIN_NANOS;
            }
        }
    }
}
