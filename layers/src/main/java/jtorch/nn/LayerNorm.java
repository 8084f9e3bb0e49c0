package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;

/**
 * Layer normalization over the trailing dims {@code normalizedShape}:
 * {@code y = (x − E[x]) / √(Var[x] + eps) · γ + β}, with the biased variance and statistics per sample.
 *
 * <p><b>Shape:</b> input {@code (*, normalizedShape...)}, output of the same shape. {@code weight} (ones) and
 * {@code bias} (zeros) have shape {@code normalizedShape}; both null without {@code elementwiseAffine}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.LayerNorm.html">torch.nn.LayerNorm</a>
 */
public class LayerNorm extends Module {
    public final int[] normalizedShape;
    public final double eps;
    public final boolean elementwiseAffine;
    public final Parameter weight;
    public final Parameter bias;

    /** Normalizes over the last dim of size {@code normalizedShape}; eps 1e-5, affine. */
    public LayerNorm(int normalizedShape) {
        this(new int[] {normalizedShape}, 1e-5, true);
    }

    public LayerNorm(int normalizedShape, double eps) {
        this(new int[] {normalizedShape}, eps, true);
    }

    public LayerNorm(int[] normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        this.weight = registerParameter("weight",
                elementwiseAffine ? new Parameter(Creation.ones(DType.FLOAT32, normalizedShape)) : null);
        this.bias = registerParameter("bias",
                elementwiseAffine ? new Parameter(Creation.zeros(DType.FLOAT32, normalizedShape)) : null);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    @Override
    protected String extraRepr() {
        return Repr.tuple(normalizedShape) + ", eps=" + Repr.pyFloat(eps) + ", elementwise_affine="
                + Repr.pyBool(elementwiseAffine);
    }
}
