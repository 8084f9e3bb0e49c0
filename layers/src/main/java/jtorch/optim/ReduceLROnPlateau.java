package jtorch.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reduces each group's rate by {@code factor} once a metric has stopped improving for more than
 * {@code patience} steps, then waits {@code cooldown} steps: PyTorch 1.13's algorithm, with its
 * {@code "min"/"max"} modes and {@code "rel"/"abs"} thresholds. A reduction smaller than {@code eps} is
 * skipped, and no rate goes below {@code minLr}.
 *
 * {@snippet :
 * var scheduler = new ReduceLROnPlateau(optimizer);            // mode min, factor 0.1, patience 10
 * scheduler.step(validationLoss);
 * }
 *
 * <p><b>Note:</b> not an {@link LRScheduler} (as in PyTorch 1.13): its step takes the metric.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.ReduceLROnPlateau.html">ReduceLROnPlateau</a>
 */
public class ReduceLROnPlateau {
    private final Optimizer optimizer;
    private final boolean minMode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final boolean relThreshold;
    private final int cooldown;
    private final List<Double> minLrs;
    private final double eps;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;
    private List<Double> lastLr = List.of();

    /** Mode "min", factor 0.1, patience 10, threshold 1e-4 ("rel"), cooldown 0, min_lr 0, eps 1e-8. */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, "min", 0.1, 10);
    }

    public ReduceLROnPlateau(Optimizer optimizer, String mode, double factor, int patience) {
        this(optimizer, mode, factor, patience, 1e-4, "rel", 0, 0.0, 1e-8);
    }

    /** Every option, in PyTorch's order (one {@code minLr} for all groups). */
    public ReduceLROnPlateau(Optimizer optimizer, String mode, double factor, int patience, double threshold,
                             String thresholdMode, int cooldown, double minLr, double eps) {
        if (factor >= 1.0) {
            throw new IllegalArgumentException("Factor should be < 1.0.");
        }
        if (!mode.equals("min") && !mode.equals("max")) {
            throw new IllegalArgumentException("mode " + mode + " is unknown!");
        }
        if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
            throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
        }
        this.optimizer = optimizer;
        this.minMode = mode.equals("min");
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.relThreshold = thresholdMode.equals("rel");
        this.cooldown = cooldown;
        this.minLrs = Collections.nCopies(optimizer.paramGroups().size(), minLr);
        this.eps = eps;
        this.best = minMode ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** Records one value of the monitored metric (e.g. the validation loss) and reduces the rates if due. */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric, best)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        List<Double> now = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) {
            now.add(g.lr());
        }
        lastLr = Collections.unmodifiableList(now);
    }

    private void reduceLr() {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            double oldLr = groups.get(i).lr();
            double newLr = Math.max(oldLr * factor, minLrs.get(i));
            if (oldLr - newLr > eps) {
                groups.get(i).setLr(newLr);
            }
        }
    }

    private boolean isBetter(double a, double best) {
        if (minMode) {
            return relThreshold ? a < best * (1.0 - threshold) : a < best - threshold;
        }
        return relThreshold ? a > best * (threshold + 1.0) : a > best + threshold;
    }

    /** The rate of each group after the last step (empty before the first). */
    public List<Double> lastLr() {
        return lastLr;
    }

    public int numBadEpochs() {
        return numBadEpochs;
    }

    public double best() {
        return best;
    }
}
