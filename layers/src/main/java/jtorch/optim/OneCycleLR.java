package jtorch.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * The 1cycle policy (Smith and Topin): the rate rises from {@code maxLr/divFactor} to {@code maxLr} over the
 * first {@code pctStart} of {@code totalSteps}, then anneals to {@code initial_lr/finalDivFactor}; momentum
 * (or Adam's β₁) cycles inversely between {@code maxMomentum} and {@code baseMomentum}. Step it once per batch.
 * Two phases by default, three with {@code threePhase}; cosine or linear annealing.
 *
 * {@snippet :
 * var scheduler = new OneCycleLR(optimizer, 0.1, 1000);                        // max_lr, total_steps
 * var linear = new OneCycleLR(optimizer, new OneCycleLR.Options(0.1, 1000).annealStrategy("linear"));
 * }
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.OneCycleLR.html">OneCycleLR</a>
 */
public class OneCycleLR extends LRScheduler {
    private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {}

    public final int totalSteps;
    private final List<Phase> phases;
    private final boolean linear;
    private final boolean cycleMomentum;
    private final boolean useBeta1;

    /** {@code OneCycleLR(optimizer, max_lr, total_steps)} with the other defaults. */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
        this(optimizer, new Options(maxLr, totalSteps));
    }

    public OneCycleLR(Optimizer optimizer, Options o) {
        super(prepare(optimizer, o), -1);
        this.totalSteps = o.totalSteps;
        List<Phase> p = new ArrayList<>();
        if (o.threePhase) {
            p.add(new Phase(o.pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
            p.add(new Phase(2 * o.pctStart * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"));
            p.add(new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"));
        } else {
            p.add(new Phase(o.pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
            p.add(new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
        }
        this.phases = List.copyOf(p);
        this.linear = o.annealStrategy.equals("linear");
        this.cycleMomentum = o.cycleMomentum;
        this.useBeta1 = optimizer.defaults().containsKey("betas");
        initialStep();
    }

    /** Validates and writes {@code initial_lr}, {@code max_lr}, {@code min_lr} and the momenta into the groups. */
    private static Optimizer prepare(Optimizer optimizer, Options o) {
        if (o.totalSteps <= 0) {
            throw new IllegalArgumentException("Expected positive integer total_steps, but got " + o.totalSteps);
        }
        if (o.pctStart < 0 || o.pctStart > 1) {
            throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got "
                    + PyFloat.repr(o.pctStart));
        }
        if (!o.annealStrategy.equals("cos") && !o.annealStrategy.equals("linear")) {
            throw new IllegalArgumentException("anneal_strategy must by one of 'cos' or 'linear', instead got "
                    + o.annealStrategy);
        }
        for (ParamGroup g : optimizer.paramGroups()) {
            double initial = o.maxLr / o.divFactor;
            g.set("initial_lr", initial);
            g.set("max_lr", o.maxLr);
            g.set("min_lr", initial / o.finalDivFactor);
        }
        if (o.cycleMomentum) {
            boolean betas = optimizer.defaults().containsKey("betas");
            if (!optimizer.defaults().containsKey("momentum") && !betas) {
                throw new IllegalArgumentException("optimizer must support momentum with `cycle_momentum` option enabled");
            }
            for (ParamGroup g : optimizer.paramGroups()) {
                if (betas) {
                    g.set("betas", List.of(o.maxMomentum, g.getBeta(1)));
                } else {
                    g.set("momentum", o.maxMomentum);
                }
                g.set("max_momentum", o.maxMomentum);
                g.set("base_momentum", o.baseMomentum);
            }
        }
        return optimizer;
    }

    private double anneal(double start, double end, double pct) {
        if (linear) {
            return (end - start) * pct + start;
        }
        double cosOut = Math.cos(Math.PI * pct) + 1;
        return end + (start - end) / 2.0 * cosOut;
    }

    @Override
    protected List<Double> computeLr() {
        int stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new IllegalStateException("Tried to step " + (stepNum + 1) + " times. The specified number of total "
                    + "steps is " + totalSteps);
        }
        List<Double> lrs = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) {
            double startStep = 0;
            double lr = 0;
            double momentum = 0;
            for (int i = 0; i < phases.size(); i++) {
                Phase phase = phases.get(i);
                if (stepNum <= phase.endStep() || i == phases.size() - 1) {
                    double pct = (stepNum - startStep) / (phase.endStep() - startStep);
                    lr = anneal(g.getDouble(phase.startLr()), g.getDouble(phase.endLr()), pct);
                    if (cycleMomentum) {
                        momentum = anneal(g.getDouble(phase.startMomentum()), g.getDouble(phase.endMomentum()), pct);
                    }
                    break;
                }
                startStep = phase.endStep();
            }
            lrs.add(lr);
            if (cycleMomentum) {
                if (useBeta1) {
                    g.set("betas", List.of(momentum, g.getBeta(1)));
                } else {
                    g.set("momentum", momentum);
                }
            }
        }
        return lrs;
    }

    /** OneCycleLR's settings with PyTorch's defaults; {@code maxLr} and {@code totalSteps} are required. */
    public static final class Options {
        private final double maxLr;
        private final int totalSteps;
        private double pctStart = 0.3;
        private String annealStrategy = "cos";
        private boolean cycleMomentum = true;
        private double baseMomentum = 0.85;
        private double maxMomentum = 0.95;
        private double divFactor = 25.0;
        private double finalDivFactor = 1e4;
        private boolean threePhase;

        public Options(double maxLr, int totalSteps) {
            this.maxLr = maxLr;
            this.totalSteps = totalSteps;
        }

        /** {@code total_steps = epochs · steps_per_epoch}. */
        public static Options ofEpochs(double maxLr, int epochs, int stepsPerEpoch) {
            if (epochs <= 0) {
                throw new IllegalArgumentException("Expected positive integer epochs, but got " + epochs);
            }
            if (stepsPerEpoch <= 0) {
                throw new IllegalArgumentException("Expected positive integer steps_per_epoch, but got " + stepsPerEpoch);
            }
            return new Options(maxLr, epochs * stepsPerEpoch);
        }

        public Options pctStart(double pctStart) {
            this.pctStart = pctStart;
            return this;
        }

        /** {@code "cos"} (default) or {@code "linear"}. */
        public Options annealStrategy(String annealStrategy) {
            this.annealStrategy = annealStrategy;
            return this;
        }

        public Options cycleMomentum(boolean cycleMomentum) {
            this.cycleMomentum = cycleMomentum;
            return this;
        }

        public Options baseMomentum(double baseMomentum) {
            this.baseMomentum = baseMomentum;
            return this;
        }

        public Options maxMomentum(double maxMomentum) {
            this.maxMomentum = maxMomentum;
            return this;
        }

        public Options divFactor(double divFactor) {
            this.divFactor = divFactor;
            return this;
        }

        public Options finalDivFactor(double finalDivFactor) {
            this.finalDivFactor = finalDivFactor;
            return this;
        }

        public Options threePhase(boolean threePhase) {
            this.threePhase = threePhase;
            return this;
        }
    }
}
