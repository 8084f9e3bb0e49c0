package jtorch.nn;

import jtorch.Tensor;
import jtorch.tensor.NdArray;

/**
 * A tensor that is a module parameter ({@code torch.nn.Parameter}): a leaf that requires grad by default,
 * registered with {@link Module#registerParameter} and returned by {@link Module#parameters()}.
 */
public class Parameter extends Tensor {
    public Parameter(NdArray data) {
        this(data, true);
    }

    public Parameter(NdArray data, boolean requiresGrad) {
        super(data);
        requiresGrad(requiresGrad);
    }

    /** A parameter sharing {@code t}'s data (detached from any graph). */
    public Parameter(Tensor t) {
        this(t.data(), true);
    }

    /** PyTorch's print: {@code Parameter containing:} then the tensor. */
    @Override
    public String toString() {
        return "Parameter containing:\n" + super.toString();
    }
}
