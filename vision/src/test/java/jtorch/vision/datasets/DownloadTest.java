package jtorch.vision.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** download=true against an HTTP server on loopback serving generated archives. */
class DownloadTest {
    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String name = ex.getRequestURI().getPath().substring(1);
            hits.merge(name, 1, Integer::sum);
            byte[] body = files.get(name);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
            }
            ex.close();
        });
        server.start();
        System.setProperty("jtorch.datasets.baseUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("jtorch.datasets."))
                .forEach(System::clearProperty);
    }

    private static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    private static byte[] cifarArchive() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cifar-10-batches-bin/", null);
        Path bin = CifarTest.mini().resolve("cifar-10-batches-bin");
        for (String f : new String[] {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin", "batches.meta.txt"}) {
            entries.put("cifar-10-batches-bin/" + f, Files.readAllBytes(bin.resolve(f)));
        }
        return TestArchives.gzip(TestArchives.tar(entries));
    }

    @Test
    void cifar10DownloadsChecksAndExtracts(@TempDir Path root) throws Exception {
        byte[] archive = cifarArchive();
        files.put("cifar-10-binary.tar.gz", archive);
        System.setProperty("jtorch.datasets.md5.cifar-10-binary.tar.gz", md5(archive));
        var ds = new CIFAR10(root, false, null, true);
        assertThat(ds.size()).isEqualTo(64);
        assertThat(ds.target(0)).isEqualTo(3);
        assertThat(Files.isRegularFile(root.resolve("cifar-10-binary.tar.gz"))).isTrue();
        new CIFAR10(root, true, null, true);   // already there: no second download
        assertThat(hits.get("cifar-10-binary.tar.gz")).isEqualTo(1);
    }

    @Test
    void md5MismatchIsAnErrorAndLeavesNothing(@TempDir Path root) throws Exception {
        files.put("cifar-10-binary.tar.gz", cifarArchive());
        assertThatThrownBy(() -> new CIFAR10(root, false, null, true))
                .hasMessageContaining("MD5 mismatch").hasMessageContaining("expected c32a1d4ab5d03f1284b67883e8d87530");
        try (var left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void fashionMnistDownloadsGzFiles(@TempDir Path root) throws Exception {
        for (String f : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            byte[] b = MnistTest.sampleBytes(f);
            files.put(f, b);
            System.setProperty("jtorch.datasets.md5." + f, md5(b));
        }
        var ds = new FashionMNIST(root, false, null, true);
        assertThat(ds.size()).isEqualTo(500);
        assertThat(Files.isRegularFile(root.resolve("FashionMNIST/raw/t10k-images-idx3-ubyte"))).isTrue();
        assertThat(Files.isRegularFile(root.resolve("FashionMNIST/raw/t10k-images-idx3-ubyte.gz"))).isTrue();
    }

    @Test
    void unreachableServerNamesUrlAndWhereToPutFiles(@TempDir Path root) {
        System.setProperty("jtorch.datasets.baseUrl", "http://127.0.0.1:1/mirror/");
        assertThatThrownBy(() -> new CIFAR10(root, true, null, true))
                .hasMessageContaining("could not download http://127.0.0.1:1/mirror/cifar-10-binary.tar.gz")
                .hasMessageContaining("put it at " + root.resolve("cifar-10-binary.tar.gz"));
        System.setProperty("jtorch.datasets.baseUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
        assertThatThrownBy(() -> new MNIST(root, true, null, true)).hasMessageContaining("HTTP 404").hasMessageContaining("train-images-idx3-ubyte.gz");
    }

    @Test
    void tarReaderRejectsTraversalAbsoluteNamesAndBadChecksums(@TempDir Path dir) throws IOException {
        for (String bad : new String[] {"../evil.txt", "a/../../evil.txt", "/etc/evil.txt"}) {
            byte[] tar = TestArchives.tar(Map.of(bad, new byte[] {1}));
            assertThatThrownBy(() -> TarReader.extract(new ByteArrayInputStream(tar), dir, 1 << 20, "t.tar"))
                    .hasMessageContaining(bad);
        }
        byte[] tar = TestArchives.tar(Map.of("ok.txt", new byte[] {1, 2}));
        tar[0] = 'X';
        assertThatThrownBy(() -> TarReader.extract(new ByteArrayInputStream(tar), dir, 1 << 20, "t.tar"))
                .hasMessageContaining("checksum");
        byte[] big = TestArchives.tar(Map.of("big.bin", new byte[2048]));
        assertThatThrownBy(() -> TarReader.extract(new ByteArrayInputStream(big), dir, 1000, "t.tar"))
                .hasMessageContaining("limit");
        byte[] link = new byte[1536];
        System.arraycopy(TestArchives.header("link", 0, '2'), 0, link, 0, 512);
        assertThatThrownBy(() -> TarReader.extract(new ByteArrayInputStream(link), dir, 1 << 20, "t.tar"))
                .hasMessageContaining("links");
        byte[] truncated = java.util.Arrays.copyOf(TestArchives.tar(Map.of("f", new byte[600])), 700);
        assertThatThrownBy(() -> TarReader.extract(new ByteArrayInputStream(truncated), dir, 1 << 20, "t.tar"))
                .hasMessageContaining("truncated");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).doesNotContain("evil.txt");
        }
        assertThat(Files.exists(dir.getParent().resolve("evil.txt"))).isFalse();
    }
}
