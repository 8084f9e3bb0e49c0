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
    private final BasicConv2d conv1;
    private final MaxPool2d maxpool1;
    private final BasicConv2d conv2;
    private final BasicConv2d conv3;
    private final MaxPool2d maxpool2;
    private final Inception inception3a;
    private final Inception inception3b;
    private final MaxPool2d maxpool3;
    private final Inception inception4a;
    private final Inception inception4b;
    private final Inception inception4c;
    private final Inception inception4d;
    private final Inception inception4e;
    private final MaxPool2d maxpool4;
    private final Inception inception5a;
    private final Inception inception5b;
    private final AdaptiveAvgPool2d avgpool;
    private final Dropout dropout;
    private final Linear fc;

    public GoogLeNet() {
        this(1000, true, 0.2, 0.7);
    }

    public GoogLeNet(int numClasses, boolean auxLogits, double dropout, double dropoutAux) {
        conv1 = registerModule("conv1", new BasicConv2d(3, 64, 7, 2, 3));
        maxpool1 = registerModule("maxpool1", new MaxPool2d(3, 2, 0, 1, true));
        conv2 = registerModule("conv2", new BasicConv2d(64, 64, 1));
        conv3 = registerModule("conv3", new BasicConv2d(64, 192, 3, 1, 1));
        maxpool2 = registerModule("maxpool2", new MaxPool2d(3, 2, 0, 1, true));
        inception3a = registerModule("inception3a", new Inception(192, 64, 96, 128, 16, 32, 32));
        inception3b = registerModule("inception3b", new Inception(256, 128, 128, 192, 32, 96, 64));
        maxpool3 = registerModule("maxpool3", new MaxPool2d(3, 2, 0, 1, true));
        inception4a = registerModule("inception4a", new Inception(480, 192, 96, 208, 16, 48, 64));
        inception4b = registerModule("inception4b", new Inception(512, 160, 112, 224, 24, 64, 64));
        inception4c = registerModule("inception4c", new Inception(512, 128, 128, 256, 24, 64, 64));
        inception4d = registerModule("inception4d", new Inception(512, 112, 144, 288, 32, 64, 64));
        inception4e = registerModule("inception4e", new Inception(528, 256, 160, 320, 32, 128, 128));
        maxpool4 = registerModule("maxpool4", new MaxPool2d(2, 2, 0, 1, true));
        inception5a = registerModule("inception5a", new Inception(832, 256, 160, 320, 32, 128, 128));
        inception5b = registerModule("inception5b", new Inception(832, 384, 192, 384, 48, 128, 128));
        if (auxLogits) {
            registerModule("aux1", new InceptionAux(512, numClasses, dropoutAux));
            registerModule("aux2", new InceptionAux(528, numClasses, dropoutAux));
        }
        avgpool = registerModule("avgpool", new AdaptiveAvgPool2d(new int[] {1, 1}));
        this.dropout = registerModule("dropout", new Dropout(dropout));
        fc = registerModule("fc", new Linear(1024, numClasses));
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
        return fc;
    }

    @Override
    public Tensor forward(Tensor x) {
        x = maxpool1.forward(conv1.forward(x));
        x = maxpool2.forward(conv3.forward(conv2.forward(x)));
        x = maxpool3.forward(inception3b.forward(inception3a.forward(x)));
        x = inception4a.forward(x);
        x = inception4d.forward(inception4c.forward(inception4b.forward(x)));
        x = maxpool4.forward(inception4e.forward(x));
        x = inception5b.forward(inception5a.forward(x));
        x = F.flatten(avgpool.forward(x), 1);
        return fc.forward(dropout.forward(x));
    }

    /** Four branches (1×1; 1×1→3×3; 1×1→3×3; pool→1×1) concatenated along channels. */
    static final class Inception extends Module {
        private final BasicConv2d branch1;
        private final Sequential branch2;
        private final Sequential branch3;
        private final Sequential branch4;

        Inception(int in, int ch1x1, int ch3x3red, int ch3x3, int ch5x5red, int ch5x5, int poolProj) {
            branch1 = registerModule("branch1", new BasicConv2d(in, ch1x1, 1));
            branch2 = registerModule("branch2", new Sequential(new BasicConv2d(in, ch3x3red, 1),
                    new BasicConv2d(ch3x3red, ch3x3, 3, 1, 1)));
            // TORCH: torchvision keeps a 3x3 here where the paper has 5x5, to load its original checkpoint.
            branch3 = registerModule("branch3", new Sequential(new BasicConv2d(in, ch5x5red, 1),
                    new BasicConv2d(ch5x5red, ch5x5, 3, 1, 1)));
            branch4 = registerModule("branch4", new Sequential(new MaxPool2d(3, 1, 1, 1, true),
                    new BasicConv2d(in, poolProj, 1)));
        }

        @Override
        public Tensor forward(Tensor x) {
            return Torch.cat(List.of(branch1.forward(x), branch2.forward(x), branch3.forward(x), branch4.forward(x)), 1);
        }
    }

    /** The auxiliary classifier on inception4a and inception4d (training only). */
    static final class InceptionAux extends Module {
        private final BasicConv2d conv;
        private final Linear fc1;
        private final Linear fc2;
        private final Dropout dropout;

        InceptionAux(int in, int numClasses, double dropout) {
            conv = registerModule("conv", new BasicConv2d(in, 128, 1));
            fc1 = registerModule("fc1", new Linear(2048, 1024));
            fc2 = registerModule("fc2", new Linear(1024, numClasses));
            this.dropout = registerModule("dropout", new Dropout(dropout));
        }

        @Override
        public Tensor forward(Tensor x) {
            x = conv.forward(F.adaptiveAvgPool2d(x, new int[] {4, 4}));
            x = F.relu(fc1.forward(F.flatten(x, 1)));
            return fc2.forward(dropout.forward(x));
        }
    }
}
