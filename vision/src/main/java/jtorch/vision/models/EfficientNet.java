package jtorch.vision.models;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import jtorch.Tensor;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.BatchNormBase;
import jtorch.nn.Conv2d;
import jtorch.nn.Dropout;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.Sequential;
import jtorch.nn.SiLU;
import jtorch.nn.Sigmoid;
import jtorch.nn.StochasticDepth;
import jtorch.nn.functional.F;
import jtorch.nn.init.Init;

/**
 * EfficientNet B0–B7 ("EfficientNet: Rethinking Model Scaling for CNNs") and EfficientNetV2 S/M/L
 * ("EfficientNetV2: Smaller Models and Faster Training"): stages of {@link MBConv} and {@link FusedMBConv}
 * blocks whose stochastic-depth probability grows linearly with depth.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/efficientnet.py">torchvision/models/efficientnet.py</a>
 */
public class EfficientNet extends Module {
    /**
     * One stage ({@code MBConvConfig} / {@code FusedMBConvConfig}), channels and depth already scaled.
     *
     * @param fused FusedMBConv (EfficientNetV2's early stages) rather than MBConv
     */
    record StageConfig(boolean fused, double expandRatio, int kernel, int stride, int inputChannels,
                       int outChannels, int numLayers) {

        /** {@code MBConvConfig(expand, k, stride, in, out, layers, width_mult, depth_mult)}. */
        static StageConfig mb(double expandRatio, int kernel, int stride, int in, int out, int layers,
                              double widthMult, double depthMult) {
            return new StageConfig(false, expandRatio, kernel, stride, MobileNetV2.makeDivisible(in * widthMult, 8),
                    MobileNetV2.makeDivisible(out * widthMult, 8), (int) Math.ceil(layers * depthMult));
        }

        static StageConfig fused(double expandRatio, int kernel, int stride, int in, int out, int layers) {
            return new StageConfig(true, expandRatio, kernel, stride, in, out, layers);
        }
    }

    /** B0–B7: the B0 stages scaled by width and depth multipliers. */
    static StageConfig[] bConfig(double w, double d) {
        return new StageConfig[] {
            StageConfig.mb(1, 3, 1, 32, 16, 1, w, d),
            StageConfig.mb(6, 3, 2, 16, 24, 2, w, d),
            StageConfig.mb(6, 5, 2, 24, 40, 2, w, d),
            StageConfig.mb(6, 3, 2, 40, 80, 3, w, d),
            StageConfig.mb(6, 5, 1, 80, 112, 3, w, d),
            StageConfig.mb(6, 5, 2, 112, 192, 4, w, d),
            StageConfig.mb(6, 3, 1, 192, 320, 1, w, d)};
    }

    static final StageConfig[] V2_S = {
        StageConfig.fused(1, 3, 1, 24, 24, 2),
        StageConfig.fused(4, 3, 2, 24, 48, 4),
        StageConfig.fused(4, 3, 2, 48, 64, 4),
        StageConfig.mb(4, 3, 2, 64, 128, 6, 1, 1),
        StageConfig.mb(6, 3, 1, 128, 160, 9, 1, 1),
        StageConfig.mb(6, 3, 2, 160, 256, 15, 1, 1)};
    static final StageConfig[] V2_M = {
        StageConfig.fused(1, 3, 1, 24, 24, 3),
        StageConfig.fused(4, 3, 2, 24, 48, 5),
        StageConfig.fused(4, 3, 2, 48, 80, 5),
        StageConfig.mb(4, 3, 2, 80, 160, 7, 1, 1),
        StageConfig.mb(6, 3, 1, 160, 176, 14, 1, 1),
        StageConfig.mb(6, 3, 2, 176, 304, 18, 1, 1),
        StageConfig.mb(6, 3, 1, 304, 512, 5, 1, 1)};
    static final StageConfig[] V2_L = {
        StageConfig.fused(1, 3, 1, 32, 32, 4),
        StageConfig.fused(4, 3, 2, 32, 64, 7),
        StageConfig.fused(4, 3, 2, 64, 96, 7),
        StageConfig.mb(4, 3, 2, 96, 192, 10, 1, 1),
        StageConfig.mb(6, 3, 1, 192, 224, 19, 1, 1),
        StageConfig.mb(6, 3, 2, 224, 384, 25, 1, 1),
        StageConfig.mb(6, 3, 1, 384, 640, 7, 1, 1)};


