package jtorch.vision.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The seed chapter's programs, unchanged, print what {@code ../shared/seed/expected} says. */
class SeedProgramsTest {
    @Test
    void lossesPrintExactly() throws Exception {
        Path shared = SeedRunner.shared();
        assertThat(SeedRunner.run(shared.resolve("seed/java/Losses.java")))
                .isEqualTo(Files.readString(shared.resolve("seed/expected/Losses.out")));
    }

    @Test
    void trainCifarPrintsWhatItsHeaderDescribes() throws Exception {
        Path shared = SeedRunner.shared();
        String out = SeedRunner.run(shared.resolve("seed/java/TrainCifar.java"),
                shared.resolve("reference/cifar10-mini").toString(), "3");
        // expected/TrainCifar.pattern: a [4, 10] tensor with AddmmBackward0, the targets, one line per epoch.
        String[] parts = out.split("\n");
        int firstEnd = 0;
        while (!parts[firstEnd].endsWith("grad_fn=<AddmmBackward0>)")) {
            firstEnd++;
        }
        String first = String.join("\n", List.of(parts).subList(0, firstEnd + 1));
        assertThat(Pattern.compile("^tensor\\(\\[\\[.*\\]\\], grad_fn=<AddmmBackward0>\\)$", Pattern.DOTALL)
                .matcher(first).matches()).as(first).isTrue();
        assertThat(first.split("\n")).hasSize(8);   // 4 rows of 10 values wrap to 2 lines each at width 80
        assertThat(parts[firstEnd + 1]).isEqualTo("tensor([3, 8, 8, 0])");
        assertThat(parts.length - firstEnd - 2).isEqualTo(3);
        for (int i = firstEnd + 2; i < parts.length; i++) {
            assertThat(parts[i]).matches("^tensor\\([0-9]+\\.[0-9]{4}, grad_fn=<AddBackward0>\\)$");
        }
    }

    @Test
    void modifyVggPrintsTheModelListThenPyTorchsPrints() throws Exception {
        Path shared = SeedRunner.shared();
        String out = SeedRunner.run(shared.resolve("seed/java/ModifyVgg.java"));
        Path expected = shared.resolve("seed/expected");
        String prints = Files.readString(expected.resolve("vgg16.txt")) + Files.readString(expected.resolve(
                "vgg16_add_linear.txt")) + Files.readString(expected.resolve("vgg16_classifier_add_linear.txt"))
                + Files.readString(expected.resolve("vgg16_classifier6_10.txt"));
        int firstNewline = out.indexOf('\n');
        assertThat(out.substring(firstNewline + 1)).isEqualTo(prints);
        // The list: torchvision's list_models() for classification, one entry per reference model.
        List<String> names;
        try (Stream<Path> files = Files.list(shared.resolve("reference/models"))) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".repr.txt"))
                    .map(n -> n.substring(0, n.length() - ".repr.txt".length())).sorted().toList();
        }
        String list = "[" + String.join(", ", names.stream().map(n -> "'" + n + "'").toList()) + "]";
        assertThat(out.substring(0, firstNewline)).isEqualTo(list);
    }
}
