package jtorch.vision.models;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Flatten;
import jtorch.nn.GELU;
import jtorch.nn.LayerNorm;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.Parameter;
import jtorch.nn.Sequential;
import jtorch.nn.StochasticDepth;

/**
 * ConvNeXt ("A ConvNet for the 2020s"): a 4×4 patchify stem, four stages of {@link CNBlock}s separated by
 * LayerNorm + 2×2 stride-2 downsampling convs, and a LayerNorm-Flatten-Linear classifier.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/convnext.py">torchvision/models/convnext.py</a>
 */
public class ConvNeXt extends Module {
    /** A stage: its channels, the next stage's channels (-1 for the last stage), and its depth. */
    record StageConfig(int inputChannels, int outChannels, int numLayers) {}

    static final StageConfig[] TINY = {new StageConfig(96, 192, 3), new StageConfig(192, 384, 3),
        new StageConfig(384, 768, 9), new StageConfig(768, -1, 3)};
    static final StageConfig[] SMALL = {new StageConfig(96, 192, 3), new StageConfig(192, 384, 3),
        new StageConfig(384, 768, 27), new StageConfig(768, -1, 3)};
    static final StageConfig[] BASE = {new StageConfig(128, 256, 3), new StageConfig(256, 512, 3),
        new StageConfig(512, 1024, 27), new StageConfig(1024, -1, 3)};
    static final StageConfig[] LARGE = {new StageConfig(192, 384, 3), new StageConfig(384, 768, 3),
        new StageConfig(768, 1536, 27), new StageConfig(1536, -1, 3)};


    public ConvNeXt(StageConfig[] setting, double stochasticDepthProb, double layerScale, int numClasses) {
        List<Module> layers = new ArrayList<>();
        int first = setting[0].inputChannels();
        layers.add(new Conv2dNormActivation(3, first, 4, 4, 0, 1, c -> new LayerNorm2d(c, 1e-6), null, 1, true));
        int total = 0;
        for (StageConfig cnf : setting) {
            total += cnf.numLayers();
        }
        int blockId = 0;
        for (StageConfig cnf : setting) {
            Sequential stage = new Sequential();
            for (int i = 0; i < cnf.numLayers(); i++) {
                double sdProb = stochasticDepthProb * blockId / (total - 1.0);
                stage.add(new CNBlock(cnf.inputChannels(), layerScale, sdProb));
                blockId++;
            }
            layers.add(stage);
            if (cnf.outChannels() > 0) {
                layers.add(new Sequential(new LayerNorm2d(cnf.inputChannels(), 1e-6),
                        new Conv2d(cnf.inputChannels(), cnf.outChannels(), 2, 2)));
            }
        }
        registerModule("features", new Sequential(layers));
        registerModule("avgpool", new AdaptiveAvgPool2d(1));
        StageConfig last = setting[setting.length - 1];
        int lastconvOutput = last.outChannels() > 0 ? last.outChannels() : last.inputChannels();
        registerModule("classifier", new Sequential(new LayerNorm2d(lastconvOutput, 1e-6),
                new Flatten(1, -1), new Linear(lastconvOutput, numClasses)));
        if (Inits.enabled()) {
            for (Module m : modules()) {
                if (m instanceof Conv2d conv) {
                    Inits.truncNormal(conv.weight, 0.0, 0.02, -2, 2);
                    if (conv.bias != null) {
                        jtorch.nn.init.Init.zeros(conv.bias);
                    }
                } else if (m instanceof Linear linear) {
                    Inits.truncNormal(linear.weight, 0.0, 0.02, -2, 2);
                    if (linear.bias != null) {
                        jtorch.nn.init.Init.zeros(linear.bias);
                    }
                }
            }
        }
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
        return child("classifier").forward(x);
    }

    /** 7×7 depthwise conv, LayerNorm (channels last), 4× MLP with GELU, scaled by a learned per-channel factor. */
    static final class CNBlock extends Module {
        private final Parameter layerScale;

        CNBlock(int dim, double layerScale, double stochasticDepthProb) {
            this.layerScale = registerParameter("layer_scale",
                    new Parameter(Torch.ones(dim, 1, 1).mul(layerScale).data()));
            registerModule("block", new Sequential(
                    Conv2d.builder(dim, dim, 7).padding(3).groups(dim).bias(true).build(),
                    new Permute(0, 2, 3, 1),
                    new LayerNorm(dim, 1e-6),
                    new Linear(dim, 4 * dim),
                    new GELU(),
                    new Linear(4 * dim, dim),
                    new Permute(0, 3, 1, 2)));
            registerModule("stochastic_depth", new StochasticDepth(stochasticDepthProb, "row"));
        }

        @Override
        public Tensor forward(Tensor input) {
            Tensor result = layerScale.mul(child("block").forward(input));
            return child("stochastic_depth").forward(result).add(input);
        }
    }
}
