package jtorch.nn.init;

import jtorch.Tensor;
import jtorch.tensor.Creation;
import jtorch.tensor.Generator;
import jtorch.tensor.NdArray;

/**
 * Parameter initialisation ({@code torch.nn.init}): PyTorch's functions in camelCase, without the trailing
 * underscore, each filling its tensor in place (outside any graph) and returning it. Random ones draw from
 * {@link Creation#defaultGenerator()} unless given a {@link Generator}, value for value as PyTorch's CPU
 * kernels, so {@code Torch.manualSeed(s)} then the same calls give PyTorch's exact numbers.
 *
 * @see <a href="https://pytorch.org/docs/1.13/nn.init.html">torch.nn.init</a>
 */
public final class Init {
    private Init() {}

    // ---------------------------------------------------------------- fans and gains

    /**
     * {@code (fan_in, fan_out)} of a weight of shape {@code (out, in, *kernel)}: {@code in·∏kernel} and
     * {@code out·∏kernel}.
     *
     * @throws IllegalArgumentException for fewer than 2 dimensions, with PyTorch's message
     */
    public static int[] calculateFanInAndFanOut(Tensor tensor) {
        int dims = tensor.dim();
        if (dims < 2) {
            throw new IllegalArgumentException(
                    "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }
        int receptiveField = 1;
        for (int d = 2; d < dims; d++) {
            receptiveField *= tensor.size(d);
        }
        int fanIn = tensor.size(1) * receptiveField;
        int fanOut = tensor.size(0) * receptiveField;
        return new int[] {fanIn, fanOut};
    }

    /** PyTorch's {@code _calculate_correct_fan}: mode {@code "fan_in"} or {@code "fan_out"}. */
    public static int calculateCorrectFan(Tensor tensor, String mode) {
        String m = mode.toLowerCase(java.util.Locale.ROOT);
        if (!m.equals("fan_in") && !m.equals("fan_out")) {
            throw new IllegalArgumentException("Mode " + mode + " not supported, please use one of fan_in, fan_out");
        }
        int[] fans = calculateFanInAndFanOut(tensor);
        return m.equals("fan_in") ? fans[0] : fans[1];
    }

    /** {@link #calculateGain(String, Double)} without a parameter. */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, null);
    }

