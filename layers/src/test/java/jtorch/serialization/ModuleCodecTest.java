package jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.io.PthFormat;
import jtorch.nn.Module;
import jtorch.nn.Parameter;
import jtorch.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-model save and load: structure, parameters, children added after construction, the missing-class trap. */
class ModuleCodecTest {
    @TempDir
    Path dir;

    /** A user's module: a parameter and a buffer, built by its no-argument constructor. */
    static class Affine extends Module {
        final Parameter w = registerParameter("weight", new Parameter(Torch.randn(3, 2)));

        Affine() {
            registerBuffer("count", Torch.tensor(new long[] {0}));
        }

        @Override
        public Tensor forward(Tensor x) {
            return x.matmul(w);
        }
    }

    /** A user's model whose constructor builds a Sequential child. */
    public static class Net extends Module {
        public final Sequential body = registerModule("body", new Sequential(new Affine(), new Affine()));

        @Override
        public Tensor forward(Tensor x) {
            return body.forward(x);
        }
    }

    @Test
    void sequentialOfUserModulesRoundTrips() throws Exception {
        Sequential s = new Sequential(new Affine(), new Sequential(new Affine()));
        Path p = dir.resolve("seq.pth");
        Torch.save(s, p);
        Module back = Torch.load(p);
        assertInstanceOf(Sequential.class, back);
        assertEquals(s.toString(), back.toString());
        assertStateEquals(s, back);
    }

    @Test
    void childrenAddedOrReplacedAfterConstructionAreRebuilt() throws Exception {
        Net net = new Net();
        net.addModule("extra", new Affine());
        net.body.set(1, new Sequential(new Affine()));
        Path p = dir.resolve("net.pth");
        Torch.save(net, p);
        Net back = Torch.load(p);
        assertEquals(List.copyOf(net.stateDict().keySet()), List.copyOf(back.stateDict().keySet()));
        assertStateEquals(net, back);
        assertInstanceOf(Sequential.class, back.body.get(1));
    }

    @Test
    void theArchiveIsAStateDictPlusTheTree() throws Exception {
        Path p = dir.resolve("net.pth");
        Torch.save(new Net(), p);
        assertTrue(PthFormat.recordNames(p).contains("jtorch_module.json"));
        String json = new String(PthFormat.readRecord(p, "jtorch_module.json", 1 << 20), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"class\": \"jtorch.serialization.ModuleCodecTest$Net\""), json);
        Object weights = PthFormat.read(p);
        assertInstanceOf(Map.class, weights);
    }

    @Test
    void aMissingClassIsNamedAndTheStateDictRouteSuggested() throws Exception {
        Path p = dir.resolve("net.pth");
        Torch.save(new Net(), p);
        Path hacked = rewriteClassName(p, "jtorch.serialization.ModuleCodecTest$Net", "NeuralNetwork");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Torch.load(hacked));
        assertEquals("Can't get attribute 'NeuralNetwork': class NeuralNetwork is not on the class path; save and load"
                + " the state dict instead (module.stateDict() / loadStateDict)", e.getMessage());
    }

    @Test
    void aClassThatIsNotAModuleIsNeverInstantiated() throws Exception {
        Path p = dir.resolve("net.pth");
        Torch.save(new Net(), p);
        Path hacked = rewriteClassName(p, "jtorch.serialization.ModuleCodecTest$Net", "java.lang.ProcessBuilder");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Torch.load(hacked));
        assertTrue(e.getMessage().contains("not a jtorch.nn.Module"), e.getMessage());
    }

    @Test
    void aStateDictFromPyTorchLoadsIntoAModule() throws Exception {
        Path p = dir.resolve("sd.pth");
        Net net = new Net();
        Torch.save(net.stateDict(), p);
        Net other = new Net();
        other.loadStateDict(Torch.load(p));
        assertStateEquals(net, other);
    }

    private Path rewriteClassName(Path p, String from, String to) throws IOException {
        Map<String, Tensor> sd = stateOnly(p);
        String json = new String(PthFormat.readRecord(p, "jtorch_module.json", 1 << 20), StandardCharsets.UTF_8)
                .replace(from, to);
        Path out = dir.resolve("hacked.pth");
        PthFormat.write(sd, out, Map.of("jtorch_module.json", json.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Tensor> stateOnly(Path p) throws IOException {
        return (Map<String, Tensor>) PthFormat.read(p);
    }

    private static void assertStateEquals(Module a, Module b) {
        Map<String, Tensor> x = a.stateDict();
        Map<String, Tensor> y = b.stateDict();
        assertEquals(List.copyOf(x.keySet()), List.copyOf(y.keySet()));
        for (String k : x.keySet()) {
            assertTrue(Torch.equal(x.get(k), y.get(k)), k);
        }
    }
}
