package jtorch.vision.models;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Dropout;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.ReLU;
import jtorch.nn.Sequential;
import jtorch.nn.init.Init;

/**
 * MNASNet ("MnasNet: Platform-Aware Neural Architecture Search for Mobile") at depth multipliers 0.5, 0.75,
 * 1.0, 1.3. BatchNorm momentum is TensorFlow's 0.9997 decay turned into PyTorch's convention.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/mnasnet.py">torchvision/models/mnasnet.py</a>
 */
public class MNASNet extends Module {
    /** TORCH: 1 − 0.9997, kept as the double Python computes (prints 0.00029999999999996696). */
    static final double BN_MOMENTUM = 1 - 0.9997;


    public MNASNet(double alpha) {
        this(alpha, 1000, 0.2);
    }

    public MNASNet(double alpha, int numClasses, double dropout) {
        int[] d = depths(alpha);
        List<Module> list = new ArrayList<>();
        list.add(Convs.conv(3, d[0], 3, 2, 1, 1, false));
        list.add(new BatchNorm2d(d[0], 1e-5, BN_MOMENTUM));
        list.add(new ReLU(true));
        list.add(Convs.conv(d[0], d[0], 3, 1, 1, d[0], false));
        list.add(new BatchNorm2d(d[0], 1e-5, BN_MOMENTUM));
        list.add(new ReLU(true));
        list.add(Convs.conv(d[0], d[1], 1, 1, 0, 1, false));
        list.add(new BatchNorm2d(d[1], 1e-5, BN_MOMENTUM));
        list.add(stack(d[1], d[2], 3, 2, 3, 3));
        list.add(stack(d[2], d[3], 5, 2, 3, 3));
        list.add(stack(d[3], d[4], 5, 2, 6, 3));
        list.add(stack(d[4], d[5], 3, 1, 6, 2));
        list.add(stack(d[5], d[6], 5, 2, 6, 4));
        list.add(stack(d[6], d[7], 3, 1, 6, 1));
        list.add(Convs.conv(d[7], 1280, 1, 1, 0, 1, false));
        list.add(new BatchNorm2d(1280, 1e-5, BN_MOMENTUM));
        list.add(new ReLU(true));
        registerModule("layers", new Sequential(list));
        registerModule("classifier", new Sequential(new Dropout(dropout, true), new Linear(1280, numClasses)));
        initWeights();
    }

    private void initWeights() {
        if (!Inits.enabled()) {
            return;
        }
        for (Module m : modules()) {
            if (m instanceof Conv2d conv) {
                Init.kaimingNormal(conv.weight, 0.0, "fan_out", "relu");
                if (conv.bias != null) {
                    Init.zeros(conv.bias);
                }
            } else if (m instanceof BatchNorm2d bn) {
                Inits.normOnesZeros(bn);
            } else if (m instanceof Linear linear) {
                Init.kaimingUniform(linear.weight, 0.0, "fan_out", "sigmoid");
                Init.zeros(linear.bias);
            }
        }
    }

    /** {@code _get_depths}: the channel counts scaled by alpha and rounded to multiples of 8. */
    private static int[] depths(double alpha) {
        int[] base = {32, 16, 24, 40, 80, 96, 192, 320};
        int[] out = new int[base.length];
        for (int i = 0; i < base.length; i++) {
            out[i] = roundToMultipleOf(base[i] * alpha, 8);
        }
        return out;
    }

    private static int roundToMultipleOf(double val, int divisor) {
        int newVal = Math.max(divisor, (int) (val + divisor / 2.0) / divisor * divisor);
        return newVal >= 0.9 * val ? newVal : newVal + divisor;
    }

    private static Sequential stack(int in, int out, int kernel, int stride, int expansion, int repeats) {
        Sequential s = new Sequential(new InvertedResidual(in, out, kernel, stride, expansion));
        for (int i = 1; i < repeats; i++) {
            s.add(new InvertedResidual(out, out, kernel, 1, expansion));
        }
        return s;
    }

    public Sequential layers() {
        return (Sequential) child("layers");
    }

    public Sequential classifier() {
        return (Sequential) child("classifier");
    }

    @Override
    public Tensor forward(Tensor x) {
        x = child("layers").forward(x);
        x = x.mean(new int[] {2, 3}, false);
        return child("classifier").forward(x);
    }

    /** MNASNet's {@code _InvertedResidual}: 1×1 expand, k×k depthwise, 1×1 project; residual when shapes match. */
    static final class InvertedResidual extends Module {
        private final boolean applyResidual;

        InvertedResidual(int in, int out, int kernel, int stride, int expansion) {
            int mid = in * expansion;
            applyResidual = in == out && stride == 1;
            registerModule("layers", new Sequential(
                    Convs.conv(in, mid, 1, 1, 0, 1, false),
                    new BatchNorm2d(mid, 1e-5, BN_MOMENTUM),
                    new ReLU(true),
                    Convs.conv(mid, mid, kernel, stride, kernel / 2, mid, false),
                    new BatchNorm2d(mid, 1e-5, BN_MOMENTUM),
                    new ReLU(true),
                    Convs.conv(mid, out, 1, 1, 0, 1, false),
                    new BatchNorm2d(out, 1e-5, BN_MOMENTUM)));
        }

        @Override
        protected String reprName() {
            return "_InvertedResidual";
        }

        @Override
        public Tensor forward(Tensor x) {
            return applyResidual ? child("layers").forward(x).add(x) : child("layers").forward(x);
        }
    }
}