    /**
     * The recommended gain for a nonlinearity: 1 for linear, conv and sigmoid, 5/3 for tanh, √2 for relu,
     * √(2/(1+slope²)) for leaky_relu (slope {@code param}, default 0.01), 3/4 for selu.
     */
    public static double calculateGain(String nonlinearity, Double param) {
        switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                    "conv_transpose3d", "sigmoid" -> {
                return 1.0;
            }
            case "tanh" -> {
                return 5.0 / 3;
            }
            case "relu" -> {
                return Math.sqrt(2.0);
            }
            case "leaky_relu" -> {
                double slope = param == null ? 0.01 : param;
                return Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu" -> {
                return 3.0 / 4;
            }
            default -> throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
        }
    }

    // ---------------------------------------------------------------- plain fills

    /** Fills with U(a, b) from the default generator ({@code uniform_}). */
    public static Tensor uniform(Tensor tensor, double a, double b) {
        return uniform(tensor, a, b, Creation.defaultGenerator());
    }

    public static Tensor uniform(Tensor tensor, double a, double b, Generator generator) {
        return assign(tensor, Creation.uniform(generator, tensor.dtype(), a, b, tensor.shape()));
    }

    /** Fills with N(mean, std²) from the default generator ({@code normal_}). */
    public static Tensor normal(Tensor tensor, double mean, double std) {
        return normal(tensor, mean, std, Creation.defaultGenerator());
    }

    public static Tensor normal(Tensor tensor, double mean, double std, Generator generator) {
        return assign(tensor, Creation.normal(generator, tensor.dtype(), mean, std, tensor.shape()));
    }

    /** Fills with {@code value} ({@code constant_}). */
    public static Tensor constant(Tensor tensor, double value) {
        NdArray data = tensor.data();
        data.backend().fill(data, value);
        return tensor;
    }

    public static Tensor zeros(Tensor tensor) {
        return constant(tensor, 0.0);
    }

    public static Tensor ones(Tensor tensor) {
        return constant(tensor, 1.0);
    }

    // ---------------------------------------------------------------- scaled fills

    /**
     * He (Kaiming) uniform: U(-bound, bound) with {@code bound = gain·√(3/fan)}.
     *
     * @param a the negative slope of the rectifier after this layer (leaky_relu only)
     * @param mode {@code "fan_in"} (PyTorch's default) or {@code "fan_out"}
     * @param nonlinearity {@code "leaky_relu"} (PyTorch's default) or {@code "relu"}, ...
     */
    public static Tensor kaimingUniform(Tensor tensor, double a, String mode, String nonlinearity) {
        return kaimingUniform(tensor, a, mode, nonlinearity, Creation.defaultGenerator());
    }

    public static Tensor kaimingUniform(Tensor tensor, double a, String mode, String nonlinearity,
                                        Generator generator) {
        if (tensor.numel() == 0) {
            // TORCH: PyTorch warns "Initializing zero-element tensors is a no-op" and returns the tensor.
            return tensor;
        }
        int fan = calculateCorrectFan(tensor, mode);
        double gain = calculateGain(nonlinearity, a);
        double std = gain / Math.sqrt(fan);
        double bound = Math.sqrt(3.0) * std;
        return uniform(tensor, -bound, bound, generator);
    }

    /** {@code kaimingUniform(tensor, a, "fan_in", "leaky_relu")}. */
    public static Tensor kaimingUniform(Tensor tensor, double a) {
        return kaimingUniform(tensor, a, "fan_in", "leaky_relu");
    }

    /** {@code kaimingUniform(tensor, 0, "fan_in", "leaky_relu")}. */
    public static Tensor kaimingUniform(Tensor tensor) {
        return kaimingUniform(tensor, 0.0);
    }

    /** He (Kaiming) normal: N(0, std²) with {@code std = gain/√fan}. */
    public static Tensor kaimingNormal(Tensor tensor, double a, String mode, String nonlinearity) {
        return kaimingNormal(tensor, a, mode, nonlinearity, Creation.defaultGenerator());
    }

    public static Tensor kaimingNormal(Tensor tensor, double a, String mode, String nonlinearity,
                                       Generator generator) {
        if (tensor.numel() == 0) {
            return tensor;
        }
        int fan = calculateCorrectFan(tensor, mode);
        double gain = calculateGain(nonlinearity, a);
        double std = gain / Math.sqrt(fan);
        return normal(tensor, 0.0, std, generator);
    }

    public static Tensor kaimingNormal(Tensor tensor) {
        return kaimingNormal(tensor, 0.0, "fan_in", "leaky_relu");
    }

    /** Glorot (Xavier) uniform: U(-a, a) with {@code a = gain·√(6/(fan_in+fan_out))}. */
    public static Tensor xavierUniform(Tensor tensor, double gain) {
        return xavierUniform(tensor, gain, Creation.defaultGenerator());
    }

    public static Tensor xavierUniform(Tensor tensor, double gain, Generator generator) {
        int[] fans = calculateFanInAndFanOut(tensor);
        double std = gain * Math.sqrt(2.0 / (fans[0] + fans[1]));
        double a = Math.sqrt(3.0) * std;
        return uniform(tensor, -a, a, generator);
    }

    public static Tensor xavierUniform(Tensor tensor) {
        return xavierUniform(tensor, 1.0);
    }

    /** Glorot (Xavier) normal: N(0, std²) with {@code std = gain·√(2/(fan_in+fan_out))}. */
    public static Tensor xavierNormal(Tensor tensor, double gain) {
        return xavierNormal(tensor, gain, Creation.defaultGenerator());
    }

    public static Tensor xavierNormal(Tensor tensor, double gain, Generator generator) {
        int[] fans = calculateFanInAndFanOut(tensor);
        double std = gain * Math.sqrt(2.0 / (fans[0] + fans[1]));
        return normal(tensor, 0.0, std, generator);
    }

    public static Tensor xavierNormal(Tensor tensor) {
        return xavierNormal(tensor, 1.0);
    }

    // ---------------------------------------------------------------- PyTorch's layer defaults

    /**
     * The default initialisation of {@code Linear} and {@code Conv2d} ({@code reset_parameters}): weight
     * {@code kaiming_uniform_(a=√5)}, i.e. U(-1/√fan_in, 1/√fan_in), then bias U(-1/√fan_in, 1/√fan_in),
     * drawn in that order from the default generator.
     *
     * @param bias may be null
     */
    public static void defaultLayerInit(Tensor weight, Tensor bias) {
        kaimingUniform(weight, Math.sqrt(5.0));
        if (bias != null) {
            int fanIn = calculateFanInAndFanOut(weight)[0];
            if (fanIn != 0) {
                double bound = 1 / Math.sqrt(fanIn);
                uniform(bias, -bound, bound);
            }
        }
    }

    /** Copies {@code values} into {@code tensor}'s storage, keeping its device and dtype. */
    private static Tensor assign(Tensor tensor, NdArray values) {
        NdArray dst = tensor.data();
        NdArray src = values.to(dst.dtype()).toDevice(dst.backend());
        dst.backend().copy(src, dst);
        return tensor;
    }
}
