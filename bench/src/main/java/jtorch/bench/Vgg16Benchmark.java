package jtorch.bench;

import java.util.concurrent.TimeUnit;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.CrossEntropyLoss;
import jtorch.optim.SGD;
import jtorch.vision.models.Models;
import jtorch.vision.models.VGG;
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
 * VGG16 as {@code bench/peers/torch_vgg16.py} measures it for PyTorch: the forward pass at [1,3,224,224] in eval
 * mode without grad, and one SGD training step at [8,3,32,32] (cross-entropy over 1000 classes). Random weights;
 * milliseconds per call ({@code bench/compare-vgg}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 3)
// The collector and heap layout ./jtorch runs with (LauncherFlags).
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", LauncherFlags.COLLECTOR,
        LauncherFlags.FIXED_GENERATIONS, LauncherFlags.NEW_RATIO, LauncherFlags.SURVIVOR_RATIO})
public class Vgg16Benchmark {
    @Param({"2"})
    public int threads;

    private VGG net;
    private Tensor image;
    private Tensor batch;
    private Tensor labels;
    private CrossEntropyLoss lossFn;
    private SGD opt;

    @Setup
    public void setUp() {
        Torch.setNumThreads(threads);
        Torch.manualSeed(0);
        net = Models.vgg16();
        image = Torch.rand(1, 3, 224, 224);
        batch = Torch.rand(8, 3, 32, 32);
        labels = Torch.randint(0, 1000, 8);
        lossFn = new CrossEntropyLoss();
        opt = new SGD(net.parameters(), 0.01);
    }

    @Benchmark
    public Tensor forward224() {
        net.eval();
        try (var ignored = Torch.noGrad()) {
            return net.forward(image);
        }
    }

    @Benchmark
    public double trainStep8x32() {
        net.train();
        Tensor loss = lossFn.forward(net.forward(batch), labels);
        opt.zeroGrad();
        loss.backward();
        opt.step();
        return loss.item();
    }
}
