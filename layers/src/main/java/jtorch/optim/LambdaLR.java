package jtorch.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Sets each group's rate to its initial rate times a function of the epoch:
 * {@code lr = initial_lr · lambda(epoch)}; one function for all groups, or one per group.
 *
 * {@snippet :
 * var warmup = new LambdaLR(optimizer, epoch -> Math.min(1.0, (epoch + 1) / 5.0));
 * }
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.LambdaLR.html">LambdaLR</a>
 */
public class LambdaLR extends LRScheduler {
    private final List<IntToDoubleFunction> lrLambdas;

    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda), -1);
    }

    /** One function per parameter group. */
    public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas) {
        this(optimizer, lrLambdas, -1);
    }

    public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (lrLambdas.size() != optimizer.paramGroups().size()) {
            throw new IllegalArgumentException("Expected " + optimizer.paramGroups().size() + " lr_lambdas, but got "
                    + lrLambdas.size());
        }
        this.lrLambdas = List.copyOf(lrLambdas);
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < baseLrs.size(); i++) {
            out.add(baseLrs.get(i) * lrLambdas.get(i).applyAsDouble(lastEpoch));
        }
        return out;
    }
}
