package jtorch.vision.models;

import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Dropout;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Module;
import jtorch.nn.ReLU;
import jtorch.nn.Sequential;
import jtorch.nn.functional.F;
import jtorch.nn.init.Init;

/**
 * SqueezeNet 1.0 and 1.1 ("SqueezeNet: AlexNet-level accuracy with 50x fewer parameters"): Fire modules
 * and a convolutional classifier.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/squeezenet.py">torchvision/models/squeezenet.py</a>
 */
public class SqueezeNet extends Module {

    /** @param version "1_0" or "1_1" */
    public SqueezeNet(String version, int numClasses, double dropout) {
        MaxPool2d[] pools = new MaxPool2d[3];
        for (int i = 0; i < 3; i++) {
            pools[i] = new MaxPool2d(3, 2, 0, 1, true);
        }
        if (version.equals("1_0")) {
            registerModule("features", new Sequential(
                    new Conv2d(3, 96, 7, 2), new ReLU(true), pools[0],
                    new Fire(96, 16, 64, 64), new Fire(128, 16, 64, 64), new Fire(128, 32, 128, 128), pools[1],
                    new Fire(256, 32, 128, 128), new Fire(256, 48, 192, 192), new Fire(384, 48, 192, 192),
                    new Fire(384, 64, 256, 256), pools[2],
                    new Fire(512, 64, 256, 256)));
        } else if (version.equals("1_1")) {
            registerModule("features", new Sequential(
                    new Conv2d(3, 64, 3, 2), new ReLU(true), pools[0],
                    new Fire(64, 16, 64, 64), new Fire(128, 16, 64, 64), pools[1],
                    new Fire(128, 32, 128, 128), new Fire(256, 32, 128, 128), pools[2],
                    new Fire(256, 48, 192, 192), new Fire(384, 48, 192, 192), new Fire(384, 64, 256, 256),
                    new Fire(512, 64, 256, 256)));
        } else {
            throw new IllegalArgumentException("Unsupported SqueezeNet version " + version + ": 1_0 or 1_1 expected");
        }
        Conv2d finalConv = new Conv2d(512, numClasses, 1);
        registerModule("classifier", new Sequential(new Dropout(dropout), finalConv, new ReLU(true),
                new AdaptiveAvgPool2d(new int[] {1, 1})));
        if (Inits.enabled()) {
            for (Module m : modules()) {
                if (m instanceof Conv2d conv) {
                    if (conv == finalConv) {
                        Init.normal(conv.weight, 0.0, 0.01);
                    } else {
                        Init.kaimingUniform(conv.weight);
                    }
                    if (conv.bias != null) {
                        Init.zeros(conv.bias);
                    }
                }
            }
        }
    }

    public Sequential features() {
        return (Sequential) child("features");
    }

    public Sequential classifier() {
        return (Sequential) child("classifier");
    }

    @Override
    public Tensor forward(Tensor x) {
        x = child("classifier").forward(child("features").forward(x));
        return F.flatten(x, 1);
    }

    /** A squeeze 1×1 conv, then 1×1 and 3×3 expand convs side by side, concatenated. */
    static final class Fire extends Module {
        Fire(int inplanes, int squeezePlanes, int expand1x1Planes, int expand3x3Planes) {
            registerModule("squeeze", new Conv2d(inplanes, squeezePlanes, 1));
            registerModule("squeeze_activation", new ReLU(true));
            registerModule("expand1x1", new Conv2d(squeezePlanes, expand1x1Planes, 1));
            registerModule("expand1x1_activation", new ReLU(true));
            registerModule("expand3x3", new Conv2d(squeezePlanes, expand3x3Planes, 3, 1, 1));
            registerModule("expand3x3_activation", new ReLU(true));
        }

        @Override
        public Tensor forward(Tensor x) {
            x = child("squeeze_activation").forward(child("squeeze").forward(x));
            return Torch.cat(List.of(child("expand1x1_activation").forward(child("expand1x1").forward(x)),
                    child("expand3x3_activation").forward(child("expand3x3").forward(x))), 1);
        }
    }
}
