package jtorch.bench;

import java.util.concurrent.TimeUnit;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.Conv2d;
import jtorch.nn.CrossEntropyLoss;
import jtorch.nn.Flatten;
import jtorch.nn.Linear;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Sequential;
import jtorch.optim.SGD;
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

/**
 * The seed's CIFAR-10 network, as {@code shared/peers/torch_seed_cnn.py} measures it for PyTorch: one SGD
 * training step (forward, cross-entropy, zero_grad, backward, step) and one inference forward on a fixed
 * random batch [64, 3, 32, 32]. Milliseconds per call; images/s = batch / time ({@code bench/compare-seed}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
// The collector and heap layout ./jtorch runs with (LauncherFlags).
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", LauncherFlags.COLLECTOR,
        LauncherFlags.FIXED_GENERATIONS, LauncherFlags.NEW_RATIO, LauncherFlags.SURVIVOR_RATIO})
public class SeedCnnBenchmark {
    @Param({"2"})
    public int threads;

    @Param({"64"})
    public int batch;

    @Param({"3"})
    public int channels;

    @Param({"32"})
    public int size;

    private Sequential net;
    private Tensor x;
    private Tensor y;
    private CrossEntropyLoss lossFn;
    private SGD opt;

    @Setup
    public void setUp() {
        Torch.setNumThreads(threads);
        Torch.manualSeed(0);
        int flat = 64 * (size / 8) * (size / 8);
        net = new Sequential(new Conv2d(channels, 32, 5, 1, 2), new MaxPool2d(2), new Conv2d(32, 32, 5, 1, 2),
                new MaxPool2d(2), new Conv2d(32, 64, 5, 1, 2), new MaxPool2d(2), new Flatten(), new Linear(flat, 64),
                new Linear(64, 10));
        x = Torch.rand(batch, channels, size, size);
        y = Torch.randint(0, 10, batch);
        lossFn = new CrossEntropyLoss();
        opt = new SGD(net.parameters(), 0.01);
    }

    @Benchmark
    public double trainStep() {
        Tensor loss = lossFn.forward(net.forward(x), y);
        opt.zeroGrad();
        loss.backward();
        opt.step();
        return loss.item();
    }

    @Benchmark
    public Tensor inference() {
        try (var ignored = Torch.noGrad()) {
            return net.forward(x);
        }
    }
}
