package jtorch.vision.models;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import jtorch.Tensor;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Dropout;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.ReLU6;
import jtorch.nn.Sequential;
import jtorch.nn.functional.F;

/**
 * MobileNetV2 ("MobileNetV2: Inverted Residuals and Linear Bottlenecks"): a stride-2 stem, 17 inverted
 * residual blocks, a 1×1 conv to 1280 channels, global average pool and {@code classifier}.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/mobilenetv2.py">torchvision/models/mobilenetv2.py</a>
 */
public class MobileNetV2 extends Module {
    /** TORCH: inverted_residual_setting rows: expand ratio t, channels c, repeats n, first stride s. */
    private static final int[][] SETTING = {
        {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};


    public MobileNetV2() {
        this(1000, 1.0, 8, 0.2);
    }

    public MobileNetV2(int numClasses, double widthMult, int roundNearest, double dropout) {
        IntFunction<Module> norm = BatchNorm2d::new;
        int inputChannel = makeDivisible(32 * widthMult, roundNearest);
        int lastChannel = makeDivisible(1280 * Math.max(1.0, widthMult), roundNearest);
        List<Module> layers = new ArrayList<>();
        layers.add(new Conv2dNormActivation(3, inputChannel, 3, 2, 1, norm, () -> new ReLU6(true), 1));
        for (int[] row : SETTING) {
            int outputChannel = makeDivisible(row[1] * widthMult, roundNearest);
            for (int i = 0; i < row[2]; i++) {
                int stride = i == 0 ? row[3] : 1;
                layers.add(new InvertedResidual(inputChannel, outputChannel, stride, row[0], norm));
                inputChannel = outputChannel;
            }
        }
        layers.add(new Conv2dNormActivation(inputChannel, lastChannel, 1, 1, 1, norm, () -> new ReLU6(true), 1));
        registerModule("features", new Sequential(layers));
        registerModule("classifier", new Sequential(new Dropout(dropout), new Linear(lastChannel, numClasses)));
        Inits.convKaimingFanOut(this, true);
    }

    /** torchvision's {@code _make_divisible}: round to a multiple of {@code divisor}, never more than 10% down. */
    static int makeDivisible(double v, int divisor) {
        int newV = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        if (newV < 0.9 * v) {
            newV += divisor;
        }
        return newV;
    }

    public Sequential features() {
        return (Sequential) child("features");
    }

    public Sequential classifier() {
        return (Sequential) child("classifier");
    }

    @Override
    public Tensor forward(Tensor x) {
        x = child("features").forward(x);
        x = F.adaptiveAvgPool2d(x, new int[] {1, 1});
        x = F.flatten(x, 1);
        return child("classifier").forward(x);
    }

    /** MobileNetV2's block: 1×1 expand (unless t = 1), 3×3 depthwise, 1×1 linear projection; residual when shapes match. */
    static final class InvertedResidual extends Module {
        private final boolean useResConnect;

        InvertedResidual(int inp, int oup, int stride, int expandRatio, IntFunction<Module> norm) {
            int hiddenDim = (int) Math.round(inp * (double) expandRatio);
            useResConnect = stride == 1 && inp == oup;
            List<Module> layers = new ArrayList<>();
            if (expandRatio != 1) {
                layers.add(new Conv2dNormActivation(inp, hiddenDim, 1, 1, 1, norm, () -> new ReLU6(true), 1));
            }
            layers.add(new Conv2dNormActivation(hiddenDim, hiddenDim, 3, stride, hiddenDim, norm, () -> new ReLU6(true), 1));
            layers.add(Convs.conv(hiddenDim, oup, 1, 1, 0, 1, false));
            layers.add(norm.apply(oup));
            registerModule("conv", new Sequential(layers));
        }

        @Override
        protected String reprName() {
            return "InvertedResidual";
        }

        @Override
        public Tensor forward(Tensor x) {
            return useResConnect ? x.add(child("conv").forward(x)) : child("conv").forward(x);
        }
    }
}
