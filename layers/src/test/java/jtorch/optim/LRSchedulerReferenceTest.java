package jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jtorch.nn.Parameter;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;
import jtorch.testing.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Schedulers against PyTorch 1.13: each reference file holds the 20 learning rates {@code lrs} read after each
 * of 20 {@code scheduler.step()} calls on an SGD optimizer with the metadata's {@code lr}.
 */
class LRSchedulerReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"lr_StepLR-0", "lr_StepLR-1", "lr_MultiStepLR-2", "lr_ExponentialLR-3",
            "lr_CosineAnnealingLR-4"})
    void twentyStepsMatchPyTorch(String name) {
        Map<String, String> meta = Reference.metadata(name + ".safetensors");
        double[] expected = Reference.tensors(name + ".safetensors").get("lrs").toDoubleArray();
        SGD optimizer = new SGD(List.of(new Parameter(Creation.zeros(DType.FLOAT32, 2))),
                Double.parseDouble(meta.get("lr")));
        LRScheduler scheduler = create(meta, optimizer);
        for (int i = 0; i < expected.length; i++) {
            scheduler.step();
            double lr = scheduler.lastLr().get(0);
            assertEquals(expected[i], lr, 1e-12 + 1e-9 * Math.abs(expected[i]), name + " after step " + (i + 1));
            assertEquals(lr, optimizer.paramGroups().get(0).lr(), 0.0);
        }
    }

    static LRScheduler create(Map<String, String> meta, Optimizer optimizer) {
        return switch (meta.get("scheduler")) {
            case "StepLR" -> new StepLR(optimizer, Integer.parseInt(meta.get("step_size")),
                    Double.parseDouble(meta.get("gamma")));
            case "MultiStepLR" -> new MultiStepLR(optimizer, parseInts(meta.get("milestones")),
                    Double.parseDouble(meta.get("gamma")));
            case "ExponentialLR" -> new ExponentialLR(optimizer, Double.parseDouble(meta.get("gamma")));
            case "CosineAnnealingLR" -> new CosineAnnealingLR(optimizer, Integer.parseInt(meta.get("T_max")),
                    Double.parseDouble(meta.get("eta_min")));
            default -> throw new IllegalArgumentException("unknown scheduler " + meta.get("scheduler"));
        };
    }

    private static List<Integer> parseInts(String list) {
        List<Integer> out = new ArrayList<>();
        for (String s : list.replace("[", "").replace("]", "").split(",")) {
            out.add(Integer.parseInt(s.trim()));
        }
        return out;
    }
}
