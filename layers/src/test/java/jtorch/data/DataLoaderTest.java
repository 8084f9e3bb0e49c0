package jtorch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.tensor.DType;
import jtorch.tensor.Generator;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    /** 10 samples: input i is the float vector [i, i], target i is the int64 scalar i. */
    private static Dataset<Sample> tenSamples() {
        return new Dataset<>() {
            @Override
            public int size() {
                return 10;
            }

            @Override
            public Sample get(int index) {
                Datasets.checkIndex(index, 10);
                return new Sample(Torch.tensor(new float[] {index, index}), Torch.tensor(new long[] {index}).reshape());
            }
        };
    }

    private static List<List<Long>> epoch(DataLoader loader) {
        List<List<Long>> out = new ArrayList<>();
        for (Batch b : loader) {
            List<Long> ids = new ArrayList<>();
            for (long v : b.targets().toLongArray()) {
                ids.add(v);
            }
            out.add(ids);
        }
        return out;
    }

    @Test
    void stacksInputsAndInt64Targets() {
        var loader = new DataLoader(tenSamples(), 4);
        List<Batch> batches = new ArrayList<>();
        loader.forEach(batches::add);
        assertThat(batches).hasSize(3);
        assertThat(loader.size()).isEqualTo(3);
        assertThat(batches.get(0).inputs().shape()).containsExactly(4, 2);
        assertThat(batches.get(0).targets().shape()).containsExactly(4);
        assertThat(batches.get(0).targets().dtype()).isEqualTo(DType.INT64);
        assertThat(batches.get(2).targets().toLongArray()).containsExactly(8, 9);
        assertThat(batches.get(1).inputs().toFloatArray()).containsExactly(4, 4, 5, 5, 6, 6, 7, 7);
    }

    @Test
    void dropLastDropsTheShortBatch() {
        var loader = new DataLoader(tenSamples(), 4).dropLast(true);
        assertThat(epoch(loader)).containsExactly(List.of(0L, 1L, 2L, 3L), List.of(4L, 5L, 6L, 7L));
        assertThat(loader.size()).isEqualTo(2);
    }

    /** Expected orders printed by PyTorch 1.13 (torch.utils.data.DataLoader over TensorDataset(arange(10))). */
    @Test
    void shuffleMatchesPyTorchWithTheDefaultGenerator() {
        Torch.manualSeed(0);
        var loader = new DataLoader(tenSamples(), 3).shuffle(true);
        assertThat(epoch(loader)).containsExactly(List.of(6L, 7L, 1L), List.of(4L, 2L, 0L), List.of(9L, 8L, 3L), List.of(5L));
        assertThat(epoch(loader)).containsExactly(List.of(2L, 4L, 7L), List.of(0L, 8L, 9L), List.of(5L, 3L, 6L), List.of(1L));
        assertThat(Torch.rand(2).toFloatArray()).containsExactly(new float[] {0.4556f, 0.6323f}, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void shuffleMatchesPyTorchWithAGenerator() {
        var loader = new DataLoader(tenSamples(), 4).shuffle(true).dropLast(true).generator(new Generator(42));
        assertThat(epoch(loader)).containsExactly(List.of(6L, 5L, 4L, 0L), List.of(8L, 9L, 2L, 1L));
        assertThat(epoch(loader)).containsExactly(List.of(3L, 6L, 5L, 8L), List.of(9L, 4L, 2L, 0L));
    }

    @Test
    void plainIterationDrawsTheBaseSeedLikePyTorch() {
        Torch.manualSeed(0);
        epoch(new DataLoader(tenSamples(), 4));
        // PyTorch: manual_seed(0); iterate; rand(2) -> [0.0885, 0.1320] (the 3rd and 4th draws)
        assertThat(Torch.rand(2).toFloatArray()).containsExactly(new float[] {0.0885f, 0.1320f}, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void workersGiveTheSameBatchesInTheSameOrder() {
        for (int workers : new int[] {1, 2, 3}) {
            var a = new DataLoader(tenSamples(), 3).shuffle(true).generator(new Generator(7));
            var b = new DataLoader(tenSamples(), 3).shuffle(true).generator(new Generator(7)).numWorkers(workers);
            for (int e = 0; e < 3; e++) {
                List<Batch> left = new ArrayList<>();
                a.forEach(left::add);
                List<Batch> right = new ArrayList<>();
                b.forEach(right::add);
                assertThat(right).hasSameSizeAs(left);
                for (int i = 0; i < left.size(); i++) {
                    assertThat(Torch.equal(left.get(i).inputs(), right.get(i).inputs())).isTrue();
                    assertThat(Torch.equal(left.get(i).targets(), right.get(i).targets())).isTrue();
                }
            }
        }
        assertNoWorkerThreads();
    }

    @Test
    void workerExceptionPropagatesWithItsCause() {
        var failing = new Dataset<Sample>() {
            @Override
            public int size() {
                return 10;
            }

            @Override
            public Sample get(int index) {
                if (index == 5) {
                    throw new IllegalStateException("corrupt record 5");
                }
                return tenSamples().get(index);
            }
        };
        var loader = new DataLoader(failing, 2).numWorkers(2);
        var it = loader.iterator();
        it.next();
        it.next();
        assertThatThrownBy(it::next)
                .isInstanceOf(WorkerException.class)
                .hasMessageContaining("batch 2")
                .hasMessageContaining("corrupt record 5")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(it.hasNext()).isFalse();
        assertNoWorkerThreads();
    }

    @Test
    void closeAndAbandonLeakNoThreads() throws Exception {
        var loader = new DataLoader(tenSamples(), 1).numWorkers(3);
        try (var it = loader.iterator()) {
            it.next();
        }
        assertNoWorkerThreads();
        for (Batch b : loader) {
            if (b.targets().toLongArray()[0] == 2) {
                break;   // abandoned without close()
            }
        }
        assertNoWorkerThreads();
    }

    @Test
    void customCollate() {
        Dataset<String> words = new Dataset<>() {
            @Override
            public int size() {
                return 5;
            }

            @Override
            public String get(int index) {
                return "w".repeat(index + 1);
            }
        };
        Collate<String> lengths = ws -> {
            float[] x = new float[ws.size()];
            long[] y = new long[ws.size()];
            for (int i = 0; i < ws.size(); i++) {
                x[i] = ws.get(i).length();
                y[i] = i;
            }
            return new Batch(Torch.tensor(x), Torch.tensor(y));
        };
        List<Batch> out = new ArrayList<>();
        new DataLoader(words, 2, lengths).numWorkers(1).forEach(out::add);
        assertThat(out).hasSize(3);
        assertThat(out.get(2).inputs().toFloatArray()).containsExactly(5f);
    }

    @Test
    void emptyDatasetHasNoBatches() {
        var empty = new TensorDataset(Torch.zeros(0, 3), Torch.zeros(0));
        assertThat(new DataLoader(empty, 4).numWorkers(2).iterator().hasNext()).isFalse();
    }

    @Test
    void badArguments() {
        assertThatThrownBy(() -> new DataLoader(tenSamples(), 0)).hasMessageContaining("batch_size=0");
        assertThatThrownBy(() -> new DataLoader(tenSamples(), 2).numWorkers(-1)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new DataLoader(null, 2)).isInstanceOf(NullPointerException.class).hasMessageContaining("dataset");
        var it = new DataLoader(tenSamples(), 20).iterator();
        it.next();
        assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
        var mixed = new Dataset<Sample>() {
            @Override
            public int size() {
                return 2;
            }

            @Override
            public Sample get(int index) {
                return new Sample(Torch.zeros(index + 1), Torch.zeros(1));
            }
        };
        assertThatThrownBy(() -> new DataLoader(mixed, 2).iterator().next())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stack expects each tensor to be equal size");
    }

    static void assertNoWorkerThreads() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> alive = workerThreads();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            alive = workerThreads();
        }
        assertThat(alive).as("leaked DataLoader worker threads").isEmpty();
    }

    private static List<String> workerThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(BatchIterator.THREAD_NAME_PREFIX)) {
                names.add(t.getName());
            }
        }
        return names;
    }

    @SuppressWarnings("unused")
    private static String str(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
