package jtorch.vision.models;

import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.BatchNormBase;
import jtorch.nn.Conv2d;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.init.Init;

/**
 * The weight-init loops torchvision's model constructors run after building (each model's
 * {@code for m in self.modules(): ...}). They walk {@link Module#modules()} in PyTorch's pre-order and draw
 * from the default generator in the same order as torchvision, so a seeded model draws the same stream
 * (values may differ in the last bit where our normal sampler does).
 */
final class Inits {
    /**
     * Tests that only check structure (repr, state-dict shapes) turn the loops off: normal sampling of the
     * 6.5 billion parameters of all 80 models would take minutes. Layers keep their own default init.
     */
    private static volatile boolean enabled = true;

    private Inits() {}

    static void setEnabled(boolean on) {
        enabled = on;
    }

    static boolean enabled() {
        return enabled;
    }

    /**
     * VGG, ResNet, MobileNet, RegNet ...: conv {@code kaiming_normal_(mode="fan_out", nonlinearity="relu")} and
     * zero bias; norm weight 1, bias 0; linear {@code normal_(0, 0.01)} and zero bias when {@code linearNormal}
     * (ResNet keeps Linear's default).
     */
    static void convKaimingFanOut(Module model, boolean linearNormal) {
        if (!enabled) {
            return;
        }
        for (Module m : model.modules()) {
            if (m instanceof Conv2d conv) {
                Init.kaimingNormal(conv.weight, 0.0, "fan_out", "relu");
                if (conv.bias != null) {
                    Init.zeros(conv.bias);
                }
            } else if (m instanceof BatchNormBase bn) {
                normOnesZeros(bn);
            } else if (m instanceof Linear linear && linearNormal) {
                Init.normal(linear.weight, 0, 0.01);
                if (linear.bias != null) {
                    Init.zeros(linear.bias);
                }
            }
        }
    }

    static void normOnesZeros(BatchNormBase bn) {
        if (bn.weight != null) {
            Init.ones(bn.weight);
            Init.zeros(bn.bias);
        }
    }

    /**
     * {@code nn.init.trunc_normal_(t, mean, std, a, b)}: PyTorch's inverse-CDF method, U(2l−1, 2u−1) then
     * erfinv, so it consumes one uniform per element from the default generator as PyTorch does.
     */
    static void truncNormal(Tensor tensor, double mean, double std, double a, double b) {
        double l = normCdf((a - mean) / std);
        double u = normCdf((b - mean) / std);
        Tensor uniform = Torch.rand(tensor.shape());
        float[] v = uniform.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            double x = (2 * l - 1) + (2 * u - 1 - (2 * l - 1)) * v[i];
            double y = erfinv(x) * std * Math.sqrt(2.0) + mean;
            v[i] = (float) Math.min(Math.max(y, a), b);
        }
        tensor.setData(Torch.tensor(v, tensor.shape()).data());
    }

    private static double normCdf(double x) {
        return (1.0 + erf(x / Math.sqrt(2.0))) / 2.0;
    }

    /** erf by Numerical Recipes' erfc Chebyshev fit (relative error below 1.2e-7). */
    private static double erf(double x) {
        // NOTE: W. J. Cody's rational approximations would be exact to double; 1e-7 is plenty for init bounds.
        double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
        double y = 1 - t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : -y;
    }

    /** The inverse error function: M. Giles' single-precision approximation ("Approximating the erfinv function", 2010). */
    static double erfinv(double x) {
        if (x <= -1) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double w = -Math.log((1.0 - x) * (1.0 + x));
        double p;
        if (w < 5.0) {
            w = w - 2.5;
            p = 2.81022636e-08;
            p = 3.43273939e-07 + p * w;
            p = -3.5233877e-06 + p * w;
            p = -4.39150654e-06 + p * w;
            p = 0.00021858087 + p * w;
            p = -0.00125372503 + p * w;
            p = -0.00417768164 + p * w;
            p = 0.246640727 + p * w;
            p = 1.50140941 + p * w;
        } else {
            w = Math.sqrt(w) - 3.0;
            p = -0.000200214257;
            p = 0.000100950558 + p * w;
            p = 0.00134934322 + p * w;
            p = -0.00367342844 + p * w;
            p = 0.00573950773 + p * w;
            p = -0.0076224613 + p * w;
            p = 0.00943887047 + p * w;
            p = 1.00167406 + p * w;
            p = 2.83297682 + p * w;
        }
        return p * x;
    }
}
