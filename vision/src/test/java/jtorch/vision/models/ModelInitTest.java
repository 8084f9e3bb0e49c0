package jtorch.vision.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jtorch.Tensor;
import jtorch.Torch;
import org.junit.jupiter.api.Test;

/** The torchvision init loops run: spot checks of the resulting statistics on small models. */
class ModelInitTest {
    private static double std(Tensor t) {
        float[] v = t.toFloatArray();
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (float x : v) {
            var += (x - mean) * (x - mean);
        }
        return Math.sqrt(var / (v.length - 1));
    }

    @Test
    void resnetConvsAreKaimingNormalFanOut() {
        Torch.manualSeed(0);
        ResNet m = Models.resnet18();
        // conv1: 64 x 3 x 7 x 7, fan_out = 64·49
        assertThat(std(m.conv1().weight)).isCloseTo(Math.sqrt(2.0 / (64 * 49)), within(0.002));
    }

    @Test
    void mobilenetLinearIsNormal001AndConvNeXtIsTruncNormal002() {
        Torch.manualSeed(0);
        MobileNetV3 m = Models.mobilenet_v3_small();
        jtorch.nn.Linear head = (jtorch.nn.Linear) m.classifier().get(3);
        assertThat(std(head.weight)).isCloseTo(0.01, within(0.0005));
        assertThat(head.bias.toFloatArray()).containsOnly(0f);
        Tensor w = Torch.zeros(200, 200);
        Inits.truncNormal(w, 0, 0.02, -2, 2);
        assertThat(std(w)).isCloseTo(0.02, within(0.0005));
        assertThat(Inits.erfinv(0.5)).isCloseTo(0.4769362762, within(1e-6));
    }
}
