package jtorch.vision.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jtorch.tensor.BackendProvider;
import jtorch.tensor.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./jtorch train --device opencl --epochs 1 --limit-batches 20} on the bundled Fashion-MNIST sample, in
 * process: the seed network trains on the OpenCL device and its running training loss goes down. Skipped
 * without an OpenCL device, failed under {@code CI=true}.
 */
class TrainOnOpenClTest {
    private static final Pattern RUNNING_LOSS = Pattern.compile("\\(\\d+/20 batches\\).* loss (\\d+\\.\\d+)");

    @Test
    void seedNetworkTrainsOnTheOpenClDevice(@TempDir Path tmp) throws Exception {
        BackendProvider p = Backends.provider("opencl");
        String why = p == null ? "the gpu-opencl module is not on the class path"
                : p.devices().isEmpty() ? p.unavailableReason() : null;
        if (why != null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but no OpenCL device: " + why);
        }
        assumeTrue(why == null, () -> "no OpenCL device: " + why);

        // The bundled sample as a directory, so a machine with Debian's full dataset still trains on the sample.
        Path data = tmp.resolve("fashion-mnist");
        Files.createDirectories(data);
        for (String f : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            try (InputStream in = TrainOnOpenClTest.class.getResourceAsStream("/jtorch/vision/fashion-mnist-sample/"
                    + f)) {
                Files.copy(in, data.resolve(f));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            rc = new TrainCommand(TrainOptions.parse(new String[] {"--device", "opencl", "--epochs", "1",
                    "--limit-batches", "20", "--data", "fashion-mnist:" + data, "--out", tmp.resolve("run").toString(),
                    "--threads", "2"}), out).run();
        }
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, log);
        assertTrue(log.contains(" on opencl:0, sgd"), log);
        List<Double> running = new ArrayList<>();
        Matcher m = RUNNING_LOSS.matcher(log);
        while (m.find()) {
            running.add(Double.parseDouble(m.group(1)));
        }
        assertEquals(10, running.size(), log);
        // From ln 10 ≈ 2.303 the running mean falls slowly at lr 0.01 (on pocl: 2.307 after 2 batches, 2.279
        // after 20); test accuracy well above chance (10%) shows the model learnt (34.6% on pocl).
        assertTrue(running.getLast() < running.getFirst(),
                "the running mean loss should fall over 20 batches: " + running + "\n" + log);
        Matcher acc = Pattern.compile("test accuracy (\\d+\\.\\d+)%").matcher(log);
        assertTrue(acc.find(), log);
        assertTrue(Double.parseDouble(acc.group(1)) > 20, log);
        assertTrue(Files.isRegularFile(tmp.resolve("run").resolve(Checkpoint.FILE)), log);
    }
}
