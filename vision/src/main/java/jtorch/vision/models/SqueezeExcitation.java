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
    private final AdaptiveAvgPool2d avgpool;
    private final Conv2d fc1;
    private final Conv2d fc2;
    private final Module activation;
    private final Module scaleActivation;

    public SqueezeExcitation(int inputChannels, int squeezeChannels, Supplier<Module> activation,
                             Supplier<Module> scaleActivation) {
        avgpool = registerModule("avgpool", new AdaptiveAvgPool2d(1));
        fc1 = registerModule("fc1", new Conv2d(inputChannels, squeezeChannels, 1));
        fc2 = registerModule("fc2", new Conv2d(squeezeChannels, inputChannels, 1));
        this.activation = registerModule("activation", activation.get());
        this.scaleActivation = registerModule("scale_activation", scaleActivation.get());
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor scale = avgpool.forward(input);
        scale = fc2.forward(activation.forward(fc1.forward(scale)));
        scale = scaleActivation.forward(scale);
        return scale.mul(input);
    }
}