    /**
     * @param lastChannel the head's channels, or -1 for 4× the last stage's
     * @param normLayer the norm layer for a channel count (B0–B4: BatchNorm2d; B5–B7: eps 0.001, momentum 0.01;
     *     V2: eps 0.001)
     */
    public EfficientNet(StageConfig[] setting, double dropout, double stochasticDepthProb, int numClasses,
                        IntFunction<Module> normLayer, int lastChannel) {
        List<Module> layers = new ArrayList<>();
        layers.add(new Conv2dNormActivation(3, setting[0].inputChannels(), 3, 2, 1, normLayer, () -> new SiLU(true), 1));
        int totalStageBlocks = 0;
        for (StageConfig cnf : setting) {
            totalStageBlocks += cnf.numLayers();
        }
        int stageBlockId = 0;
        for (StageConfig cnf : setting) {
            Sequential stage = new Sequential();
            for (int i = 0; i < cnf.numLayers(); i++) {
                int in = i == 0 ? cnf.inputChannels() : cnf.outChannels();
                int stride = i == 0 ? cnf.stride() : 1;
                double sdProb = stochasticDepthProb * (double) stageBlockId / totalStageBlocks;
                if (cnf.fused()) {
                    stage.add(new FusedMBConv(cnf.expandRatio(), cnf.kernel(), stride, in, cnf.outChannels(), sdProb,
                            normLayer));
                } else {
                    stage.add(new MBConv(cnf.expandRatio(), cnf.kernel(), stride, in, cnf.outChannels(), sdProb,
                            normLayer));
                }
                stageBlockId++;
            }
            layers.add(stage);
        }
        int lastconvInput = setting[setting.length - 1].outChannels();
        int lastconvOutput = lastChannel > 0 ? lastChannel : 4 * lastconvInput;
        layers.add(new Conv2dNormActivation(lastconvInput, lastconvOutput, 1, 1, 1, normLayer, () -> new SiLU(true), 1));
        registerModule("features", new Sequential(layers));
        registerModule("avgpool", new AdaptiveAvgPool2d(1));
        registerModule("classifier", new Sequential(new Dropout(dropout, true),
                new Linear(lastconvOutput, numClasses)));
        if (Inits.enabled()) {
            for (Module m : modules()) {
                if (m instanceof Conv2d conv) {
                    Init.kaimingNormal(conv.weight, 0.0, "fan_out", "leaky_relu");
                    if (conv.bias != null) {
                        Init.zeros(conv.bias);
                    }
                } else if (m instanceof BatchNormBase bn) {
                    Inits.normOnesZeros(bn);
                } else if (m instanceof Linear linear) {
                    double range = 1.0 / Math.sqrt(linear.outFeatures);
                    Init.uniform(linear.weight, -range, range);
                    Init.zeros(linear.bias);
                }
            }
        }
    }

    static IntFunction<Module> batchNorm(double eps, double momentum) {
        return c -> new BatchNorm2d(c, eps, momentum);
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
        x = child("avgpool").forward(child("features").forward(x));
        x = F.flatten(x, 1);
        return child("classifier").forward(x);
    }

    /** Expand 1×1, depthwise k×k, squeeze-excitation, project 1×1; residual with stochastic depth. */
    static final class MBConv extends Module {
        private final boolean useResConnect;

        MBConv(double expandRatio, int kernel, int stride, int in, int out, double sdProb, IntFunction<Module> norm) {
            useResConnect = stride == 1 && in == out;
            int expanded = MobileNetV2.makeDivisible(in * expandRatio, 8);
            Sequential layers = new Sequential();
            if (expanded != in) {
                layers.add(new Conv2dNormActivation(in, expanded, 1, 1, 1, norm, () -> new SiLU(true), 1));
            }
            layers.add(new Conv2dNormActivation(expanded, expanded, kernel, stride, expanded, norm, () -> new SiLU(true), 1));
            int squeezeChannels = Math.max(1, in / 4);
            layers.add(new SqueezeExcitation(expanded, squeezeChannels, () -> new SiLU(true), Sigmoid::new));
            layers.add(new Conv2dNormActivation(expanded, out, 1, 1, 1, norm, null, 1));
            registerModule("block", layers);
            registerModule("stochastic_depth", new StochasticDepth(sdProb, "row"));
        }

        @Override
        public Tensor forward(Tensor input) {
            Tensor result = child("block").forward(input);
            if (useResConnect) {
                result = child("stochastic_depth").forward(result).add(input);
            }
            return result;
        }
    }

    /** EfficientNetV2's fused block: one k×k conv in place of expand + depthwise; residual with stochastic depth. */
    static final class FusedMBConv extends Module {
        private final boolean useResConnect;

        FusedMBConv(double expandRatio, int kernel, int stride, int in, int out, double sdProb,
                    IntFunction<Module> norm) {
            useResConnect = stride == 1 && in == out;
            int expanded = MobileNetV2.makeDivisible(in * expandRatio, 8);
            Sequential layers = new Sequential();
            if (expanded != in) {
                layers.add(new Conv2dNormActivation(in, expanded, kernel, stride, 1, norm, () -> new SiLU(true), 1));
                layers.add(new Conv2dNormActivation(expanded, out, 1, 1, 1, norm, null, 1));
            } else {
                layers.add(new Conv2dNormActivation(in, out, kernel, stride, 1, norm, () -> new SiLU(true), 1));
            }
            registerModule("block", layers);
            registerModule("stochastic_depth", new StochasticDepth(sdProb, "row"));
        }

        @Override
        public Tensor forward(Tensor input) {
            Tensor result = child("block").forward(input);
            if (useResConnect) {
                result = child("stochastic_depth").forward(result).add(input);
            }
            return result;
        }
    }
}
