package jtorch.vision.models;

import jtorch.Tensor;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Module;
import jtorch.nn.ReLU;

/**
 * ResNet-18/34's residual block: two 3×3 convolutions, the input added back (through {@code downsample}
 * when the shape changes).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public class BasicBlock extends Module {
    static final int EXPANSION = 1;

    final Conv2d conv1;
    final BatchNorm2d bn1;
    final ReLU relu;
    final Conv2d conv2;
    final BatchNorm2d bn2;
    final Module downsample;

    public BasicBlock(int inplanes, int planes, int stride, Module downsample, int groups, int baseWidth, int dilation) {
        if (groups != 1 || baseWidth != 64) {
            throw new IllegalArgumentException("BasicBlock only supports groups=1 and base_width=64");
        }
        if (dilation > 1) {
            throw new UnsupportedOperationException("Dilation > 1 not supported in BasicBlock");
        }
        conv1 = registerModule("conv1", Convs.conv3x3(inplanes, planes, stride, 1, 1));
        bn1 = registerModule("bn1", new BatchNorm2d(planes));
        relu = registerModule("relu", new ReLU(true));
        conv2 = registerModule("conv2", Convs.conv3x3(planes, planes, 1, 1, 1));
        bn2 = registerModule("bn2", new BatchNorm2d(planes));
        this.downsample = downsample == null ? null : registerModule("downsample", downsample);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor identity = x;
        Tensor out = relu.forward(bn1.forward(conv1.forward(x)));
        out = bn2.forward(conv2.forward(out));
        if (downsample != null) {
            identity = downsample.forward(x);
        }
        return relu.forward(out.add(identity));
    }
}
