package jtorch.nn.functional;

import jtorch.Tensor;
import jtorch.tensor.Creation;
import jtorch.tensor.NdArray;

/**
 * Dropout: in training, each element is zeroed with probability p and the survivors are scaled by
 * 1/(1 − p), so the expected value is unchanged; in evaluation it is the identity.
 */
final class Dropout {
    private Dropout() {}

    /**
     * The mask is drawn from the default generator ({@code torch.manual_seed} reproduces it within jtorch).
     * TORCH: on CPU PyTorch multiplies by a Bernoulli(1 − p) noise tensor divided by 1 − p (MulBackward0);
     * its bernoulli_ stream (MKL's, where present) is not reproduced bit for bit.
     */
    static Tensor dropout(Tensor input, double p, boolean training) {
        if (p < 0.0 || p > 1.0 || Double.isNaN(p)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        if (!training || p == 0.0 || input.numel() == 0) {
            return input;
        }
        if (p == 1.0) {
            return input.mul(Tensors.scalarLike(input, 0.0));
        }
        NdArray u = Creation.rand(Creation.defaultGenerator(), input.dtype(), input.shape())
                .toDevice(input.data().backend());
        Tensor keep = new Tensor(u).lt(1.0 - p);
        Tensor noise = keep.to(input.dtype()).div(1.0 - p);
        return input.mul(noise);
    }
}
