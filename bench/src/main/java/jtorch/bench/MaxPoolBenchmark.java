package jtorch.bench;

import java.util.concurrent.TimeUnit;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.functional.F;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** max_pool2d(2) forward and forward+backward on the seed network's first pooled activation, [64, 32, 32, 32]. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The collector and heap layout ./jtorch runs with (LauncherFlags).
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", LauncherFlags.COLLECTOR,
        LauncherFlags.FIXED_GENERATIONS, LauncherFlags.NEW_RATIO, LauncherFlags.SURVIVOR_RATIO})
public class MaxPoolBenchmark {
    @Param({"2"})
    public int threads;

    private Tensor x;

    @Setup
    public void setUp() {
        Torch.setNumThreads(threads);
        Torch.manualSeed(0);
        x = Torch.randn(64, 32, 32, 32).requiresGrad(true);
    }

    @Benchmark
    public Tensor forward() {
        try (var ignored = Torch.noGrad()) {
            return F.maxPool2d(x, 2);
        }
    }

    @Benchmark
    public Tensor forwardBackward() {
        Tensor y = F.maxPool2d(x, 2);
        y.sum().backward();
        x.setGrad(null);
        return y;
    }
}
