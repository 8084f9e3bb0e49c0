package jtorch.vision.models;

import java.util.function.IntFunction;
import java.util.function.Supplier;
import jtorch.nn.Conv2d;
import jtorch.nn.Module;
import jtorch.nn.Sequential;

/**
 * torchvision's {@code ops.misc.Conv2dNormActivation}: a Sequential of a convolution, a norm layer and an
 * activation (either may be absent). Padding defaults to {@code (k − 1) / 2 · dilation} ("same" for odd k and
 * stride 1); the convolution has a bias only when there is no norm layer.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/ops/misc.py">torchvision/ops/misc.py</a>
 */
public class Conv2dNormActivation extends Sequential {
    public final int outChannels;

    /**
     * @param normLayer makes the norm layer for a channel count (null: none)
     * @param activationLayer makes the activation (null: none)
     */
    public Conv2dNormActivation(int in, int out, int kernel, int stride, int groups, IntFunction<Module> normLayer,
                                Supplier<Module> activationLayer, int dilation) {
        this(in, out, kernel, stride, (kernel - 1) / 2 * dilation, groups, normLayer, activationLayer, dilation,
                normLayer == null);
    }

    public Conv2dNormActivation(int in, int out, int kernel, int stride, int padding, int groups,
                                IntFunction<Module> normLayer, Supplier<Module> activationLayer, int dilation,
                                boolean bias) {
        add(Conv2d.builder(in, out, kernel).stride(stride).padding(padding).dilation(dilation).groups(groups)
                .bias(bias).build());
        if (normLayer != null) {
            add(normLayer.apply(out));
        }
        if (activationLayer != null) {
            add(activationLayer.get());
        }
        this.outChannels = out;
    }
}
