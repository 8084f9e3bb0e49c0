package jtorch.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Multiplies each group's rate by {@code gamma} every step: {@code lr = initial_lr · gamma^epoch}, computed
 * recursively as PyTorch does.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.ExponentialLR.html">ExponentialLR</a>
 */
public class ExponentialLR extends LRScheduler {
    public final double gamma;

    public ExponentialLR(Optimizer optimizer, double gamma) {
        this(optimizer, gamma, -1);
    }

    public ExponentialLR(Optimizer optimizer, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        List<Double> lrs = currentLrs();
        if (lastEpoch == 0) {
            return lrs;
        }
        List<Double> out = new ArrayList<>();
        for (double lr : lrs) {
            out.add(lr * gamma);
        }
        return out;
    }
}
