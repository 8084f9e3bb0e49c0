package jtorch.vision.models;

import jtorch.nn.BatchNormBase;
import jtorch.nn.Conv2d;
import jtorch.nn.LayerNorm;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.init.Init;

/**
 * The weight-init loops torchvision's model constructors run after building (each model's
 * {@code for m in self.modules(): ...}). They walk {@link Module#modules()} in PyTorch's pre-order and draw
 * from the default generator in the same order, so a seeded model draws the same stream as PyTorch.
 */
final class Inits {
    private Inits() {}

    /**
     * VGG, ResNet, MobileNet, ...: conv {@code kaiming_normal_(mode="fan_out", nonlinearity="relu")} and zero
     * bias; norm weight 1, bias 0; linear {@code normal_(0, 0.01)} (or torchvision's default when
     * {@code linearNormal} is false) and zero bias.
     */
    static void convKaimingFanOut(Module model, boolean linearNormal) {
        for (Module m : model.modules()) {
            if (m instanceof Conv2d conv) {
                Init.kaimingNormal(conv.weight, 0.0, "fan_out", "relu");
                if (conv.bias != null) {
                    Init.zeros(conv.bias);
                }
            } else if (m instanceof BatchNormBase bn) {
                if (bn.weight != null) {
                    Init.ones(bn.weight);
                    Init.zeros(bn.bias);
                }
            } else if (m instanceof Linear linear && linearNormal) {
                Init.normal(linear.weight, 0, 0.01);
                if (linear.bias != null) {
                    Init.zeros(linear.bias);
                }
            }
        }
    }

    /** LayerNorm weight 1, bias 0 (a no-op on fresh layers, kept so intent reads as in torchvision). */
    static void layerNormOnes(LayerNorm ln) {
        Init.ones(ln.weight);
        Init.zeros(ln.bias);
    }
}
