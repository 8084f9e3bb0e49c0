package jtorch.vision.models;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import jtorch.Tensor;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Dropout;
import jtorch.nn.Hardsigmoid;
import jtorch.nn.Hardswish;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.ReLU;
import jtorch.nn.Sequential;
import jtorch.nn.functional.F;

/**
 * MobileNetV3 ("Searching for MobileNetV3"), large and small: inverted residuals with optional
 * squeeze-excitation and hard-swish, BatchNorm with eps 0.001 and momentum 0.01.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/mobilenetv3.py">torchvision/models/mobilenetv3.py</a>
 */
public class MobileNetV3 extends Module {
    /** One row of torchvision's {@code bneck_conf}: in, kernel, expanded, out, SE, hard-swish, stride, dilation. */
    record Config(int inputChannels, int kernel, int expandedChannels, int outChannels, boolean useSe,
                  boolean useHs, int stride, int dilation) {}

    static final Config[] LARGE = {
        new Config(16, 3, 16, 16, false, false, 1, 1),
        new Config(16, 3, 64, 24, false, false, 2, 1),
        new Config(24, 3, 72, 24, false, false, 1, 1),
        new Config(24, 5, 72, 40, true, false, 2, 1),
        new Config(40, 5, 120, 40, true, false, 1, 1),
        new Config(40, 5, 120, 40, true, false, 1, 1),
        new Config(40, 3, 240, 80, false, true, 2, 1),
        new Config(80, 3, 200, 80, false, true, 1, 1),
        new Config(80, 3, 184, 80, false, true, 1, 1),
        new Config(80, 3, 184, 80, false, true, 1, 1),
        new Config(80, 3, 480, 112, true, true, 1, 1),
        new Config(112, 3, 672, 112, true, true, 1, 1),
        new Config(112, 5, 672, 160, true, true, 2, 1),
        new Config(160, 5, 960, 160, true, true, 1, 1),
        new Config(160, 5, 960, 160, true, true, 1, 1)};

    static final Config[] SMALL = {
        new Config(16, 3, 16, 16, true, false, 2, 1),
        new Config(16, 3, 72, 24, false, false, 2, 1),
        new Config(24, 3, 88, 24, false, false, 1, 1),
        new Config(24, 5, 96, 40, true, true, 2, 1),
        new Config(40, 5, 240, 40, true, true, 1, 1),
        new Config(40, 5, 240, 40, true, true, 1, 1),
        new Config(40, 5, 120, 48, true, true, 1, 1),
        new Config(48, 5, 144, 48, true, true, 1, 1),
        new Config(48, 5, 288, 96, true, true, 2, 1),
        new Config(96, 5, 576, 96, true, true, 1, 1),
        new Config(96, 5, 576, 96, true, true, 1, 1)};


    public MobileNetV3(Config[] setting, int lastChannel, int numClasses, double dropout) {
        IntFunction<Module> norm = c -> new BatchNorm2d(c, 0.001, 0.01);
        List<Module> layers = new ArrayList<>();
        layers.add(new Conv2dNormActivation(3, setting[0].inputChannels(), 3, 2, 1, norm, Hardswish::new, 1));
        for (Config cnf : setting) {
            layers.add(new InvertedResidual(cnf, norm));
        }
        int lastconvInput = setting[setting.length - 1].outChannels();
        int lastconvOutput = 6 * lastconvInput;
        layers.add(new Conv2dNormActivation(lastconvInput, lastconvOutput, 1, 1, 1, norm, Hardswish::new, 1));
        registerModule("features", new Sequential(layers));
        registerModule("avgpool", new AdaptiveAvgPool2d(1));
        registerModule("classifier", new Sequential(
                new Linear(lastconvOutput, lastChannel),
                new Hardswish(true),
                new Dropout(dropout, true),
                new Linear(lastChannel, numClasses)));
        Inits.convKaimingFanOut(this, true);
    }

    public Sequential features() {
        return (Sequential) child("features");
    }

    public AdaptiveAvgPool2d avgpool() {
        return (AdaptiveAvgPool2d) child("avgpool");
    }

    public Sequential classifier() {
        return (Sequential) child("classifier");
    }

    @Override
    public Tensor forward(Tensor x) {
        x = child("features").forward(x);
        x = child("avgpool").forward(x);
        x = F.flatten(x, 1);
        return child("classifier").forward(x);
    }

    /** MobileNetV3's block: expand, depthwise, optional SE, linear projection; residual when shapes match. */
    static final class InvertedResidual extends Module {
        private final boolean useResConnect;

        InvertedResidual(Config cnf, IntFunction<Module> norm) {
            useResConnect = cnf.stride() == 1 && cnf.inputChannels() == cnf.outChannels();
            Supplier<Module> activation = cnf.useHs() ? Hardswish::new : () -> new ReLU(true);
            List<Module> layers = new ArrayList<>();
            if (cnf.expandedChannels() != cnf.inputChannels()) {
                layers.add(new Conv2dNormActivation(cnf.inputChannels(), cnf.expandedChannels(), 1, 1, 1, norm,
                        activation, 1));
            }
            int stride = cnf.dilation() > 1 ? 1 : cnf.stride();
            layers.add(new Conv2dNormActivation(cnf.expandedChannels(), cnf.expandedChannels(), cnf.kernel(), stride,
                    cnf.expandedChannels(), norm, activation, cnf.dilation()));
            if (cnf.useSe()) {
                int squeezeChannels = MobileNetV2.makeDivisible(cnf.expandedChannels() / 4, 8);
                layers.add(new SqueezeExcitation(cnf.expandedChannels(), squeezeChannels, ReLU::new, Hardsigmoid::new));
            }
            layers.add(new Conv2dNormActivation(cnf.expandedChannels(), cnf.outChannels(), 1, 1, 1, norm, null, 1));
            registerModule("block", new Sequential(layers));
        }

        @Override
        protected String reprName() {
            return "InvertedResidual";
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor result = child("block").forward(x);
            return useResConnect ? result.add(x) : result;
        }
    }
}
