package jtorch.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Multiplies each group's rate by {@code gamma} every {@code stepSize} steps:
 * {@code lr = initial_lr · gamma^floor(epoch / stepSize)}, computed recursively as PyTorch does.
 *
 * {@snippet :
 * var scheduler = new StepLR(optimizer, 5, 0.5);   // step_size=5, gamma=0.5
 * }
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.StepLR.html">StepLR</a>
 */
public class StepLR extends LRScheduler {
    public final int stepSize;
    public final double gamma;

    /** gamma 0.1. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        this(optimizer, stepSize, gamma, -1);
    }

    public StepLR(Optimizer optimizer, int stepSize, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (stepSize < 1) {
            // NOTE: PyTorch accepts step_size=0 and fails later with ZeroDivisionError; we refuse it up front.
            throw new IllegalArgumentException("step_size must be a positive integer, got " + stepSize);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        List<Double> lrs = currentLrs();
        if (lastEpoch == 0 || lastEpoch % stepSize != 0) {
            return lrs;
        }
        List<Double> out = new ArrayList<>();
        for (double lr : lrs) {
            out.add(lr * gamma);
        }
        return out;
    }
}
