package jtorch.vision.models;

import jtorch.Tensor;
import jtorch.nn.BatchNorm2d;
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


    public Bottleneck(int inplanes, int planes, int stride, Module downsample, int groups, int baseWidth, int dilation) {
        int width = (int) (planes * (baseWidth / 64.0)) * groups;
        registerModule("conv1", Convs.conv1x1(inplanes, width, 1));
        registerModule("bn1", new BatchNorm2d(width));
        registerModule("conv2", Convs.conv3x3(width, width, stride, groups, dilation));
        registerModule("bn2", new BatchNorm2d(width));
        registerModule("conv3", Convs.conv1x1(width, planes * EXPANSION, 1));
        registerModule("bn3", new BatchNorm2d(planes * EXPANSION));
        registerModule("relu", new ReLU(true));
        if (downsample != null) {
            registerModule("downsample", downsample);
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor identity = x;
        Tensor out = child("relu").forward(child("bn1").forward(child("conv1").forward(x)));
        out = child("relu").forward(child("bn2").forward(child("conv2").forward(out)));
        out = child("bn3").forward(child("conv3").forward(out));
        // NOTE: "downsample" is only registered when the shape changes (torchvision's downsample=None otherwise).
        Module downsample = namedChildren().get("downsample");
        if (downsample != null) {
            identity = downsample.forward(x);
        }
        return child("relu").forward(out.add(identity));
    }
}
