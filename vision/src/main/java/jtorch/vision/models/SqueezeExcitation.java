package jtorch.vision.models;

import java.util.function.Supplier;
import jtorch.Tensor;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Module;

/**
 * torchvision's {@code ops.misc.SqueezeExcitation} ("Squeeze-and-Excitation Networks"): per-channel scales
 * from a global average pool through two 1×1 convolutions, multiplied into the input.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/ops/misc.py">torchvision/ops/misc.py</a>
 */
public class SqueezeExcitation extends Module {
    public SqueezeExcitation(int inputChannels, int squeezeChannels, Supplier<Module> activation,
                             Supplier<Module> scaleActivation) {
        registerModule("avgpool", new AdaptiveAvgPool2d(1));
        registerModule("fc1", new Conv2d(inputChannels, squeezeChannels, 1));
        registerModule("fc2", new Conv2d(squeezeChannels, inputChannels, 1));
        registerModule("activation", activation.get());
        registerModule("scale_activation", scaleActivation.get());
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor scale = child("avgpool").forward(input);
        scale = child("fc2").forward(child("activation").forward(child("fc1").forward(scale)));
        scale = child("scale_activation").forward(scale);
        return scale.mul(input);
    }
}
