package jtorch.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Cosine annealing from each group's initial rate down to {@code etaMin} over {@code tMax} steps and back up
 * (no restarts): {@code lr_t = η_min + (η_max − η_min)·(1 + cos(π·t/T_max))/2} in closed form. Like PyTorch
 * 1.13 it is computed recursively from the current rate,
 * {@code lr_t = (1 + cos(πt/T)) / (1 + cos(π(t−1)/T)) · (lr_{t−1} − η_min) + η_min}, with PyTorch's special
 * cases at {@code t = 0} and at the bottom of each cycle, so it composes with other changes to {@code lr}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html">CosineAnnealingLR</a>
 */
public class CosineAnnealingLR extends LRScheduler {
    public final int tMax;
    public final double etaMin;

    /** etaMin 0. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        this(optimizer, tMax, etaMin, -1);
    }

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (tMax < 1) {
            // NOTE: PyTorch accepts T_max=0 and fails later with ZeroDivisionError; we refuse it up front.
            throw new IllegalArgumentException("T_max must be a positive integer, got " + tMax);
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        List<Double> lrs = currentLrs();
        List<Double> out = new ArrayList<>();
        if (lastEpoch == 0) {
            return lrs;
        }
        for (int i = 0; i < lrs.size(); i++) {
            double lr = lrs.get(i);
            double base = baseLrs.get(i);
            double value;
            if (stepCount == 1 && lastEpoch > 0) {
                value = etaMin + (base - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2;
            } else if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
                // TORCH: Python's % is a floor modulo; at the bottom of a cycle the ratio below would be 0/0.
                value = lr + (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            } else {
                value = (1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                        * (lr - etaMin) + etaMin;
            }
            out.add(value);
        }
        return out;
    }
}
