package jtorch.vision.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.Module;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-model save and load of zoo models ({@link ModelFactories}), and seed 4.4 run as a user runs it: the
 * seed program, then a program without {@code NeuralNetwork} (the trap), then one that defines it.
 */
class SaveLoadTest {
    private static final String LOADER = """
            import java.nio.file.Path;
            import jtorch.Torch;
            import jtorch.nn.Module;
            %s
            void main(String[] args) {
                try {
                    Module m = Torch.load(Path.of(args[0]));
                    System.out.println(m.getClass().getSimpleName());
                    System.out.println(m);
                } catch (IllegalStateException e) {
                    System.out.println(e.getMessage());
                }
            }
            """;
    private static final String NEURAL_NETWORK = """
            class NeuralNetwork extends Module {
                final jtorch.nn.Conv2d conv1 = registerModule("conv1", new jtorch.nn.Conv2d(3, 64, 3));
            }
            """;

    @TempDir
    Path dir;

    @Test
    void zooModelsRoundTrip() throws Exception {
        Torch.manualSeed(1);
        assertRoundTrip(new ResNet(ResNet.Block.BASIC, new int[] {2, 2, 2, 2}, 10, 1, 64));
        assertRoundTrip(new ResNet(ResNet.Block.BOTTLENECK, new int[] {1, 2, 1, 1}, 7, 4, 8));
        assertRoundTrip(new SqueezeNet("1_1", 5, 0.25));
        assertRoundTrip(new VGG(VGG.makeLayers(new int[] {8, -1, 512, -1}, true), 3, true, 0.1));
    }

    /** Seed 4.4 through the source launcher, as {@code ./jtorch run} runs it (same JVM flags, jtorch on the class path). */
    @Test
    void seedSaveLoadAndTheMissingClassTrap() throws Exception {
        Path seed = findSeed();
        String expected = Files.readString(seed.resolve("expected/SaveLoad.out"));
        assertThat(run(seed.resolve("java/SaveLoad.java"), dir.toString())).isEqualTo(expected);
        String pth = dir.resolve("network_method1.pth").toString();
        Path without = Files.writeString(dir.resolve("LoadWithout.java"), LOADER.formatted(""));
        assertThat(run(without, pth)).isEqualTo("Can't get attribute 'NeuralNetwork': class SaveLoad$NeuralNetwork is not on"
                + " the class path; save and load the state dict instead (module.stateDict() / loadStateDict)\n");
        Path with = Files.writeString(dir.resolve("LoadWith.java"), LOADER.formatted(NEURAL_NETWORK));
        assertThat(run(with, pth)).isEqualTo("""
                NeuralNetwork
                NeuralNetwork(
                  (conv1): Conv2d(3, 64, kernel_size=(3, 3), stride=(1, 1))
                )
                """);
    }

    private void assertRoundTrip(Module m) throws IOException {
        Path p = dir.resolve("model.pth");
        m.eval();
        Torch.save(m, p);
        Module back = Torch.load(p);
        assertThat(back.getClass()).isEqualTo(m.getClass());
        assertThat(back.toString()).isEqualTo(m.toString());
        Map<String, Tensor> a = m.stateDict();
        Map<String, Tensor> b = back.stateDict();
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        for (String k : a.keySet()) {
            assertThat(Torch.equal(a.get(k), b.get(k))).as(k).isTrue();
        }
        Tensor x = Torch.randn(1, 3, 40, 40);
        assertThat(back.forward(x).toFloatArray()).containsExactly(m.forward(x).toFloatArray());
    }

    /** The seed lives beside the repository ({@code ../shared/seed}); without it the test cannot run. */
    private static Path findSeed() {
        Path repo = Path.of("").toAbsolutePath().getParent();
        for (Path p : List.of(repo.resolve("shared/seed"), repo.resolveSibling("shared/seed"))) {
            if (Files.isRegularFile(p.resolve("java/SaveLoad.java"))) {
                return p;
            }
        }
        Assumptions.abort("seed 4.4 not found beside " + repo);
        return null;
    }

    /** {@code java FILE ARGS} with this JVM's class path (surefire's manifest jar lists jtorch's classes). */
    private static String run(Path source, String arg) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx4g",
                "-cp", System.getProperty("java.class.path"), source.toString(), arg));
        Path err = Files.createTempFile("saveload", ".err");
        Process proc = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor(5, TimeUnit.MINUTES)).isTrue();
        // NOTE: stderr holds the JVM's incubator-module warning, so it is kept apart and shown only on failure
        assertThat(proc.exitValue()).as(out + Files.readString(err)).isZero();
        Files.delete(err);
        return out;
    }
}
