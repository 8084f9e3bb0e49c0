package jtorch.vision.models;

import jtorch.Tensor;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Module;
import jtorch.nn.functional.F;

/**
 * GoogLeNet's and Inception v3's convolution unit: conv without bias, BatchNorm (eps 0.001), ReLU.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/inception.py">torchvision/models/inception.py</a>
 */
public class BasicConv2d extends Module {
    public BasicConv2d(int in, int out, int[] kernel, int[] stride, int[] padding) {
        registerModule("conv", Conv2d.builder(in, out, kernel).stride(stride).padding(padding).bias(false).build());
        registerModule("bn", new BatchNorm2d(out, 0.001));
    }

    public BasicConv2d(int in, int out, int kernel, int stride, int padding) {
        this(in, out, new int[] {kernel}, new int[] {stride}, new int[] {padding});
    }

    public BasicConv2d(int in, int out, int kernel) {
        this(in, out, kernel, 1, 0);
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.relu(child("bn").forward(child("conv").forward(x)));
    }
}
