package jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code toString()} equals PyTorch 1.13's {@code print(module)}. Each expected string was printed by
 * {@code /usr/bin/python3 -c "import torch.nn as nn; print(<the same module>)"}.
 */
class ModuleReprTest {
    private static void check(String pytorch, Module module) {
        assertEquals(pytorch, module.toString());
    }

    @Test
    void convolutions() {
        check("Conv2d(3, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))", new Conv2d(3, 64, 3, 1, 1));
        // nn.Conv2d(3, 64, 3, 2, 1, dilation=2, bias=False, padding_mode='reflect')
        check("Conv2d(3, 64, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), dilation=(2, 2), bias=False, "
                + "padding_mode=reflect)",
                Conv2d.builder(3, 64, 3).stride(2).padding(1).dilation(2).bias(false).paddingMode("reflect").build());
        // nn.Conv2d(4, 4, (3, 5), groups=2)
        check("Conv2d(4, 4, kernel_size=(3, 5), stride=(1, 1), groups=2)",
                Conv2d.builder(4, 4, new int[] {3, 5}).groups(2).build());
        check("Conv2d(3, 3, kernel_size=(1, 1), stride=(1, 1))", new Conv2d(3, 3, 1));
    }

    @Test
    void pooling() {
        check("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)", new MaxPool2d(2));
        check("MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=True)",
                new MaxPool2d(3, 2, 1, 1, true));
        // nn.MaxPool2d((3, 3), (2, 2))
        check("MaxPool2d(kernel_size=(3, 3), stride=(2, 2), padding=0, dilation=1, ceil_mode=False)",
                new MaxPool2d(new int[] {3, 3}, new int[] {2, 2}, new int[] {0}, new int[] {1}, false));
        check("AvgPool2d(kernel_size=2, stride=2, padding=0)", new AvgPool2d(2));
        check("AvgPool2d(kernel_size=3, stride=2, padding=1)", new AvgPool2d(3, 2, 1));
        check("AdaptiveAvgPool2d(output_size=(7, 7))", new AdaptiveAvgPool2d(new int[] {7, 7}));
        check("AdaptiveAvgPool2d(output_size=1)", new AdaptiveAvgPool2d(1));
    }

    @Test
    void linearFlattenIdentity() {
        check("Linear(in_features=3, out_features=2, bias=True)", new Linear(3, 2));
        check("Linear(in_features=3, out_features=2, bias=False)", new Linear(3, 2, false));
        check("Flatten(start_dim=1, end_dim=-1)", new Flatten());
        check("Flatten(start_dim=0, end_dim=2)", new Flatten(0, 2));
        check("Identity()", new Identity());
    }

    @Test
    void activations() {
        check("ReLU()", new ReLU());
        check("ReLU(inplace=True)", new ReLU(true));
        check("ReLU6()", new ReLU6());
        check("ReLU6(inplace=True)", new ReLU6(true));
        check("LeakyReLU(negative_slope=0.01)", new LeakyReLU());
        check("LeakyReLU(negative_slope=0.2, inplace=True)", new LeakyReLU(0.2, true));
        check("GELU(approximate='none')", new GELU());
        check("GELU(approximate='tanh')", new GELU("tanh"));
        check("SiLU()", new SiLU());
        check("SiLU(inplace=True)", new SiLU(true));
        check("Hardswish()", new Hardswish(true));
        check("Hardsigmoid()", new Hardsigmoid(true));
        check("Sigmoid()", new Sigmoid());
        check("Tanh()", new Tanh());
        check("Softmax(dim=None)", new Softmax());
        check("Softmax(dim=1)", new Softmax(1));
        check("LogSoftmax(dim=1)", new LogSoftmax(1));
        check("LogSoftmax(dim=None)", new LogSoftmax());
    }

    @Test
    void dropoutAndNormalization() {
        check("Dropout(p=0.5, inplace=False)", new Dropout());
        check("Dropout(p=0.2, inplace=True)", new Dropout(0.2, true));
        check("BatchNorm1d(5, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", new BatchNorm1d(5));
        // nn.BatchNorm2d(64, affine=False, track_running_stats=False, momentum=None)
        check("BatchNorm2d(64, eps=1e-05, momentum=None, affine=False, track_running_stats=False)",
                new BatchNorm2d(64, 1e-5, null, false, false));
        check("LayerNorm((5,), eps=1e-05, elementwise_affine=True)", new LayerNorm(5));
        check("LayerNorm((4, 5), eps=1e-05, elementwise_affine=False)", new LayerNorm(new int[] {4, 5}, 1e-5, false));
        check("LayerNorm((3,), eps=1e-06, elementwise_affine=True)", new LayerNorm(3, 1e-6));
    }

    @Test
    void losses() {
        check("L1Loss()", new L1Loss());
        check("MSELoss()", new MSELoss(Reduction.SUM));
        check("CrossEntropyLoss()", new CrossEntropyLoss());
        check("CrossEntropyLoss()", new CrossEntropyLoss(null, 3, Reduction.MEAN, 0.1));
        check("NLLLoss()", new NLLLoss());
        check("BCELoss()", new BCELoss());
        check("BCEWithLogitsLoss()", new BCEWithLogitsLoss());
        check("SmoothL1Loss()", new SmoothL1Loss(Reduction.MEAN, 0.5));
        check("HuberLoss()", new HuberLoss(Reduction.MEAN, 2.0));
    }

    @Test
    void containers() {
        check("ModuleList(\n  (0): ReLU()\n  (1): Linear(in_features=2, out_features=3, bias=True)\n)",
                new ModuleList(new ReLU(), new Linear(2, 3)));
        check("ModuleList()", new ModuleList());
        Map<String, Module> m = new LinkedHashMap<>();
        m.put("a", new ReLU());
        m.put("b", new Tanh());
        check("ModuleDict(\n  (a): ReLU()\n  (b): Tanh()\n)", new ModuleDict(m));
        // print(nn.Sequential(nn.Conv2d(3,32,5,1,2), nn.MaxPool2d(2), nn.BatchNorm2d(32), nn.Linear(4,2)))
        check("""
                Sequential(
                  (0): Conv2d(3, 32, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))
                  (1): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
                  (2): BatchNorm2d(32, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
                  (3): Linear(in_features=4, out_features=2, bias=True)
                )""", new Sequential(new Conv2d(3, 32, 5, 1, 2), new MaxPool2d(2), new BatchNorm2d(32), new Linear(4, 2)));
    }

    @Test
    void pythonFloatSpelling() {
        assertEquals("1e-05", Repr.pyFloat(1e-5));
        assertEquals("0.0001", Repr.pyFloat(1e-4));
        assertEquals("0.1", Repr.pyFloat(0.1));
        assertEquals("1.0", Repr.pyFloat(1));
        assertEquals("-1.0", Repr.pyFloat(-1));
        assertEquals("1e+16", Repr.pyFloat(1e16));
        assertEquals("123.5", Repr.pyFloat(123.5));
        assertEquals("2.5e-07", Repr.pyFloat(2.5e-7));
    }
}
