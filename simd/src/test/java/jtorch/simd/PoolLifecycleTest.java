package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The intra-op pool's threads: daemon, parked when idle, and stopped when the thread count is lowered. */
class PoolLifecycleTest {
    private static List<Thread> poolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("jtorch-intraop-")).toList();
    }

    private static void runRegion(int chunks) {
        AtomicInteger done = new AtomicInteger();
        Parallel.forRange(0, chunks, 1, (from, to) -> {
            long until = System.nanoTime() + 2_000_000;   // long enough that every worker takes its chunk
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            done.addAndGet(to - from);
        });
        assertThat(done.get()).isEqualTo(chunks);
    }

    @Test
    void workersAreDaemonIdleAndStopWhenTheCountDrops() throws InterruptedException {
        int before = Parallel.getNumThreads();
        try {
            Parallel.setNumThreads(4);
            runRegion(4);
            List<Thread> threads = poolThreads();
            assertThat(threads).hasSizeGreaterThanOrEqualTo(3).allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
            Thread.sleep(100);   // past the 100 us spin: idle workers park
            assertThat(threads).allSatisfy(t -> assertThat(t.getState()).as(t.getName()).isEqualTo(Thread.State.WAITING));

            Parallel.setNumThreads(2);
            for (Thread t : threads) {
                if (!t.getName().equals("jtorch-intraop-1")) {
                    t.join(5_000);
                }
            }
            assertThat(poolThreads()).extracting(Thread::getName).containsExactly("jtorch-intraop-1");
            runRegion(2);   // the remaining worker still serves regions

            Parallel.setNumThreads(1);
            for (Thread t : threads) {
                t.join(5_000);
            }
            assertThat(poolThreads()).as("no pool threads after setNumThreads(1)").isEmpty();

            Parallel.setNumThreads(3);
            runRegion(3);   // and the pool grows again on demand
            assertThat(poolThreads()).hasSize(2);
        } finally {
            Parallel.setNumThreads(before);
        }
    }
}
