package jtorch.vision.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.data.Batch;
import jtorch.data.DataLoader;
import jtorch.nn.CrossEntropyLoss;
import jtorch.nn.Module;
import jtorch.optim.Adagrad;
import jtorch.optim.Adam;
import jtorch.optim.AdamW;
import jtorch.optim.LRScheduler;
import jtorch.optim.Optimizer;
import jtorch.optim.RMSprop;
import jtorch.optim.SGD;
import jtorch.optim.StepLR;
import jtorch.tensor.Backends;
import jtorch.tensor.Device;
import jtorch.tensor.Generator;
import jtorch.tensorboard.SummaryWriter;

/**
 * {@code ./jtorch train}: trains the seed's CNN (or a zoo model) on a dataset that needs no download,
 * with a progress bar, test accuracy per epoch, TensorBoard logs, an atomic checkpoint per epoch,
 * {@code --resume}, and a PNG of the curves at the end. A NaN or infinite loss stops training with a
 * clear message; the last good checkpoint stays on disk.
 */
final class TrainCommand {
    private final TrainOptions o;
    private final PrintStream out;

    TrainCommand(TrainOptions options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    /** Runs training; returns the process exit status. */
    int run() throws IOException {
        Torch.setNumThreads(o.threads());
        Device device = parseDevice(o.device());
        Backends.forDevice(device);   // fails early, with the reason, when the device is absent
        TrainData data = TrainData.open(o.data(), out);
        Torch.manualSeed(o.seed());
        Module model = buildModel(data);
        model.to(device);
        Optimizer optim = buildOptimizer(model);
        LRScheduler scheduler = null;
        // TORCH: the training loader shuffles from the default generator, as a PyTorch script with
        // torch.manual_seed(seed) and DataLoader(shuffle=True) does, so with the same seed both see the same
        // initial weights and the same batches. The test loader gets its own generator: iterating a PyTorch
        // loader draws a base seed from its generator, and PyTorch scripts usually evaluate without one.
        Generator dataGen = new Generator(o.seed() + 1);
        DataLoader train = new DataLoader(data.train(), o.batchSize()).shuffle(true).numWorkers(o.numWorkers());
        DataLoader test = new DataLoader(data.test(), 256).generator(dataGen).numWorkers(o.numWorkers());
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        List<Double> losses = new ArrayList<>();
        List<Double> accuracies = new ArrayList<>();
        int startEpoch = 0;
        if (o.resume()) {
            Checkpoint.Resumed r = Checkpoint.load(o.out(), model, optim, scheduler, Torch.defaultGenerator(), dataGen);
            startEpoch = r.epochsDone();
            losses.addAll(r.losses());
            accuracies.addAll(r.accuracies());
            out.printf(Locale.ROOT, "resumed from %s after epoch %d%n", o.out().resolve(Checkpoint.FILE), startEpoch);
        }
        out.printf(Locale.ROOT, "model %s (%,d parameters) on %s, %s, batch %d, lr %s, %d thread(s)%n", o.model(),
                model.parameters().stream().mapToLong(Tensor::numel).sum(), device, o.optimizer(), o.batchSize(),
                o.lr(), Torch.getNumThreads());
        Files.createDirectories(o.out());
        boolean terminal = System.console() != null;
        try (SummaryWriter tb = new SummaryWriter(o.out().resolve("tensorboard"))) {
            for (int epoch = startEpoch; epoch < o.epochs(); epoch++) {
                model.train();
                int batches = o.limitBatches() > 0 ? Math.min(o.limitBatches(), train.size()) : train.size();
                Progress bar = new Progress(out, terminal, String.format(Locale.ROOT, "epoch %d/%d", epoch + 1,
                        o.epochs()), batches);
                double lossSum = 0;
                int seen = 0;
                int step = 0;
                for (Batch b : train) {
                    if (step == batches) {
                        break;
                    }
                    Tensor x = b.inputs().to(device);
                    Tensor y = b.targets().to(device);
                    Tensor loss = criterion.forward(model.forward(x), y);
                    optim.zeroGrad();
                    loss.backward();
                    double l = loss.item();
                    if (!Double.isFinite(l)) {
                        out.printf(Locale.ROOT, "%nstopped: the loss became %s at epoch %d, batch %d (try a lower --lr);"
                                + " the last good checkpoint is %s%n", l, epoch + 1, step + 1,
                                o.out().resolve(Checkpoint.FILE));
                        return 3;
                    }
                    optim.step();
                    lossSum += l * x.size(0);
                    seen += x.size(0);
                    step++;
                    tb.addScalar("train/loss", l, (long) epoch * batches + step);
                    bar.update(step, x.size(0), lossSum / seen);
                }
                if (scheduler != null) {
                    scheduler.step();
                }
                String bad = firstNonFiniteParameter(model);
                if (bad != null) {
                    // NOTE: the last step can leave NaN/Inf weights behind a finite loss; saving them would make the
                    // "last good checkpoint" a bad one, so stop before the save.
                    out.printf(Locale.ROOT, "%nstopped: parameter %s became NaN or infinite in epoch %d (try a lower"
                            + " --lr); the last good checkpoint is %s%n", bad, epoch + 1, o.out().resolve(Checkpoint.FILE));
                    return 3;
                }
                double trainLoss = lossSum / Math.max(1, seen);
                double imagesPerSecond = bar.imagesPerSecond();
                double trainSeconds = bar.elapsedSeconds();
                double acc = evaluate(model, test, device);
                losses.add(trainLoss);
                accuracies.add(acc);
                tb.addScalar("train/epoch_loss", trainLoss, epoch + 1);
                tb.addScalar("test/accuracy", acc, epoch + 1);
                tb.flush();
                out.printf(Locale.ROOT, "epoch %d: train loss %.4f, test accuracy %.2f%%, training %.0f img/s, %.1f s%n",
                        epoch + 1, trainLoss, acc * 100, imagesPerSecond, trainSeconds);
                Checkpoint.save(o.out(), epoch + 1, model, optim, scheduler, Torch.defaultGenerator(), dataGen, losses,
                        accuracies);
            }
        }
        Path plot = o.out().resolve("curves.png");
        CurvePlot.write(plot, List.of(
                new CurvePlot.Series("training loss", "loss", losses, new Color(200, 60, 40)),
                new CurvePlot.Series("test accuracy", "accuracy", accuracies, new Color(40, 110, 200))));
        out.printf(Locale.ROOT, "wrote %s, %s and TensorBoard logs in %s%n", o.out().resolve(Checkpoint.FILE), plot,
                o.out().resolve("tensorboard"));
        return 0;
    }

    private static String firstNonFiniteParameter(Module model) {
        for (var e : model.namedParameters().entrySet()) {
            if (e.getValue().hasNonFinite()) {
                return e.getKey();
            }
        }
        return null;
    }

    private static double evaluate(Module model, DataLoader test, Device device) {
        model.eval();
        long correct = 0;
        long total = 0;
        try (var ignored = Torch.noGrad()) {
            for (Batch b : test) {
                Tensor pred = model.forward(b.inputs().to(device)).argmax(1);
                correct += (long) pred.eq(b.targets().to(device)).sum().item();
                total += b.targets().numel();
            }
        }
        return total == 0 ? 0 : (double) correct / total;
    }

    private Module buildModel(TrainData data) {
        if (o.model().equals("seed-cnn")) {
            return new SeedCnn(data.channels(), data.size(), data.classes());
        }
        return ZooModels.forTraining(o.model(), data.channels(), data.classes());
    }

    private Optimizer buildOptimizer(Module model) {
        var params = model.parameters();
        return switch (o.optimizer()) {
            case "sgd" -> new SGD(params, o.lr(), o.momentum());
            case "adam" -> new Adam(params, o.lr());
            case "adamw" -> new AdamW(params, o.lr());
            case "rmsprop" -> new RMSprop(params, o.lr());
            case "adagrad" -> new Adagrad(params, o.lr());
            default -> throw new TrainOptions.UsageException("unknown optimizer '" + o.optimizer()
                    + "' (sgd, adam, adamw, rmsprop, adagrad)");
        };
    }

    static Device parseDevice(String s) {
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        if (s.equals("opencl")) {
            return Device.opencl();
        }
        if (s.startsWith("opencl:")) {
            try {
                return Device.opencl(Integer.parseInt(s.substring(7)));
            } catch (NumberFormatException e) {
                throw new TrainOptions.UsageException("unknown device '" + s + "' (cpu, opencl, opencl:N)");
            }
        }
        throw new TrainOptions.UsageException("unknown device '" + s + "' (cpu, opencl, opencl:N)");
    }
}
