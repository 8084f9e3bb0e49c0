package jtorch.bench;

import java.util.concurrent.TimeUnit;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.functional.F;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * conv2d forward and forward+backward on the seed CIFAR network's three convolutions at batch 64
 * (5x5 kernels, padding 2): {@code conv1} 3→32 on 32x32, {@code conv2} 32→32 on 16x16, {@code conv3}
 * 32→64 on 8x8. Time per call in ms; {@code bench/compare-ops} turns it into GFLOP/s next to PyTorch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The collector and heap layout ./jtorch runs with (LauncherFlags).
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", LauncherFlags.COLLECTOR,
        LauncherFlags.FIXED_GENERATIONS, LauncherFlags.NEW_RATIO, LauncherFlags.SURVIVOR_RATIO})
public class ConvBenchmark {
    @Param({"conv1", "conv2", "conv3"})
    public String layer;

    @Param({"2"})
    public int threads;

    private Tensor x;
    private Tensor w;
    private Tensor b;

    /** The seed's conv shapes: input channels, output channels, spatial size. */
    static int[] shape(String layer) {
        return switch (layer) {
            case "conv1" -> new int[] {3, 32, 32};
            case "conv2" -> new int[] {32, 32, 16};
            case "conv3" -> new int[] {32, 64, 8};
            default -> throw new IllegalArgumentException(layer);
        };
    }

    @Setup(Level.Trial)
    public void setUp() {
        Torch.setNumThreads(threads);
        Torch.manualSeed(0);
        int[] s = shape(layer);
        x = Torch.randn(64, s[0], s[2], s[2]).requiresGrad(true);
        w = Torch.randn(s[1], s[0], 5, 5).mul(0.05).detach().requiresGrad(true);
        b = Torch.zeros(s[1]).requiresGrad(true);
    }

    @Benchmark
    public Tensor forward() {
        try (var ignored = Torch.noGrad()) {
            return F.conv2d(x, w, b, 1, 2);
        }
    }

    @Benchmark
    public Tensor forwardBackward() {
        Tensor y = F.conv2d(x, w, b, 1, 2);
        y.sum().backward();
        x.setGrad(null);
        w.setGrad(null);
        b.setGrad(null);
        return y;
    }
}
