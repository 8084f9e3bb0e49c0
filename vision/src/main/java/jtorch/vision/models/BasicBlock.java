package jtorch.vision.models;

import jtorch.Tensor;
import jtorch.nn.BatchNorm2d;
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


    public BasicBlock(int inplanes, int planes, int stride, Module downsample, int groups, int baseWidth, int dilation) {
        if (groups != 1 || baseWidth != 64) {
            throw new IllegalArgumentException("BasicBlock only supports groups=1 and base_width=64");
        }
        if (dilation > 1) {
            throw new UnsupportedOperationException("Dilation > 1 not supported in BasicBlock");
        }
        registerModule("conv1", Convs.conv3x3(inplanes, planes, stride, 1, 1));
        registerModule("bn1", new BatchNorm2d(planes));
        registerModule("relu", new ReLU(true));
        registerModule("conv2", Convs.conv3x3(planes, planes, 1, 1, 1));
        registerModule("bn2", new BatchNorm2d(planes));
        if (downsample != null) {
            registerModule("downsample", downsample);
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor identity = x;
        Tensor out = child("relu").forward(child("bn1").forward(child("conv1").forward(x)));
        out = child("bn2").forward(child("conv2").forward(out));
        // NOTE: "downsample" is only registered when the shape changes (torchvision's downsample=None otherwise).
        Module downsample = namedChildren().get("downsample");
        if (downsample != null) {
            identity = downsample.forward(x);
        }
        return child("relu").forward(out.add(identity));
    }
}
