package jtorch.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base class of epoch-based learning-rate schedulers (PyTorch 1.13's {@code _LRScheduler}). Construction
 * records each group's {@code initial_lr} and takes the first step (epoch 0), as PyTorch does; every
 * {@link #step()} then advances {@code last_epoch} by one and writes the new rates into the groups.
 *
 * <p>Subclasses implement PyTorch's recursive ("chainable") {@code get_lr} and call {@link #initialStep()} at
 * the end of their constructor, once their fields are set.
 *
 * <p>{@link #lastLr()} is a list with one rate per parameter group ({@code get_last_lr()}).
 *
 * @see <a href="https://pytorch.org/docs/1.13/optim.html#how-to-adjust-learning-rate">How to adjust learning rate</a>
 */
public abstract class LRScheduler {
    protected final Optimizer optimizer;
    /** Each group's {@code initial_lr}. */
    protected final List<Double> baseLrs;
    /** The index of the last step; -1 before the initial one. */
    protected int lastEpoch;
    /** How many times {@link #step()} ran, the initial step included ({@code _step_count}). */
    protected int stepCount;
    private List<Double> lastLr = List.of();

    /** A fresh schedule ({@code last_epoch=-1}). */
    protected LRScheduler(Optimizer optimizer) {
        this(optimizer, -1);
    }

    /** Resumes at {@code lastEpoch}; every group then needs {@code initial_lr}. */
    protected LRScheduler(Optimizer optimizer, int lastEpoch) {
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        if (lastEpoch == -1) {
            for (ParamGroup g : groups) {
                g.setDefault("initial_lr", g.lr());
            }
        } else {
            for (int i = 0; i < groups.size(); i++) {
                if (!groups.get(i).has("initial_lr")) {
                    throw new IllegalArgumentException("param 'initial_lr' is not specified in param_groups[" + i
                            + "] when resuming an optimizer");
                }
            }
        }
        List<Double> base = new ArrayList<>();
        for (ParamGroup g : groups) {
            base.add(g.getDouble("initial_lr"));
        }
        this.baseLrs = Collections.unmodifiableList(base);
        this.lastEpoch = lastEpoch;
    }

    /** PyTorch's {@code _initial_step}: the step that sets epoch 0's rates. Call last in a constructor. */
    protected final void initialStep() {
        stepCount = 0;
        step();
    }

    /** The rates for {@link #lastEpoch}, computed from the groups' current rates (PyTorch's {@code get_lr}). */
    protected abstract List<Double> computeLr();

    /** Advances one epoch (or one batch, when stepped per batch) and sets every group's {@code lr}. */
    public void step() {
        stepCount++;
        lastEpoch++;
        List<Double> values = computeLr();
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).setLr(values.get(i));
        }
        List<Double> now = new ArrayList<>();
        for (ParamGroup g : groups) {
            now.add(g.lr());
        }
        lastLr = Collections.unmodifiableList(now);
    }

    /** The rate of each group after the last step ({@code get_last_lr()}). */
    public List<Double> lastLr() {
        return lastLr;
    }

    public int lastEpoch() {
        return lastEpoch;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Each group's current rate. */
    protected List<Double> currentLrs() {
        List<Double> out = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) {
            out.add(g.lr());
        }
        return out;
    }

    /** The scheduler's counters, as in PyTorch's {@code state_dict()} (subclasses add their settings). */
    public Map<String, Object> stateDict() {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        out.put("base_lrs", baseLrs);
        out.put("last_epoch", lastEpoch);
        out.put("_step_count", stepCount);
        out.put("_last_lr", lastLr);
        return out;
    }

    /** Restores the counters saved by {@link #stateDict()}. */
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> state) {
        lastEpoch = ((Number) state.get("last_epoch")).intValue();
        stepCount = ((Number) state.get("_step_count")).intValue();
        lastLr = List.copyOf((List<Double>) state.get("_last_lr"));
    }
}
