package jtorch.optim;

import java.util.List;
import jtorch.Tensor;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), exactly as PyTorch 1.13's single-tensor
 * algorithm: {@code θ ← θ·(1 − lr·λ)} first, then the {@link Adam} update without the L2 term.
 * Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, <b>weight decay 1e-2</b>, amsgrad false.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.AdamW.html">torch.optim.AdamW</a>
 */
public class AdamW extends Adam {
    public AdamW(List<? extends Tensor> params) {
        this(params, new Options());
    }

    public AdamW(List<? extends Tensor> params, double lr) {
        this(params, new Options().lr(lr));
    }

    /** {@code AdamW(params, lr, betas, eps, weight_decay, amsgrad)}, PyTorch's positional order. */
    public AdamW(List<? extends Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
                 boolean amsgrad) {
        this(params, new Options().lr(lr).betas(beta1, beta2).eps(eps).weightDecay(weightDecay).amsgrad(amsgrad));
    }

    public AdamW(List<? extends Tensor> params, Options options) {
        super(params, options.toAdamWDefaults());
    }

    public AdamW(Iterable<ParamGroup> groups, Options options) {
        super(groups, options.toAdamWDefaults());
    }

    @Override
    boolean decoupledWeightDecay() {
        return true;
    }
}
