package jtorch.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Multiplies each group's rate by {@code gamma} at every milestone (a milestone listed k times multiplies by
 * {@code gamma^k}), computed recursively as PyTorch does.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.MultiStepLR.html">MultiStepLR</a>
 */
public class MultiStepLR extends LRScheduler {
    public final List<Integer> milestones;
    public final double gamma;

    /** gamma 0.1. */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones) {
        this(optimizer, milestones, 0.1);
    }

    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma) {
        this(optimizer, milestones, gamma, -1);
    }

    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.milestones = List.copyOf(milestones);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        // TORCH: milestones is a Counter; a repeated milestone applies gamma once per occurrence.
        int count = 0;
        for (int m : milestones) {
            if (m == lastEpoch) {
                count++;
            }
        }
        List<Double> lrs = currentLrs();
        if (count == 0) {
            return lrs;
        }
        List<Double> out = new ArrayList<>();
        for (double lr : lrs) {
            out.add(lr * Math.pow(gamma, count));
        }
        return out;
    }
}
