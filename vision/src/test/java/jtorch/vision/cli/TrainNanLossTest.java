package jtorch.vision.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jtorch.Tensor;
import jtorch.io.Safetensors;
import jtorch.optim.SGD;
import jtorch.tensor.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A diverging run stops with a clear message and a non-zero status, and the last good checkpoint still loads. */
class TrainNanLossTest {
    @Test
    void hugeLearningRateStopsAtTheNanAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) throws IOException {
        // With --lr 1 (momentum 0.9) the seed CNN survives epoch 1 and its loss becomes NaN in epoch 2
        // (seeded, so always at the same batch).
        TrainRuns.Result r = TrainRuns.inProcess("--data", "fashion-mnist-sample", "--epochs", "4", "--limit-batches", "4", "--threads", "1",
                "--lr", "1", "--out", dir.toString());
        assertThat(r.status()).as(r.output()).isEqualTo(3);
        assertThat(r.output()).containsPattern("stopped: the (loss became NaN|loss became Infinity|parameter \\S+ became"
                + " NaN or infinite) .*epoch 2.*try a lower --lr.*the last good checkpoint is .*checkpoint.safetensors");
        Path ckpt = dir.resolve(Checkpoint.FILE);
        assertThat(Safetensors.metadata(ckpt)).containsEntry("epochs_done", "1");
        for (Tensor t : Safetensors.load(ckpt).values()) {
            assertThat(t.hasNonFinite()).as("the saved checkpoint is finite").isFalse();
        }
        SeedCnn model = new SeedCnn(1, 28, 10);
        Checkpoint.Resumed resumed = Checkpoint.load(dir, model, new SGD(model.parameters(), 0.01, 0.9), null,
                new Generator(0), new Generator(1));
        assertThat(resumed.epochsDone()).isEqualTo(1);
        assertThat(resumed.losses()).hasSize(1).allSatisfy(l -> assertThat(l).isFinite());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void mainReturnsTheStatusAndPrintsTheMessage(@TempDir Path dir) throws IOException {
        TrainRuns.Result r = TrainRuns.inProcess("--data", "fashion-mnist-sample", "--epochs", "3", "--limit-batches", "2", "--threads", "1",
                "--lr", "1e6", "--out", dir.toString());
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.output()).contains("stopped:").contains("try a lower --lr");
    }
}
