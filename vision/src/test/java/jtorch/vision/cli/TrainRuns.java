package jtorch.vision.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.io.Safetensors;

/** Runs {@code ./jtorch train} in this JVM or as a child process, and compares checkpoints bit for bit. */
final class TrainRuns {
    private TrainRuns() {}

    /** What an in-process run printed and returned. */
    record Result(int status, String output) {}

    /** Runs TrainCommand in this JVM (restoring the thread count afterwards). */
    static Result inProcess(String... args) throws IOException {
        int threads = Torch.getNumThreads();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            int status = new TrainCommand(TrainOptions.parse(args), out).run();
            return new Result(status, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            Torch.setNumThreads(threads);
        }
    }

    /** The java command line of {@code ./jtorch train ARGS}, on this JVM's class path. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Xmx512m");
        // NOTE: no -XX:TieredStopAtLevel=1: the Vector API is only intrinsified by C2; under C1 alone training
        // runs at a few images per second.
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("jtorch.vision.cli.Main");
        cmd.add("train");
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Asserts two checkpoints hold bit-identical tensors and identical metadata (losses, generators, ...). */
    static void assertSameCheckpoint(Path expected, Path actual, String what) throws IOException {
        Map<String, Tensor> a = Safetensors.load(expected);
        Map<String, Tensor> b = Safetensors.load(actual);
        assertThat(b.keySet()).as(what + ": tensor names").containsExactlyElementsOf(a.keySet());
        for (String k : a.keySet()) {
            assertThat(b.get(k).shape()).as(what + ": shape of " + k).isEqualTo(a.get(k).shape());
            assertThat(bits(b.get(k))).as(what + ": bits of " + k).isEqualTo(bits(a.get(k)));
        }
        assertThat(Safetensors.metadata(actual)).as(what + ": metadata").isEqualTo(Safetensors.metadata(expected));
    }

    /** The largest |a - b| over all model tensors of two checkpoints. */
    static double maxAbsDiff(Path expected, Path actual) throws IOException {
        Map<String, Tensor> a = Safetensors.load(expected);
        Map<String, Tensor> b = Safetensors.load(actual);
        double max = 0;
        for (String k : a.keySet()) {
            double[] x = a.get(k).toDoubleArray();
            double[] y = b.get(k).toDoubleArray();
            for (int i = 0; i < x.length; i++) {
                max = Math.max(max, Math.abs(x[i] - y[i]));
            }
        }
        return max;
    }

    private static long[] bits(Tensor t) {
        double[] d = t.toDoubleArray();
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Double.doubleToRawLongBits(d[i]);
        }
        return out;
    }
}
