package jtorch.vision.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.data.Batch;
import jtorch.data.DataLoader;
import jtorch.data.Sample;
import jtorch.tensor.DType;
import jtorch.vision.Npy;
import jtorch.vision.transforms.ToTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR against the reference mini set: exact pixels and labels vs. the .npy files numpy wrote. */
class CifarTest {
    static Path mini() {
        try {
            return Path.of(CifarTest.class.getResource("/cifar10-mini").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The expected [N, 3072] bytes and labels of a split, concatenated over its batches. */
    private static byte[] expectedData(boolean train) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String b : batches(train)) {
            out.write(Npy.read(mini().resolve(b + "_expected_data.npy")).u1());
        }
        return out.toByteArray();
    }

    private static long[] expectedLabels(boolean train) throws IOException {
        List<Long> all = new ArrayList<>();
        for (String b : batches(train)) {
            for (long v : Npy.read(mini().resolve(b + "_expected_labels.npy")).i8()) {
                all.add(v);
            }
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<String> batches(boolean train) {
        return train ? List.of("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5") : List.of("test_batch");
    }

    private static void assertMatchesReference(CIFAR10 ds, boolean train) throws IOException {
        byte[] data = expectedData(train);
        long[] labels = expectedLabels(train);
        assertThat(ds.size()).isEqualTo(labels.length);
        for (int i = 0; i < ds.size(); i++) {
            assertThat((long) ds.target(i)).as("label %d", i).isEqualTo(labels[i]);
            var img = ds.image(i);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    int expected = data[i * 3072 + c * 1024 + p] & 0xff;
                    if (img.get(p / 32, p % 32, c) != expected) {
                        throw new AssertionError("image " + i + " channel " + c + " pixel " + p);
                    }
                }
            }
        }
    }

    @Test
    void picklesLayoutIsPreferredAndExact() throws IOException {
        for (boolean train : new boolean[] {true, false}) {
            var ds = new CIFAR10(mini(), train, null);
            assertThat(ds.folder().getFileName().toString()).isEqualTo("cifar-10-batches-py");
            assertMatchesReference(ds, train);
        }
    }

    @Test
    void binaryLayoutIsExact(@TempDir Path root) throws IOException {
        copyDir(mini().resolve("cifar-10-batches-bin"), root.resolve("cifar-10-batches-bin"));
        for (boolean train : new boolean[] {true, false}) {
            var ds = new CIFAR10(root, train, null);
            assertThat(ds.folder().getFileName().toString()).isEqualTo("cifar-10-batches-bin");
            assertMatchesReference(ds, train);
        }
    }

    @Test
    void samplesAreChwFloatsAndInt64Labels() throws IOException {
        var ds = new CIFAR10(mini(), false, new ToTensor());
        Sample s = ds.get(1);
        assertThat(s.input().shape()).containsExactly(3, 32, 32);
        assertThat(s.input().toFloatArray()[5]).isEqualTo((expectedData(false)[3072 + 5] & 0xff) / 255f);
        assertThat(s.target().dim()).isZero();
        assertThat(s.target().dtype()).isEqualTo(DType.INT64);
        assertThat(ds.classes()).hasSize(10).startsWith("airplane");
        // the seed's first batch: DataLoader(test set, 4, drop_last=True) -> targets tensor([3, 8, 8, 0])
        Batch first = new DataLoader(ds, 4).dropLast(true).iterator().next();
        assertThat(first.targets().toLongArray()).containsExactly(3, 8, 8, 0);
        assertThat(first.inputs().shape()).containsExactly(4, 3, 32, 32);
        assertThat(((Tensor) first.inputs()).dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void missingAndMalformedFilesAreNamed(@TempDir Path root) throws IOException {
        assertThatThrownBy(() -> new CIFAR10(root, true, null))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("dataset not found").hasMessageContaining("cifar-10-binary.tar.gz");
        Path bin = root.resolve("cifar-10-batches-bin");
        copyDir(mini().resolve("cifar-10-batches-bin"), bin);
        Files.delete(bin.resolve("data_batch_3.bin"));
        assertThatThrownBy(() -> new CIFAR10(root, true, null))
                .hasMessageContaining("data_batch_3.bin").hasMessageContaining("missing batch file");
        Files.write(bin.resolve("test_batch.bin"), new byte[3073 * 2 + 100]);
        assertThatThrownBy(() -> new CIFAR10(root, false, null))
                .hasMessageContaining("test_batch.bin").hasMessageContaining("truncated record");
        byte[] badLabel = new byte[3073];
        badLabel[0] = 10;
        Files.write(bin.resolve("test_batch.bin"), badLabel);
        assertThatThrownBy(() -> new CIFAR10(root, false, null)).hasMessageContaining("label 10");
        Path py = root.resolve("cifar-10-batches-py");
        copyDir(mini().resolve("cifar-10-batches-py"), py);
        byte[] pickle = Files.readAllBytes(py.resolve("test_batch"));
        Files.write(py.resolve("test_batch"), java.util.Arrays.copyOf(pickle, pickle.length / 2));
        assertThatThrownBy(() -> new CIFAR10(root, false, null))
                .hasMessageContaining("test_batch").hasMessageContaining("malformed or unsupported pickle");
    }

    @Test
    void pickleRefusesOtherGlobals(@TempDir Path dir) throws IOException {
        // protocol 2: GLOBAL 'os system', a string, TUPLE1, REDUCE, STOP
        byte[] evil = "\u0080\u0002cos\nsystem\nU\u0002lsR.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path f = dir.resolve("evil");
        Files.write(f, evil);
        assertThatThrownBy(() -> CifarPickleReader.read(f, "labels", 10))
                .hasMessageContaining(f.toString()).hasMessageContaining("GLOBAL os.system was not an allowed global");
    }

    @Test
    void cifar100BinaryReadsCoarseAndFineLabels(@TempDir Path root) throws IOException {
        Path bin = Files.createDirectories(root.resolve("cifar-100-binary"));
        byte[] records = new byte[2 * 3074];
        records[0] = 4;
        records[1] = 99;
        records[2] = 7;   // first pixel, red
        records[3074] = 19;
        records[3075] = 0;
        Files.write(bin.resolve("train.bin"), records);
        var ds = new CIFAR100(root, true, null);
        assertThat(ds.targets()).containsExactly(99, 0);
        assertThat(ds.coarseTargets()).containsExactly(4, 19);
        assertThat(ds.image(0).get(0, 0, 0)).isEqualTo(7);
        assertThat(ds.classes()).hasSize(100).endsWith("worm");
        assertThatThrownBy(() -> ds.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(f.getFileName().toString());
                Files.copy(f, t);
                t.toFile().setWritable(true);
            }
        }
    }
}
