package jtorch.vision.models;

import jtorch.nn.Conv2d;

/** Short names for the convolutions torchvision's models build again and again. */
final class Convs {
    private Convs() {}

    /** {@code Conv2d(in, out, k, stride, padding, groups=groups, bias=bias)} with dilation 1. */
    static Conv2d conv(int in, int out, int kernel, int stride, int padding, int groups, boolean bias) {
        return Conv2d.builder(in, out, kernel).stride(stride).padding(padding).groups(groups).bias(bias).build();
    }

    /** resnet.py's {@code conv3x3}: padding = dilation, no bias. */
    static Conv2d conv3x3(int in, int out, int stride, int groups, int dilation) {
        return Conv2d.builder(in, out, 3).stride(stride).padding(dilation).groups(groups).dilation(dilation)
                .bias(false).build();
    }

    /** resnet.py's {@code conv1x1}: no bias. */
    static Conv2d conv1x1(int in, int out, int stride) {
        return Conv2d.builder(in, out, 1).stride(stride).bias(false).build();
    }
}
