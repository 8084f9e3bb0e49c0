package jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.tensor.DType;
import org.junit.jupiter.api.Test;

/** State dict keys, order, buffers and loading errors, as PyTorch 1.13 has them. */
class StateDictTest {
    /** A model shaped like VGG: features and classifier Sequentials. */
    static final class Vggish extends Module {
        final Sequential features = registerModule("features", new Sequential(new Conv2d(3, 4, 3, 1, 1), new ReLU(true),
                new BatchNorm2d(4)));
        final Sequential classifier = registerModule("classifier", new Sequential(new Linear(4, 8), new ReLU(true),
                new Dropout(), new Linear(8, 10)));
    }

    @Test
    void keysInPyTorchOrderWithBatchNormBuffers() {
        // list(nn.Sequential(nn.Conv2d(3,4,3,1,1), nn.ReLU(True), nn.BatchNorm2d(4)).state_dict()) with prefixes
        assertEquals(List.of("features.0.weight", "features.0.bias", "features.2.weight", "features.2.bias",
                "features.2.running_mean", "features.2.running_var", "features.2.num_batches_tracked",
                "classifier.0.weight", "classifier.0.bias", "classifier.3.weight", "classifier.3.bias"),
                List.copyOf(new Vggish().stateDict().keySet()));
    }

    @Test
    void batchNormBuffersAndParameters() {
        BatchNorm2d bn = new BatchNorm2d(2);
        Map<String, Tensor> sd = bn.stateDict();
        // nn.BatchNorm2d(2).state_dict(): weight ones, bias zeros, running_mean zeros, running_var ones,
        // num_batches_tracked tensor(0) (int64)
        assertEquals(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
                List.copyOf(sd.keySet()));
        assertEquals(DType.INT64, sd.get("num_batches_tracked").dtype());
        assertEquals(0, sd.get("num_batches_tracked").dim());
        assertEquals(2, bn.parameters().size());
        assertEquals(3, bn.buffers().size());
        BatchNorm2d plain = new BatchNorm2d(2, 1e-5, 0.1, false, false);
        assertEquals(List.of(), List.copyOf(plain.stateDict().keySet()));
        assertNull(plain.weight);
        assertNull(plain.runningMean());
    }

    @Test
    void lossWeightIsABuffer() {
        // nn.CrossEntropyLoss(weight=torch.ones(3)).state_dict() has the key 'weight'
        assertEquals(List.of("weight"), List.copyOf(new CrossEntropyLoss(Torch.ones(3)).stateDict().keySet()));
        assertEquals(List.of(), List.copyOf(new CrossEntropyLoss().stateDict().keySet()));
    }

    @Test
    void sizeMismatchMessageIsPyTorchs() {
        Vggish model = new Vggish();
        Map<String, Tensor> sd = new LinkedHashMap<>(new Vggish().stateDict());
        sd.put("classifier.3.weight", Torch.zeros(1000, 8));
        var e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(sd));
        assertEquals("Error(s) in loading state_dict for Vggish:\n\tsize mismatch for classifier.3.weight: copying a "
                + "param with shape [1000, 8] from checkpoint, the shape in current model is [10, 8].", e.getMessage());
    }

    @Test
    void missingAndUnexpectedKeys() {
        Vggish model = new Vggish();
        Map<String, Tensor> sd = new LinkedHashMap<>(new Vggish().stateDict());
        sd.remove("features.2.running_var");
        sd.put("extra.weight", Torch.zeros(1));
        var e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(sd));
        assertEquals("Error(s) in loading state_dict for Vggish:\n\tMissing key(s) in state_dict: "
                + "\"features.2.running_var\". \n\tUnexpected key(s) in state_dict: \"extra.weight\". ",
                e.getMessage());
        model.loadStateDict(sd, false);
    }

    @Test
    void loadingCopiesValues() {
        Vggish a = new Vggish();
        Vggish b = new Vggish();
        b.loadStateDict(a.stateDict());
        float[] wa = ((Linear) a.classifier.get(3)).weight.toFloatArray();
        float[] wb = ((Linear) b.classifier.get(3)).weight.toFloatArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(wa, wb);
    }

    @Test
    void containersRegisterChildren() {
        ModuleList list = new ModuleList(new Linear(2, 3), new ReLU(), new Linear(3, 1, false));
        assertEquals(List.of("0.weight", "0.bias", "2.weight"), List.copyOf(list.stateDict().keySet()));
        assertEquals(3, list.size());
        ModuleDict dict = new ModuleDict().put("enc", new Linear(2, 2)).put("act", new ReLU());
        assertEquals(List.of("enc.weight", "enc.bias"), List.copyOf(dict.stateDict().keySet()));
        assertEquals(List.of("enc", "act"), List.copyOf(dict.keys()));
    }
}
