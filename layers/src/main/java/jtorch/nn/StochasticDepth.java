package jtorch.nn;

import jtorch.Tensor;
import jtorch.Torch;

/**
 * Stochastic depth ("Deep Networks with Stochastic Depth", torchvision's {@code ops.StochasticDepth}): in
 * training, drops the whole residual branch with probability {@code p}, per sample ({@code mode="row"}) or
 * for the whole batch ({@code mode="batch"}), scaling survivors by {@code 1/(1−p)}; identity in eval mode.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/ops/stochastic_depth.py">torchvision/ops/stochastic_depth.py</a>
 */
public class StochasticDepth extends Module {
    public final double p;
    public final String mode;

    /** @param mode {@code "row"} or {@code "batch"} */
    public StochasticDepth(double p, String mode) {
        if (p < 0.0 || p > 1.0) {
            throw new IllegalArgumentException("drop probability has to be between 0 and 1, but got " + p);
        }
        if (!mode.equals("row") && !mode.equals("batch")) {
            throw new IllegalArgumentException("mode has to be either 'batch' or 'row', but got " + mode);
        }
        this.p = p;
        this.mode = mode;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (!isTraining() || p == 0.0) {
            return input;
        }
        double survival = 1.0 - p;
        int[] noiseShape = new int[input.dim()];
        java.util.Arrays.fill(noiseShape, 1);
        if (mode.equals("row")) {
            noiseShape[0] = input.size(0);
        }
        // TORCH: bernoulli_(survival) as uniform < survival, then divided by survival when survival > 0.
        Tensor noise = Torch.rand(noiseShape).lt(survival).to(input.dtype());
        if (survival > 0.0) {
            noise = noise.div(survival);
        }
        return input.mul(noise);
    }

    /** TORCH: torchvision overrides {@code __repr__}, printing the mode without quotes. */
    @Override
    public String toString() {
        return "StochasticDepth(p=" + Repr.pyFloat(p) + ", mode=" + mode + ")";
    }
}
