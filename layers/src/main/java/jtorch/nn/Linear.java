package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;
import jtorch.nn.init.Init;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;

/**
 * A fully connected layer: {@code y = x·Wᵀ + b}.
 *
 * <p><b>Shape:</b> input {@code (*, in_features)}, output {@code (*, out_features)}.
 *
 * <p><b>Attributes:</b> {@code weight} of shape {@code (out_features, in_features)} and {@code bias} of shape
 * {@code (out_features)} (null with {@code bias=false}), both U(−1/√in_features, 1/√in_features), drawn from
 * the default generator weight first, as PyTorch does.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.Linear.html">torch.nn.Linear</a>
 */
public class Linear extends Module {
    public final int inFeatures;
    public final int outFeatures;
    public final Parameter weight;
    public final Parameter bias;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /** @param bias whether to learn an additive bias (default true) */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", new Parameter(Creation.zeros(DType.FLOAT32, outFeatures, inFeatures)));
        this.bias = registerParameter("bias", bias ? new Parameter(Creation.zeros(DType.FLOAT32, outFeatures)) : null);
        resetParameters();
    }

    /** PyTorch's {@code reset_parameters}: weight, then bias, from the default generator. */
    public void resetParameters() {
        Init.defaultLayerInit(weight, bias);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.linear(input, weight, bias);
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + Repr.pyBool(bias != null);
    }
}
