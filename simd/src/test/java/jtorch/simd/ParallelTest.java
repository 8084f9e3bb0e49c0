package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParallelTest {
    private final int savedThreads = Parallel.getNumThreads();

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(savedThreads);
    }

    @ParameterizedTest(name = "[{0}, {1}) minChunk={2} threads={3}")
    @CsvSource({
        "0, 1000, 1, 2",
        "5, 1006, 7, 3",
        "0, 3, 1, 4",
        "-10, 10, 1, 2",
        "0, 100000, 1000, 2",
        "0, 17, 100, 2",
    })
    void coversTheRangeExactlyOnce(int from, int to, int minChunk, int threads) {
        Parallel.setNumThreads(threads);
        AtomicIntegerArray hits = new AtomicIntegerArray(to - from);
        for (int rep = 0; rep < 50; rep++) {
            Parallel.forRange(from, to, minChunk, (lo, hi) -> {
                assertThat(hi - lo).isPositive();
                for (int i = lo; i < hi; i++) {
                    hits.incrementAndGet(i - from);
                }
            });
        }
        for (int i = 0; i < hits.length(); i++) {
            assertThat(hits.get(i)).as("hits of index %d", i + from).isEqualTo(50);
        }
    }

    @Test
    void emptyRangeRunsNothing() {
        Parallel.forRange(5, 5, 1, (lo, hi) -> {
            throw new AssertionError("must not run");
        });
        Parallel.forRange(5, 2, 1, (lo, hi) -> {
            throw new AssertionError("must not run");
        });
    }

    @Test
    void usesMoreThanOneThread() {
        Parallel.setNumThreads(2);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Parallel.forRange(0, 2, 1, (lo, hi) -> {
            threads.add(Thread.currentThread());
            sleepQuietly();
        });
        assertThat(threads).hasSize(2).contains(Thread.currentThread());
    }

    @Test
    void nestedCallsRunInline() {
        Parallel.setNumThreads(2);
        assertThat(Parallel.inParallelRegion()).isFalse();
        AtomicIntegerArray hits = new AtomicIntegerArray(100);
        Parallel.forRange(0, 10, 1, (lo, hi) -> {
            assertThat(Parallel.inParallelRegion()).isTrue();
            Thread outer = Thread.currentThread();
            for (int i = lo; i < hi; i++) {
                int row = i;
                Parallel.forRange(0, 10, 1, (lo2, hi2) -> {
                    assertThat(Thread.currentThread()).isSameAs(outer);
                    assertThat(lo2).isZero();
                    assertThat(hi2).isEqualTo(10);
                    for (int j = lo2; j < hi2; j++) {
                        hits.incrementAndGet(row * 10 + j);
                    }
                });
            }
        });
        assertThat(Parallel.inParallelRegion()).isFalse();
        for (int i = 0; i < 100; i++) {
            assertThat(hits.get(i)).isEqualTo(1);
        }
    }

    @Test
    void exceptionsFromWorkersPropagate() {
        Parallel.setNumThreads(2);
        assertThatThrownBy(() -> Parallel.forRange(0, 100, 1, (lo, hi) -> {
            if (hi == 100) {
                throw new IllegalStateException("boom in the last chunk");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom in the last chunk");
        assertThatThrownBy(() -> Parallel.forRange(0, 100, 1, (lo, hi) -> {
            if (lo == 0) {
                throw new ArithmeticException("boom in the caller's chunk");
            }
        })).isInstanceOf(ArithmeticException.class);
        // The pool is still usable afterwards.
        AtomicIntegerArray hits = new AtomicIntegerArray(100);
        Parallel.forRange(0, 100, 1, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                hits.incrementAndGet(i);
            }
        });
        assertThat(hits.get(0) + hits.get(99)).isEqualTo(2);
    }

    @Test
    void setNumThreadsValidates() {
        assertThatThrownBy(() -> Parallel.setNumThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set_num_threads expects a positive integer");
        assertThatThrownBy(() -> Parallel.setNumThreads(-3)).isInstanceOf(IllegalArgumentException.class);
        Parallel.setNumThreads(3);
        assertThat(Parallel.getNumThreads()).isEqualTo(3);
    }

    @Test
    void oneThreadRunsInline() {
        Parallel.setNumThreads(1);
        Thread caller = Thread.currentThread();
        Parallel.forRange(0, 1000, 1, (lo, hi) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            assertThat(lo).isZero();
            assertThat(hi).isEqualTo(1000);
        });
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
