package jtorch.vision.models;

import jtorch.Tensor;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Dropout;
import jtorch.nn.Linear;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Module;
import jtorch.nn.ReLU;
import jtorch.nn.Sequential;
import jtorch.nn.functional.F;

/**
 * AlexNet in the "one weird trick" variant torchvision ships (64-192-384-256-256 channels). It has no init
 * loop of its own: layers keep PyTorch's default init.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/alexnet.py">torchvision/models/alexnet.py</a>
 */
public class AlexNet extends Module {
    public AlexNet() {
        this(1000, 0.5);
    }

    public AlexNet(int numClasses, double dropout) {
        registerModule("features", new Sequential(
                new Conv2d(3, 64, 11, 4, 2),
                new ReLU(true),
                new MaxPool2d(3, 2),
                new Conv2d(64, 192, 5, 1, 2),
                new ReLU(true),
                new MaxPool2d(3, 2),
                new Conv2d(192, 384, 3, 1, 1),
                new ReLU(true),
                new Conv2d(384, 256, 3, 1, 1),
                new ReLU(true),
                new Conv2d(256, 256, 3, 1, 1),
                new ReLU(true),
                new MaxPool2d(3, 2)));
        registerModule("avgpool", new AdaptiveAvgPool2d(new int[] {6, 6}));
        registerModule("classifier", new Sequential(
                new Dropout(dropout),
                new Linear(256 * 6 * 6, 4096),
                new ReLU(true),
                new Dropout(dropout),
                new Linear(4096, 4096),
                new ReLU(true),
                new Linear(4096, numClasses)));
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
