package jtorch.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jtorch.tensor.io.SafetensorsFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer (Jazzer is not served to this build): random byte flips, insertions, deletions,
 * truncations and splices of valid .pth, pickle and safetensors files. Each case may only succeed or throw
 * the documented exceptions ({@link UnpicklingException}, {@link ZipFormatException},
 * {@link PthFormatException}, {@link SafetensorsFormatException}); it must finish within a per-case timeout
 * and must not run out of memory. Time per target: {@code -Djtorch.fuzz.seconds} (default 5; CI's budget
 * is 20 s over the four targets); seed: {@code -Djtorch.fuzz.seed}.
 */
class FuzzTest {
    private static final long SECONDS = Long.getLong("jtorch.fuzz.seconds", 5);
    private static final long SEED = Long.getLong("jtorch.fuzz.seed", 20261128L);
    private static final long CASE_TIMEOUT_MS = 5_000;

    @TempDir
    Path dir;

    @FunctionalInterface
    interface Target {
        void run(byte[] input, Path scratch) throws Exception;
    }

    @Test
    void unpickler() throws Exception {
        fuzz(List.of(Fixtures.bytes("cifar_data_batch_1"), Fixtures.bytes("numpy_protocol2.pkl"),
                Fixtures.bytes("numpy_protocol5.pkl"), pickleOf("shared_storage.pth")),
                (in, p) -> new Unpickler(in, PickleGlobals.numpy()).load());
    }

    @Test
    void zipReader() throws Exception {
        fuzz(List.of(Fixtures.bytes("shared_storage.pth"), Fixtures.bytes("bn_net_state_dict.pth")), (in, p) -> {
            Files.write(p, in);
            try (ZipReader z = ZipReader.open(p)) {
                for (ZipRecord r : z.records()) {
                    z.readAll(r, 1 << 20);
                }
            }
        });
    }

    @Test
    void pth() throws Exception {
        fuzz(List.of(Fixtures.bytes("shared_storage.pth"), Fixtures.bytes("bn_net_state_dict.pth")), (in, p) -> {
            Files.write(p, in);
            PthFormat.read(p);
        });
    }

    @Test
    void safetensors() throws Exception {
        fuzz(List.of(Fixtures.bytes("shared_storage_expected.safetensors"), Fixtures.bytes("bn_net_io.safetensors")),
                (in, p) -> {
                    Files.write(p, in);
                    Safetensors.load(p);
                });
    }

    private byte[] pickleOf(String pth) throws IOException {
        Path p = Fixtures.copy(pth, dir);
        try (ZipReader z = ZipReader.open(p)) {
            return z.readAll(z.record("shared_storage/data.pkl"), 1 << 20);
        }
    }

    private void fuzz(List<byte[]> corpus, Target target) throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);   // NOTE: a hung case must not keep the JVM alive
            return t;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int cases = 0;
        try {
            while (System.nanoTime() < deadline) {
                byte[] input = mutate(corpus, rnd);
                Path scratch = dir.resolve("case" + (cases % 2));
                Future<?> f = pool.submit(() -> {
                    target.run(input, scratch);
                    return null;
                });
                try {
                    f.get(CASE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    fail("case " + cases + " (seed " + SEED + ") did not finish in " + CASE_TIMEOUT_MS + " ms");
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (!(c instanceof UnpicklingException || c instanceof ZipFormatException
                            || c instanceof PthFormatException || c instanceof SafetensorsFormatException)) {
                        throw new AssertionError("case " + cases + " (seed " + SEED + ") threw an undocumented " + c, c);
                    }
                }
                cases++;
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("fuzzed " + cases + " cases");
    }

    private static byte[] mutate(List<byte[]> corpus, SplittableRandom rnd) {
        byte[] b = corpus.get(rnd.nextInt(corpus.size())).clone();
        int edits = 1 + rnd.nextInt(8);
        for (int i = 0; i < edits && b.length > 0; i++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(6)) {
                case 0 -> b[at] = (byte) rnd.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 2 -> b = java.util.Arrays.copyOf(b, at);   // truncate
                case 3 -> {
                    // an interesting integer: lengths and counts near the limits
                    int[] magic = {0, 1, 0x7f, 0xff, 0xffff, 0x7fffffff, 0xffffffff, 0x80000000};
                    int v = magic[rnd.nextInt(magic.length)];
                    for (int k = 0; k < 4 && at + k < b.length; k++) {
                        b[at + k] = (byte) (v >>> (8 * k));
                    }
                }
                case 4 -> {
                    int len = rnd.nextInt(Math.min(64, b.length - at) + 1);
                    byte[] out = new byte[b.length + len];
                    System.arraycopy(b, 0, out, 0, at + len);
                    System.arraycopy(b, at, out, at + len, b.length - at);   // duplicate a run
                    b = out;
                }
                default -> {
                    int len = rnd.nextInt(Math.min(64, b.length - at) + 1);
                    byte[] out = new byte[b.length - len];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + len, out, at, b.length - at - len);   // delete a run
                    b = out;
                }
            }
        }
        return b;
    }
}
