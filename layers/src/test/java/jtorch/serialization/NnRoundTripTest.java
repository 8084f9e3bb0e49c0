package jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.AvgPool2d;
import jtorch.nn.BCELoss;
import jtorch.nn.BCEWithLogitsLoss;
import jtorch.nn.BatchNorm1d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.CrossEntropyLoss;
import jtorch.nn.Dropout;
import jtorch.nn.Flatten;
import jtorch.nn.GELU;
import jtorch.nn.Hardsigmoid;
import jtorch.nn.Hardswish;
import jtorch.nn.HuberLoss;
import jtorch.nn.Identity;
import jtorch.nn.L1Loss;
import jtorch.nn.LayerNorm;
import jtorch.nn.LeakyReLU;
import jtorch.nn.Linear;
import jtorch.nn.LogSoftmax;
import jtorch.nn.Loss;
import jtorch.nn.MSELoss;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Module;
import jtorch.nn.ModuleDict;
import jtorch.nn.ModuleList;
import jtorch.nn.NLLLoss;
import jtorch.nn.ReLU;
import jtorch.nn.ReLU6;
import jtorch.nn.Reduction;
import jtorch.nn.Sequential;
import jtorch.nn.SiLU;
import jtorch.nn.Sigmoid;
import jtorch.nn.SmoothL1Loss;
import jtorch.nn.Softmax;
import jtorch.nn.Tanh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-model round trips of every built-in layer: same print, bit-identical state dict, same forward output. */
class NnRoundTripTest {
    @TempDir
    Path dir;

    /** A user's model: a constructor-made child, then one added and one replaced (same class, new config). */
    static class Net extends Module {
        final Sequential body = registerModule("body", new Sequential(new Linear(3, 4), new Dropout(0.5)));

        @Override
        public Tensor forward(Tensor x) {
            return getSubmodule("head").forward(body.forward(x));
        }
    }

    /** Every layer with non-default options, in one forward chain: (2, 4, 12, 12) to (2, 5). */
    private static Sequential everyLayer() {
        return new Sequential(
                Conv2d.builder(4, 6, 3).padding(2).dilation(2).groups(2).bias(false).build(),
                new BatchNorm2d(6, 1e-3, null, true, true),
                new ReLU(true),
                new MaxPool2d(new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}, true),
                new AvgPool2d(new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}, false, false),
                new Conv2d(6, 6, new int[] {1, 3}, new int[] {1}, new int[] {0, 1}),
                new ReLU6(),
                new AdaptiveAvgPool2d(new int[] {3, 2}),
                new Hardswish(),
                new Flatten(1, -1),
                new Linear(36, 16),
                new BatchNorm1d(16, 1e-4, 0.2, true, true),
                new LeakyReLU(0.25),
                new LayerNorm(new int[] {16}, 1e-6, false),
                new GELU("tanh"),
                new Dropout(0.3),
                new Identity(),
                new SiLU(),
                new Hardsigmoid(),
                new Tanh(),
                new Linear(16, 8, false),
                new Sigmoid(),
                new Softmax(1),
                new Linear(8, 5),
                new LogSoftmax(-1));
    }

    @Test
    void aSequentialOfEveryLayerRoundTrips() throws Exception {
        Torch.manualSeed(7);
        Sequential net = everyLayer();
        Tensor x = Torch.randn(2, 4, 12, 12);
        net.forward(x);
        net.eval();
        Module back = roundTrip(net, "every.pth");
        assertInstanceOf(Sequential.class, back);
        assertFalse(back.isTraining());
        assertSame(net, back);
        assertBits(net.forward(x), back.forward(x));
    }

    @Test
    void containersAndLossesKeepTheirOptions() throws Exception {
        Torch.manualSeed(3);
        ModuleDict losses = new ModuleDict(Map.of(
                "l1", new L1Loss(Reduction.SUM),
                "mse", new MSELoss(Reduction.NONE),
                "huber", new HuberLoss(Reduction.SUM, 0.7),
                "smooth", new SmoothL1Loss(Reduction.NONE, 0.3),
                "bce", new BCELoss(Torch.rand(5), Reduction.SUM),
                "bcel", new BCEWithLogitsLoss(null, Reduction.MEAN, Torch.rand(5)),
                "nll", new NLLLoss(Torch.rand(5), 2, Reduction.SUM),
                "ce", new CrossEntropyLoss(Torch.rand(5), 1, Reduction.MEAN, 0.1)));
        ModuleList list = new ModuleList(losses, new ModuleList(new Identity()));
        Module back = roundTrip(list, "losses.pth");
        ModuleDict d = (ModuleDict) ((ModuleList) back).get(0);
        Tensor p = Torch.rand(4, 5);
        Tensor y = Torch.rand(4, 5);
        Tensor cls = Torch.tensor(new long[] {0, 1, 2, 4});
        for (String k : List.of("l1", "mse", "huber", "smooth", "bce", "bcel")) {
            assertBits(((Loss) losses.get(k)).forward(p, y), ((Loss) d.get(k)).forward(p, y));
        }
        for (String k : List.of("nll", "ce")) {
            assertBits(((Loss) losses.get(k)).forward(p, cls), ((Loss) d.get(k)).forward(p, cls));
        }
    }

    @Test
    void aUserModelWithAddedAndReplacedChildrenRoundTrips() throws Exception {
        Torch.manualSeed(11);
        Net net = new Net();
        net.addModule("head", new Sequential(new ReLU(), new Linear(4, 2, false)));
        net.body.set(0, new Linear(3, 4, false));
        net.body.set(1, new Dropout(0.1));
        net.eval();
        Net back = (Net) roundTrip(net, "net.pth");
        Tensor x = Torch.randn(5, 3);
        assertBits(net.forward(x), back.forward(x));
        assertEquals("Dropout(p=0.1, inplace=False)", back.body.get(1).toString());
    }

    private Module roundTrip(Module m, String name) throws Exception {
        Path p = dir.resolve(name);
        Torch.save(m, p);
        Module back = Torch.load(p);
        assertSame(m, back);
        return back;
    }

    /** Same class, print and state dict, bit for bit. */
    private static void assertSame(Module a, Module b) {
        assertEquals(a.getClass(), b.getClass());
        assertEquals(a.toString(), b.toString());
        Map<String, Tensor> x = a.stateDict();
        Map<String, Tensor> y = b.stateDict();
        assertEquals(List.copyOf(x.keySet()), List.copyOf(y.keySet()));
        for (String k : x.keySet()) {
            assertBits(x.get(k), y.get(k));
        }
    }

    private static void assertBits(Tensor a, Tensor b) {
        assertEquals(a.dtype(), b.dtype());
        assertArrayEquals(a.shape(), b.shape());
        double[] u = a.toDoubleArray();
        double[] v = b.toDoubleArray();
        for (int k = 0; k < u.length; k++) {
            // NOTE: float32 widens to double exactly, so equal raw bits here mean equal float bits
            assertEquals(Double.doubleToRawLongBits(u[k]), Double.doubleToRawLongBits(v[k]), "element " + k);
        }
        assertTrue(u.length == v.length);
    }
}
