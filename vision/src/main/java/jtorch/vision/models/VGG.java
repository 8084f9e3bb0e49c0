package jtorch.vision.models;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Dropout;
import jtorch.nn.Linear;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Module;
import jtorch.nn.ReLU;
import jtorch.nn.Sequential;
import jtorch.nn.functional.F;

/**
 * VGG ("Very Deep Convolutional Networks for Large-Scale Image Recognition"): {@code features} (3×3
 * convolutions and max pools, built from a configuration), {@code avgpool} to 7×7, and a three-layer
 * {@code classifier}.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py">torchvision/models/vgg.py</a>
 */
public class VGG extends Module {
    /** TORCH: cfgs "A" (vgg11), "B" (vgg13), "D" (vgg16), "E" (vgg19); -1 stands for 'M', a max pool. */
    static final int[] CFG_A = {64, -1, 128, -1, 256, 256, -1, 512, 512, -1, 512, 512, -1};
    static final int[] CFG_B = {64, 64, -1, 128, 128, -1, 256, 256, -1, 512, 512, -1, 512, 512, -1};
    static final int[] CFG_D = {64, 64, -1, 128, 128, -1, 256, 256, 256, -1, 512, 512, 512, -1, 512, 512, 512, -1};
    static final int[] CFG_E = {64, 64, -1, 128, 128, -1, 256, 256, 256, 256, -1, 512, 512, 512, 512, -1, 512, 512,
        512, 512, -1};


    public VGG(Sequential features) {
        this(features, 1000, true, 0.5);
    }

    public VGG(Sequential features, int numClasses, boolean initWeights, double dropout) {
        registerModule("features", features);
        registerModule("avgpool", new AdaptiveAvgPool2d(new int[] {7, 7}));
        registerModule("classifier", new Sequential(
                new Linear(512 * 7 * 7, 4096),
                new ReLU(true),
                new Dropout(dropout),
                new Linear(4096, 4096),
                new ReLU(true),
                new Dropout(dropout),
                new Linear(4096, numClasses)));
        if (initWeights) {
            Inits.convKaimingFanOut(this, true);
        }
    }

    /** {@code make_layers}: 3×3 convolutions (padding 1), each with a ReLU (and a BatchNorm before it), and 2×2 max pools. */
    static Sequential makeLayers(int[] cfg, boolean batchNorm) {
        List<Module> layers = new ArrayList<>();
        int inChannels = 3;
        for (int v : cfg) {
            if (v < 0) {
                layers.add(new MaxPool2d(2, 2));
                continue;
            }
            layers.add(new Conv2d(inChannels, v, 3, 1, 1));
            if (batchNorm) {
                layers.add(new BatchNorm2d(v));
            }
            layers.add(new ReLU(true));
            inChannels = v;
        }
        return new Sequential(layers);
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
}
