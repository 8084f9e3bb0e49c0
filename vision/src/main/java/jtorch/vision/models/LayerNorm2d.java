package jtorch.vision.models;

import jtorch.Tensor;
import jtorch.nn.LayerNorm;
import jtorch.nn.functional.F;

/**
 * ConvNeXt's LayerNorm over the channel dim of an NCHW tensor: permute to NHWC, normalize, permute back.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/convnext.py">torchvision/models/convnext.py</a>
 */
public class LayerNorm2d extends LayerNorm {
    public LayerNorm2d(int channels, double eps) {
        super(channels, eps);
    }

    @Override
    public Tensor forward(Tensor x) {
        x = x.permute(0, 2, 3, 1);
        x = F.layerNorm(x, normalizedShape, weight, bias, eps);
        return x.permute(0, 3, 1, 2);
    }
}
