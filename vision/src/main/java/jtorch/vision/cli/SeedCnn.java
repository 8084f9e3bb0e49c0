package jtorch.vision.cli;

import jtorch.Tensor;
import jtorch.nn.Conv2d;
import jtorch.nn.Flatten;
import jtorch.nn.Linear;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Module;
import jtorch.nn.Sequential;

/**
 * The seed chapter's CIFAR-10 network ({@code model1}: three 5x5 convolutions with padding 2, each followed
 * by 2x2 max pooling, then Linear(64·s·s, 64) and Linear(64, 10)), adapted to the dataset's channel count
 * and image size: s = size/8 after three poolings, so Fashion-MNIST (1x28x28) gives Linear(64·3·3, 64).
 */
public final class SeedCnn extends Module {
    public final int channels;
    public final int size;
    public final int classes;
    private final Sequential model1;

    public SeedCnn(int channels, int size, int classes) {
        this.channels = channels;
        this.size = size;
        this.classes = classes;
        int s = size / 2 / 2 / 2;
        model1 = registerModule("model1", new Sequential(
                new Conv2d(channels, 32, 5, 1, 2),
                new MaxPool2d(2),
                new Conv2d(32, 32, 5, 1, 2),
                new MaxPool2d(2),
                new Conv2d(32, 64, 5, 1, 2),
                new MaxPool2d(2),
                new Flatten(),
                new Linear(64 * s * s, 64),
                new Linear(64, classes)));
    }

    @Override
    public Tensor forward(Tensor x) {
        return model1.forward(x);
    }
}
