package jtorch.vision.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint cache and downloader, against a loopback HTTP server. */
class HubTest {
    @TempDir
    Path home;

    private HttpServer server;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/models/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/models/".length());
            byte[] body = files.get(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        System.setProperty("jtorch.home", home.toString());
        System.setProperty("jtorch.hub.baseUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/models/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty("jtorch.home");
        System.clearProperty("jtorch.hub.baseUrl");
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** A real checkpoint: a small state dict saved in PyTorch's format, named with its hash prefix. */
    private String publish(Map<String, Tensor> stateDict, String stem) throws Exception {
        Path tmp = Files.createTempFile("ckpt", ".pth");
        Torch.save(stateDict, tmp);
        byte[] bytes = Files.readAllBytes(tmp);
        String name = stem + "-" + sha256(bytes).substring(0, 8) + ".pth";
        files.put(name, bytes);
        return "https://download.pytorch.org/models/" + name;
    }

    @Test
    void cachePathIsTorchHomeHubCheckpoints() {
        assertThat(Hub.checkpointPath("vgg16-397923af.pth"))
                .isEqualTo(home.resolve("hub").resolve("checkpoints").resolve("vgg16-397923af.pth"));
        assertThat(Hub.hashPrefix("vgg16-397923af.pth")).isEqualTo("397923af");
        assertThat(Hub.hashPrefix("alexnet-owt-7be5be79.pth")).isEqualTo("7be5be79");
        assertThat(VGG16_Weights.IMAGENET1K_V1.fileName()).isEqualTo("vgg16-397923af.pth");
        assertThat(VGG16_Weights.DEFAULT).isSameAs(VGG16_Weights.IMAGENET1K_V1);
    }

    @Test
    void downloadsChecksAndLoadsThenReadsTheCache() throws Exception {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("weight", Torch.tensor(new float[] {1, 2, 3, 4}, 2, 2));
        String url = publish(sd, "tiny");
        Map<String, Tensor> loaded = Hub.loadStateDictFromUrl(url, true);
        assertThat(loaded.get("weight").toFloatArray()).containsExactly(1, 2, 3, 4);
        Path cached = Hub.checkpointPath(url.substring(url.lastIndexOf('/') + 1));
        assertThat(cached).isRegularFile();
        try (var listing = Files.list(cached.getParent())) {
            assertThat(listing.toList()).containsExactly(cached);   // no temporary file left behind
        }
        files.clear();   // the server forgets it: the second load must come from the cache
        assertThat(Hub.loadStateDictFromUrl(url, false).get("weight").toFloatArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void hashMismatchKeepsNoFile() throws Exception {
        files.put("bad-00000000.pth", new byte[] {1, 2, 3});
        String url = "https://download.pytorch.org/models/bad-00000000.pth";
        assertThatThrownBy(() -> Hub.downloadIfMissing(url, false))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("invalid hash value (expected \"00000000\"");
        Path dir = Hub.checkpointPath("x").getParent();
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).isEmpty();
        }
    }

    @Test
    void notFoundNamesThePathAndTheUrl() {
        String url = "https://download.pytorch.org/models/missing-12345678.pth";
        assertThatThrownBy(() -> Hub.downloadIfMissing(url, false))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("HTTP Error 404")
                .hasMessageContaining("/models/missing-12345678.pth")
                .hasMessageContaining(Hub.checkpointPath("missing-12345678.pth").toString());
    }

    @Test
    void offlineNamesThePathAndTheUrl() {
        server.stop(0);
        assertThatThrownBy(() -> Models.resnet18(ResNet18_Weights.IMAGENET1K_V1))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("resnet18-f37072fd.pth")
                .hasMessageContaining(Hub.checkpointPath("resnet18-f37072fd.pth").toString());
    }

    @Test
    void pretrainedFactoryLoadsTheCachedCheckpoint() throws Exception {
        Torch.manualSeed(1);
        ResNet source = Models.resnet18();
        Path file = Hub.checkpointPath(ResNet18_Weights.IMAGENET1K_V1.fileName());
        Files.createDirectories(file.getParent());
        Torch.save(source.stateDict(), file);
        ResNet loaded = Models.resnet18(ResNet18_Weights.IMAGENET1K_V1);
        assertThat(loaded.fc().weight.toFloatArray()).containsExactly(source.fc().weight.toFloatArray());
    }

    @Test
    void unimplementedAndUnknownModels() {
        assertThat(Models.listModels()).hasSize(80).contains("vit_b_16", "vgg16");
        for (String name : Models.listModels()) {
            if (!Models.isImplemented(name)) {
                assertThatThrownBy(() -> Models.getModel(name)).hasMessageContaining("not implemented yet");
            }
        }
        assertThatThrownBy(() -> Models.getModel("resnet9000")).isInstanceOf(IllegalArgumentException.class);
    }
}
