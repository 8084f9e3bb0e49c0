package jtorch.vision.models;

import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Dropout;
import jtorch.nn.Linear;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Module;
import jtorch.nn.Sequential;
import jtorch.nn.functional.F;

/**
 * GoogLeNet (Inception v1, "Going Deeper with Convolutions") with BatchNorm, and its two auxiliary
 * classifiers (used in training only; {@code forward} returns the main logits).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/googlenet.py">torchvision/models/googlenet.py</a>
 */
public class GoogLeNet extends Module {
    public GoogLeNet() {
        this(1000, true, 0.2, 0.7);
    }

    public GoogLeNet(int numClasses, boolean auxLogits, double dropout, double dropoutAux) {
        registerModule("conv1", new BasicConv2d(3, 64, 7, 2, 3));
        registerModule("maxpool1", new MaxPool2d(3, 2, 0, 1, true));
        registerModule("conv2", new BasicConv2d(64, 64, 1));
        registerModule("conv3", new BasicConv2d(64, 192, 3, 1, 1));
        registerModule("maxpool2", new MaxPool2d(3, 2, 0, 1, true));
        registerModule("inception3a", new Inception(192, 64, 96, 128, 16, 32, 32));
        registerModule("inception3b", new Inception(256, 128, 128, 192, 32, 96, 64));
        registerModule("maxpool3", new MaxPool2d(3, 2, 0, 1, true));
        registerModule("inception4a", new Inception(480, 192, 96, 208, 16, 48, 64));
        registerModule("inception4b", new Inception(512, 160, 112, 224, 24, 64, 64));
        registerModule("inception4c", new Inception(512, 128, 128, 256, 24, 64, 64));
        registerModule("inception4d", new Inception(512, 112, 144, 288, 32, 64, 64));
        registerModule("inception4e", new Inception(528, 256, 160, 320, 32, 128, 128));
        registerModule("maxpool4", new MaxPool2d(2, 2, 0, 1, true));
        registerModule("inception5a", new Inception(832, 256, 160, 320, 32, 128, 128));
        registerModule("inception5b", new Inception(832, 384, 192, 384, 48, 128, 128));
        if (auxLogits) {
            registerModule("aux1", new InceptionAux(512, numClasses, dropoutAux));
            registerModule("aux2", new InceptionAux(528, numClasses, dropoutAux));
        }
        registerModule("avgpool", new AdaptiveAvgPool2d(new int[] {1, 1}));
        registerModule("dropout", new Dropout(dropout));
        registerModule("fc", new Linear(1024, numClasses));
        if (Inits.enabled()) {
            for (Module m : modules()) {
                if (m instanceof Conv2d conv) {
                    Inits.truncNormal(conv.weight, 0.0, 0.01, -2, 2);
                } else if (m instanceof Linear linear) {
                    Inits.truncNormal(linear.weight, 0.0, 0.01, -2, 2);
                } else if (m instanceof BatchNorm2d bn) {
                    Inits.normOnesZeros(bn);
                }
            }
        }
    }

    public Linear fc() {
        return (Linear) child("fc");
    }

    @Override
    public Tensor forward(Tensor x) {
        x = child("maxpool1").forward(child("conv1").forward(x));
        x = child("maxpool2").forward(child("conv3").forward(child("conv2").forward(x)));
        x = child("maxpool3").forward(child("inception3b").forward(child("inception3a").forward(x)));
        x = child("inception4a").forward(x);
        x = child("inception4d").forward(child("inception4c").forward(child("inception4b").forward(x)));
        x = child("maxpool4").forward(child("inception4e").forward(x));
        x = child("inception5b").forward(child("inception5a").forward(x));
        x = F.flatten(child("avgpool").forward(x), 1);
        return child("fc").forward(child("dropout").forward(x));
    }

    /** Four branches (1×1; 1×1→3×3; 1×1→3×3; pool→1×1) concatenated along channels. */
    static final class Inception extends Module {
        Inception(int in, int ch1x1, int ch3x3red, int ch3x3, int ch5x5red, int ch5x5, int poolProj) {
            registerModule("branch1", new BasicConv2d(in, ch1x1, 1));
            registerModule("branch2", new Sequential(new BasicConv2d(in, ch3x3red, 1),
                    new BasicConv2d(ch3x3red, ch3x3, 3, 1, 1)));
            // TORCH: torchvision keeps a 3x3 here where the paper has 5x5, to load its original checkpoint.
            registerModule("branch3", new Sequential(new BasicConv2d(in, ch5x5red, 1),
                    new BasicConv2d(ch5x5red, ch5x5, 3, 1, 1)));
            registerModule("branch4", new Sequential(new MaxPool2d(3, 1, 1, 1, true),
                    new BasicConv2d(in, poolProj, 1)));
        }

        @Override
        public Tensor forward(Tensor x) {
            return Torch.cat(List.of(child("branch1").forward(x), child("branch2").forward(x), child("branch3").forward(x), child("branch4").forward(x)), 1);
        }
    }

    /** The auxiliary classifier on inception4a and inception4d (training only). */
    static final class InceptionAux extends Module {
        InceptionAux(int in, int numClasses, double dropout) {
            registerModule("conv", new BasicConv2d(in, 128, 1));
            registerModule("fc1", new Linear(2048, 1024));
            registerModule("fc2", new Linear(1024, numClasses));
            registerModule("dropout", new Dropout(dropout));
        }

        @Override
        public Tensor forward(Tensor x) {
            x = child("conv").forward(F.adaptiveAvgPool2d(x, new int[] {4, 4}));
            x = F.relu(child("fc1").forward(F.flatten(x, 1)));
            return child("fc2").forward(child("dropout").forward(x));
        }
    }
}
