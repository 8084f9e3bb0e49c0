package jtorch.vision.models;

import jtorch.Tensor;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Module;
import jtorch.nn.ReLU;

/**
 * ResNet-50/101/152's (and ResNeXt's, Wide ResNet's) residual block: 1×1 reduce, 3×3 (grouped for
 * ResNeXt; the stride sits here, "ResNet V1.5"), 1×1 expand by 4.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public class Bottleneck extends Module {
    static final int EXPANSION = 4;

    final Conv2d conv1;
    final BatchNorm2d bn1;
    final Conv2d conv2;
    final BatchNorm2d bn2;
    final Conv2d conv3;
    final BatchNorm2d bn3;
    final ReLU relu;
    final Module downsample;

    public Bottleneck(int inplanes, int planes, int stride, Module downsample, int groups, int baseWidth, int dilation) {
        int width = (int) (planes * (baseWidth / 64.0)) * groups;
        conv1 = registerModule("conv1", Convs.conv1x1(inplanes, width, 1));
        bn1 = registerModule("bn1", new BatchNorm2d(width));
        conv2 = registerModule("conv2", Convs.conv3x3(width, width, stride, groups, dilation));
        bn2 = registerModule("bn2", new BatchNorm2d(width));
        conv3 = registerModule("conv3", Convs.conv1x1(width, planes * EXPANSION, 1));
        bn3 = registerModule("bn3", new BatchNorm2d(planes * EXPANSION));
        relu = registerModule("relu", new ReLU(true));
        this.downsample = downsample == null ? null : registerModule("downsample", downsample);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor identity = x;
        Tensor out = relu.forward(bn1.forward(conv1.forward(x)));
        out = relu.forward(bn2.forward(conv2.forward(out)));
        out = bn3.forward(conv3.forward(out));
        if (downsample != null) {
            identity = downsample.forward(x);
        }
        return relu.forward(out.add(identity));
    }
}
