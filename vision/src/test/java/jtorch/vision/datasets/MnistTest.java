package jtorch.vision.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import jtorch.data.Batch;
import jtorch.data.DataLoader;
import jtorch.tensor.DType;
import jtorch.vision.transforms.Image;
import jtorch.vision.transforms.ToTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    private static int sum(Image img) {
        int s = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                s += img.get(y, x, 0);
            }
        }
        return s;
    }

    /** Expected values computed with Python from Debian's dataset-fashion-mnist files. */
    @Test
    void bundledSampleIsRealFashionMnist() {
        var train = FashionMNIST.bundledSample(true, new ToTensor());
        assertThat(train.size()).isEqualTo(2000);
        assertThat(java.util.Arrays.copyOf(train.targets(), 10)).containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
        assertThat(sum(train.image(0))).isEqualTo(76247);
        assertThat(sum(train.image(1999))).isEqualTo(49119);
        assertThat(train.image(0).get(14, 14, 0)).isEqualTo(217);
        var test = FashionMNIST.bundledSample(false, null);
        assertThat(test.size()).isEqualTo(500);
        assertThat(java.util.Arrays.copyOf(test.targets(), 10)).containsExactly(9, 2, 1, 1, 6, 1, 4, 6, 5, 7);
        assertThat(sum(test.image(0))).isEqualTo(33456);
        assertThat(test.classes().get(9)).isEqualTo("Ankle boot");
        Batch b = new DataLoader(test, 8).iterator().next();
        assertThat(b.inputs().shape()).containsExactly(8, 1, 28, 28);
        assertThat(b.targets().dtype()).isEqualTo(DType.INT64);
        assertThat(b.inputs().toFloatArray()[14 * 28 + 14]).isEqualTo(110 / 255f);
    }

    static byte[] sampleBytes(String name) throws IOException {
        try (InputStream in = MnistTest.class.getResourceAsStream("/jtorch/vision/fashion-mnist-sample/" + name)) {
            return in.readAllBytes();
        }
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsTorchvisionLayoutAndFlatFoldersGzippedOrNot(@TempDir Path root) throws IOException {
        Path raw = Files.createDirectories(root.resolve("FashionMNIST").resolve("raw"));
        Files.write(raw.resolve("t10k-images-idx3-ubyte"), gunzip(sampleBytes("t10k-images-idx3-ubyte.gz")));
        Files.write(raw.resolve("t10k-labels-idx1-ubyte.gz"), sampleBytes("t10k-labels-idx1-ubyte.gz"));
        var ds = new FashionMNIST(root, false, null);
        assertThat(ds.size()).isEqualTo(500);
        assertThat(sum(ds.image(0))).isEqualTo(33456);

        Path flat = Files.createDirectories(root.resolve("flat"));
        for (String f : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"}) {
            Files.write(flat.resolve(f), sampleBytes(f));
        }
        var mnistNamed = new MNIST(flat, true, null);
        assertThat(mnistNamed.size()).isEqualTo(2000);
        assertThat(mnistNamed.get(3).target().item()).isEqualTo(3.0);
    }

    @Test
    void debianFolderWhenInstalled() {
        Path debian = Path.of("/usr/share/datasets/fashion-mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(debian), "dataset-fashion-mnist is not installed");
        var ds = new FashionMNIST(debian, false, null);
        assertThat(ds.size()).isEqualTo(10000);
        assertThat(sum(ds.image(0))).isEqualTo(33456);
    }

    @Test
    void malformedFilesAreNamed(@TempDir Path root) throws IOException {
        assertThatThrownBy(() -> new FashionMNIST(root, true, null))
                .hasMessageContaining("dataset not found").hasMessageContaining("train-images-idx3-ubyte");
        byte[] labels = gunzip(sampleBytes("t10k-labels-idx1-ubyte.gz"));
        Files.write(root.resolve("t10k-labels-idx1-ubyte"), labels);
        // a header declaring a million 28x28 images in a 100-byte file: no 784 MB allocation, a clear error
        ByteBuffer lying = ByteBuffer.allocate(116).putInt(0x803).putInt(1_000_000).putInt(28).putInt(28);
        Files.write(root.resolve("t10k-images-idx3-ubyte"), lying.array());
        assertThatThrownBy(() -> new FashionMNIST(root, false, null))
                .hasMessageContaining("t10k-images-idx3-ubyte").hasMessageContaining("truncated");
        Files.write(root.resolve("t10k-images-idx3-ubyte"), labels);
        assertThatThrownBy(() -> new FashionMNIST(root, false, null)).hasMessageContaining("magic number 0x00000801, expected 0x00000803");
        byte[] images = gunzip(sampleBytes("t10k-images-idx3-ubyte.gz"));
        Files.write(root.resolve("t10k-images-idx3-ubyte"), images);
        Files.write(root.resolve("t10k-labels-idx1-ubyte"), java.util.Arrays.copyOf(labels, labels.length - 1));
        assertThatThrownBy(() -> new FashionMNIST(root, false, null)).hasMessageContaining("truncated");
        Files.delete(root.resolve("t10k-labels-idx1-ubyte"));
        Files.write(root.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> new FashionMNIST(root, false, null)).hasMessageContaining("t10k-labels-idx1-ubyte.gz");
    }
}
