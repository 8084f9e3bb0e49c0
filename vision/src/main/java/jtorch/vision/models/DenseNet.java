package jtorch.vision.models;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.AvgPool2d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Linear;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Module;
import jtorch.nn.ReLU;
import jtorch.nn.Sequential;
import jtorch.nn.functional.F;
import jtorch.nn.init.Init;

/**
 * DenseNet ("Densely Connected Convolutional Networks"): dense blocks, where each layer sees the
 * concatenation of all earlier outputs, separated by transitions that halve channels and resolution.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/densenet.py">torchvision/models/densenet.py</a>
 */
public class DenseNet extends Module {
    public DenseNet(int growthRate, int[] blockConfig, int numInitFeatures) {
        this(growthRate, blockConfig, numInitFeatures, 4, 0.0, 1000);
    }

    public DenseNet(int growthRate, int[] blockConfig, int numInitFeatures, int bnSize, double dropRate, int numClasses) {
        Sequential features = registerModule("features", new Sequential());
        features.addModule("conv0", Convs.conv(3, numInitFeatures, 7, 2, 3, 1, false));
        features.addModule("norm0", new BatchNorm2d(numInitFeatures));
        features.addModule("relu0", new ReLU(true));
        features.addModule("pool0", new MaxPool2d(3, 2, 1));
        int numFeatures = numInitFeatures;
        for (int i = 0; i < blockConfig.length; i++) {
            features.addModule("denseblock" + (i + 1),
                    new DenseBlock(blockConfig[i], numFeatures, bnSize, growthRate, dropRate));
            numFeatures += blockConfig[i] * growthRate;
            if (i != blockConfig.length - 1) {
                features.addModule("transition" + (i + 1), new Transition(numFeatures, numFeatures / 2));
                numFeatures /= 2;
            }
        }
        features.addModule("norm5", new BatchNorm2d(numFeatures));
        registerModule("classifier", new Linear(numFeatures, numClasses));
        if (Inits.enabled()) {
            for (Module m : modules()) {
                if (m instanceof Conv2d conv) {
                    Init.kaimingNormal(conv.weight);
                } else if (m instanceof BatchNorm2d bn) {
                    Inits.normOnesZeros(bn);
                } else if (m instanceof Linear linear) {
                    Init.zeros(linear.bias);
                }
            }
        }
    }

    public Sequential features() {
        return (Sequential) child("features");
    }

    public Linear classifier() {
        return (Linear) child("classifier");
    }

    @Override
    public Tensor forward(Tensor x) {
        x = F.relu(child("features").forward(x));
        x = F.adaptiveAvgPool2d(x, new int[] {1, 1});
        x = F.flatten(x, 1);
        return child("classifier").forward(x);
    }

    /** BN-ReLU-1×1 conv (to bn_size·growth channels), BN-ReLU-3×3 conv (to growth channels). */
    static final class DenseLayer extends Module {
        private final double dropRate;

        DenseLayer(int numInputFeatures, int growthRate, int bnSize, double dropRate) {
            registerModule("norm1", new BatchNorm2d(numInputFeatures));
            registerModule("relu1", new ReLU(true));
            registerModule("conv1", Convs.conv(numInputFeatures, bnSize * growthRate, 1, 1, 0, 1, false));
            registerModule("norm2", new BatchNorm2d(bnSize * growthRate));
            registerModule("relu2", new ReLU(true));
            registerModule("conv2", Convs.conv(bnSize * growthRate, growthRate, 3, 1, 1, 1, false));
            this.dropRate = dropRate;
        }

        @Override
        protected String reprName() {
            return "_DenseLayer";
        }

        Tensor forward(List<Tensor> inputs) {
            Tensor concat = Torch.cat(inputs, 1);
            Tensor bottleneck = child("conv1").forward(child("relu1").forward(child("norm1").forward(concat)));
            Tensor out = child("conv2").forward(child("relu2").forward(child("norm2").forward(bottleneck)));
            if (dropRate > 0) {
                out = F.dropout(out, dropRate, isTraining());
            }
            return out;
        }
    }

    /** A ModuleDict of dense layers ("denselayer1", ...) whose forward concatenates every output. */
    static final class DenseBlock extends Module {
        DenseBlock(int numLayers, int numInputFeatures, int bnSize, int growthRate, double dropRate) {
            for (int i = 0; i < numLayers; i++) {
                registerModule("denselayer" + (i + 1),
                        new DenseLayer(numInputFeatures + i * growthRate, growthRate, bnSize, dropRate));
            }
        }

        @Override
        protected String reprName() {
            return "_DenseBlock";
        }

        @Override
        public Tensor forward(Tensor init) {
            List<Tensor> features = new ArrayList<>();
            features.add(init);
            for (Module layer : namedChildren().values()) {
                features.add(((DenseLayer) layer).forward(features));
            }
            return Torch.cat(features, 1);
        }
    }

    /** BN, ReLU, 1×1 conv and 2×2 average pool between dense blocks. */
    static final class Transition extends Sequential {
        Transition(int numInputFeatures, int numOutputFeatures) {
            addModule("norm", new BatchNorm2d(numInputFeatures));
            addModule("relu", new ReLU(true));
            addModule("conv", Convs.conv(numInputFeatures, numOutputFeatures, 1, 1, 0, 1, false));
            addModule("pool", new AvgPool2d(2, 2));
        }

        @Override
        protected String reprName() {
            return "_Transition";
        }
    }
}
