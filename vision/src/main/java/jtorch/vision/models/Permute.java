package jtorch.vision.models;

import jtorch.Tensor;
import jtorch.nn.Module;

/**
 * torchvision's {@code ops.misc.Permute}: {@code torch.permute(x, dims)} as a module, so a Sequential can
 * switch between NCHW and NHWC.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/ops/misc.py">torchvision/ops/misc.py</a>
 */
public class Permute extends Module {
    private final int[] dims;

    public Permute(int... dims) {
        this.dims = dims.clone();
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.permute(dims);
    }
}
