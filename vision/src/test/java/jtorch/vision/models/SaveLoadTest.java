package jtorch.vision.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.Module;
import jtorch.vision.seed.SeedRunner;
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
        Path seed = SeedRunner.shared().resolve("seed");
        String expected = Files.readString(seed.resolve("expected/SaveLoad.out"));
        assertThat(SeedRunner.run(seed.resolve("java/SaveLoad.java"), dir.toString())).isEqualTo(expected);
        String pth = dir.resolve("network_method1.pth").toString();
        Path without = Files.writeString(dir.resolve("LoadWithout.java"), LOADER.formatted(""));
        assertThat(SeedRunner.run(without, pth)).isEqualTo("Can't get attribute 'NeuralNetwork': class SaveLoad$NeuralNetwork is not on"
                + " the class path; save and load the state dict instead (module.stateDict() / loadStateDict)\n");
        Path with = Files.writeString(dir.resolve("LoadWith.java"), LOADER.formatted(NEURAL_NETWORK));
        assertThat(SeedRunner.run(with, pth)).isEqualTo("""
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
}
