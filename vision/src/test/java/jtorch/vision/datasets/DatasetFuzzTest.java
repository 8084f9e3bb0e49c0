package jtorch.vision.datasets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer for the dataset readers, in the style of autograd's {@code jtorch.io.FuzzTest}: random
 * byte flips, interesting integers, insertions, deletions and truncations of valid IDX files (plain and
 * gzipped; images and labels), CIFAR binary batches (CIFAR-10's 1-byte and CIFAR-100's 2-byte label records)
 * and CIFAR pickle batches. Each case may only succeed or throw {@link DatasetFormatException} with a message
 * naming the file; it must finish within a per-case timeout and must not run out of memory. Time per target:
 * {@code -Djtorch.fuzz.seconds} (default 5); seed: {@code -Djtorch.fuzz.seed}.
 */
class DatasetFuzzTest {
    private static final long SECONDS = Long.getLong("jtorch.fuzz.seconds", 5);
    private static final long SEED = Long.getLong("jtorch.fuzz.seed", 20261129L);
    private static final long CASE_TIMEOUT_MS = 5_000;

    @TempDir
    Path dir;

    @FunctionalInterface
    interface Target {
        void run(Path file) throws IOException;
    }

    @Test
    void idx() throws Exception {
        fuzz(List.of(smallIdx(true), smallIdx(false)), "train-images-idx3-ubyte",
                file -> either(() -> IdxReader.read(file, IdxReader.IMAGES_MAGIC), () -> IdxReader.read(file, IdxReader.LABELS_MAGIC)));
    }

    @Test
    void idxGzipped() throws Exception {
        fuzz(List.of(gzip(smallIdx(true)), gzip(smallIdx(false))), "train-images-idx3-ubyte.gz",
                file -> either(() -> IdxReader.read(file, IdxReader.IMAGES_MAGIC), () -> IdxReader.read(file, IdxReader.LABELS_MAGIC)));
    }

    @Test
    void cifarBin() throws Exception {
        byte[] cifar10 = Arrays.copyOf(mini("cifar-10-batches-bin/data_batch_1.bin"), 3 * 3073);
        byte[] cifar100 = new byte[3 * 3074];
        for (int i = 0; i < 3; i++) {
            cifar100[i * 3074] = (byte) (7 * i);
            cifar100[i * 3074 + 1] = (byte) (33 * i);
            System.arraycopy(cifar10, i * 3073 + 1, cifar100, i * 3074 + 2, 3072);
        }
        fuzz(List.of(cifar10, cifar100), "data_batch_1.bin",
                file -> either(() -> CifarBinReader.read(file, 1, 10), () -> CifarBinReader.read(file, 2, 100)));
    }

    @Test
    void cifarPickle() throws Exception {
        fuzz(List.of(mini("cifar-10-batches-py/data_batch_1")), "data_batch_1",
                file -> either(() -> CifarPickleReader.read(file, "labels", 10), () -> CifarPickleReader.read(file, "fine_labels", 100)));
    }

    @FunctionalInterface
    interface Read {
        Object read() throws IOException;
    }

    /** Reads the file one way, and when that refuses it, the other (images or labels, CIFAR-10 or CIFAR-100). */
    private static void either(Read first, Read second) throws IOException {
        try {
            first.read();
        } catch (DatasetFormatException e) {
            second.read();
        }
    }

    /** Found by {@link #idxGzipped}: a bad CRC or a cut deflate stream surfaced as a bare {@code ZipException} or {@code EOFException} naming no file. */
    @Test
    void corruptGzipIsAFormatErrorNamingTheFile() throws Exception {
        byte[] gz = gzip(smallIdx(true));
        gz[gz.length - 8] ^= 0x55;   // the trailer's CRC-32
        Path file = dir.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(file, gz);
        assertThatThrownBy(() -> IdxReader.read(file, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining(file.toString()).hasMessageContaining("gzip");
        Files.write(file, Arrays.copyOf(gz, gz.length - 12));   // ends inside the deflate stream
        assertThatThrownBy(() -> IdxReader.read(file, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining(file.toString()).hasMessageContaining("gzip");
    }

    /** The bundled Fashion-MNIST sample cut to a few records: small inputs let the mutations reach the header. */
    private static byte[] smallIdx(boolean images) throws IOException {
        byte[] whole = MnistTest.gunzip(MnistTest.sampleBytes(images ? "t10k-images-idx3-ubyte.gz" : "t10k-labels-idx1-ubyte.gz"));
        int n = 3;
        int header = images ? 16 : 8;
        byte[] out = Arrays.copyOf(whole, header + n * (images ? 28 * 28 : 1));
        ByteBuffer.wrap(out).putInt(4, n);
        return out;
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(b);
        }
        return bytes.toByteArray();
    }

    private static byte[] mini(String name) throws IOException {
        return Files.readAllBytes(CifarTest.mini().resolve(name));
    }

    private void fuzz(List<byte[]> corpus, String fileName, Target target) throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);   // NOTE: a hung case must not keep the JVM alive
            return t;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int cases = 0;
        int refused = 0;
        try {
            while (System.nanoTime() < deadline) {
                byte[] input = mutate(corpus, rnd);
                Path file = Files.createDirectories(dir.resolve("case" + (cases % 2))).resolve(fileName);
                Files.write(file, input);
                Future<?> f = pool.submit(() -> {
                    target.run(file);
                    return null;
                });
                try {
                    f.get(CASE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    fail("case " + cases + " (seed " + SEED + ") did not finish in " + CASE_TIMEOUT_MS + " ms");
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (!(c instanceof DatasetFormatException) || !c.getMessage().contains(file.toString())) {
                        Files.write(dir.getParent().resolve("jtorch-fuzz-failure-" + fileName), input);
                        throw new AssertionError("case " + cases + " (seed " + SEED + ") threw an undocumented " + c, c);
                    }
                    refused++;
                }
                cases++;
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("fuzzed " + fileName + ": " + cases + " cases, " + refused + " refused");
    }

    private static byte[] mutate(List<byte[]> corpus, SplittableRandom rnd) {
        byte[] b = corpus.get(rnd.nextInt(corpus.size())).clone();
        int edits = 1 + rnd.nextInt(8);
        for (int i = 0; i < edits && b.length > 0; i++) {
            // half the edits land in the first 64 bytes, where the headers and the pickle's opcodes are
            int at = rnd.nextBoolean() ? rnd.nextInt(Math.min(64, b.length)) : rnd.nextInt(b.length);
            switch (rnd.nextInt(6)) {
                case 0 -> b[at] = (byte) rnd.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 2 -> b = Arrays.copyOf(b, at);   // truncate
                case 3 -> {
                    // an interesting integer, big-endian (IDX) or little-endian (pickle): lengths and counts near the limits
                    int[] magic = {0, 1, 3, 0x7f, 0xff, 0xffff, 0x7fffffff, 0xffffffff, 0x80000000, 0x40000000};
                    int v = magic[rnd.nextInt(magic.length)];
                    boolean big = rnd.nextBoolean();
                    for (int k = 0; k < 4 && at + k < b.length; k++) {
                        b[at + k] = (byte) (v >>> (big ? 24 - 8 * k : 8 * k));
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
