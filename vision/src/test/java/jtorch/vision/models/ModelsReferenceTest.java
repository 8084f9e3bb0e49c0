package jtorch.vision.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.Module;
import jtorch.autograd.GradMode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks {@code ../shared/reference/models/} (PyTorch's print and state-dict listing of every torchvision
 * classification model) and checks each model against it: {@code toString()} equal to {@code NAME.repr.txt},
 * {@code stateDict()} keys, dtypes and shapes equal to {@code NAME.state_dict.tsv} in order, and a forward
 * pass in eval mode giving {@code [1, 1000]}. A model jtorch does not build yet fails here on purpose.
 */
class ModelsReferenceTest {
    static final Path REFERENCE = Path.of(System.getProperty("jtorch.reference.models",
            Path.of("..", "..", "shared", "reference", "models").toString()));

    static List<String> referenceNames() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(REFERENCE), "no reference directory at " + REFERENCE.toAbsolutePath());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(REFERENCE)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".repr.txt"))
                    .map(f -> f.substring(0, f.length() - ".repr.txt".length()))
                    .sorted()
                    .forEach(names::add);
        }
        return names;
    }

    @Test
    void listModelsIsTheReferenceList() throws IOException {
        assertThat(Models.listModels()).containsExactlyElementsOf(referenceNames());
        assertThat(Models.listModels().toString()).startsWith("['alexnet', 'convnext_base', ");
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceModel() throws IOException {
        String only = System.getProperty("jtorch.models.only");
        return referenceNames().stream()
                .filter(n -> only == null || List.of(only.split(",")).contains(n))
                .map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    static void check(String name) throws IOException {
        long t0 = System.nanoTime();
        // PERF: structure only here: the init loops (normal sampling of 6.5e9 parameters over all 80 models) would
        // take minutes; layers keep their default init, and ModelInitTest checks the loops on small models.
        Inits.setEnabled(false);
        Module model;
        try {
            model = Models.getModel(name);
        } finally {
            Inits.setEnabled(true);
        }
        long t1 = System.nanoTime();
        String repr = Files.readString(REFERENCE.resolve(name + ".repr.txt")).stripTrailing();
        assertThat(model.toString()).as(name + " repr").isEqualTo(repr);
        List<String> expected = Files.readAllLines(REFERENCE.resolve(name + ".state_dict.tsv"));
        List<String> actual = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
            Tensor t = e.getValue();
            actual.add(e.getKey() + "\t" + t.dtype().torchName().replace("torch.", "") + "\t"
                    + java.util.Arrays.toString(t.shape()));
        }
        assertThat(actual).as(name + " state_dict").containsExactlyElementsOf(expected.stream()
                .filter(l -> !l.isBlank()).toList());
        model.eval();
        int size = ForwardInputs.size(name);
        Tensor out;
        try (GradMode.Scope ignored = Torch.noGrad()) {
            Torch.manualSeed(0);
            out = model.forward(Torch.randn(1, 3, size, size));
        }
        long t2 = System.nanoTime();
        assertThat(out.shape()).as(name + " output").containsExactly(1, 1000);
        assertThat(out.hasNonFinite()).as(name + " output finite").isFalse();
        System.err.printf("%-20s build %6.2fs  forward(%d) %6.2fs%n", name, (t1 - t0) / 1e9, size, (t2 - t1) / 1e9);
    }
}
