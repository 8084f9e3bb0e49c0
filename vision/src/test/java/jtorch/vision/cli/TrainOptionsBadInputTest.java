package jtorch.vision.cli;

import java.util.stream.Stream;
import jtorch.vision.BadInput;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bad-input catalogue of {@code ./jtorch train}'s options: each mistake is a usage error naming it. */
@Timeout(30)
class TrainOptionsBadInputTest {
    private static final Class<TrainOptions.UsageException> USAGE = TrainOptions.UsageException.class;

    static Stream<Arguments> options() {
        BadInput.Table t = new BadInput.Table("train options");
        t.add("unknown option", USAGE, "unknown option --epoch", () -> TrainOptions.parse(new String[] {"--epoch", "3"}));
        t.add("positional argument", USAGE, "unexpected argument 'fast'", () -> TrainOptions.parse(new String[] {"fast"}));
        t.add("missing value", USAGE, "option --lr needs a value", () -> TrainOptions.parse(new String[] {"--lr"}));
        t.add("epochs 0", USAGE, "--epochs must be at least 1, got 0", () -> TrainOptions.parse(new String[] {"--epochs", "0"}));
        t.add("epochs negative", USAGE, "--epochs must be at least 1, got -2", () -> TrainOptions.parse(new String[] {"--epochs=-2"}));
        t.add("epochs not a number", USAGE, "bad number", () -> TrainOptions.parse(new String[] {"--epochs", "three"}));
        t.add("epochs overflow", USAGE, "bad number", () -> TrainOptions.parse(new String[] {"--epochs", "99999999999"}));
        t.add("batch size 0", USAGE, "--batch-size must be at least 1, got 0", () -> TrainOptions.parse(new String[] {"--batch-size", "0"}));
        t.add("batch size fractional", USAGE, "bad number", () -> TrainOptions.parse(new String[] {"--batch-size", "1.5"}));
        t.add("lr 0", USAGE, "--lr must be positive, got 0", () -> TrainOptions.parse(new String[] {"--lr", "0"}));
        t.add("lr negative", USAGE, "--lr must be positive, got -0.1", () -> TrainOptions.parse(new String[] {"--lr", "-0.1"}));
        t.add("lr NaN", USAGE, "--lr must be positive, got NaN", () -> TrainOptions.parse(new String[] {"--lr", "NaN"}));
        t.add("lr Infinity", USAGE, "--lr must be finite, got Infinity", () -> TrainOptions.parse(new String[] {"--lr", "Infinity"}));
        t.add("lr text", USAGE, "bad number", () -> TrainOptions.parse(new String[] {"--lr", "fast"}));
        t.add("momentum negative", USAGE, "--momentum must be in [0, 1), got -0.5", () -> TrainOptions.parse(new String[] {"--momentum", "-0.5"}));
        t.add("momentum NaN", USAGE, "--momentum must be in [0, 1), got NaN", () -> TrainOptions.parse(new String[] {"--momentum", "NaN"}));
        t.add("threads 0", USAGE, "--threads must be at least 1, got 0", () -> TrainOptions.parse(new String[] {"--threads", "0"}));
        t.add("seed text", USAGE, "bad number", () -> TrainOptions.parse(new String[] {"--seed", "x"}));
        t.add("num workers negative", USAGE, "--num-workers must not be negative, got -1", () -> TrainOptions.parse(new String[] {"--num-workers", "-1"}));
        t.add("limit batches negative", USAGE, "--limit-batches must not be negative, got -3", () -> TrainOptions.parse(new String[] {"--limit-batches", "-3"}));
        t.add("unknown optimizer", USAGE, "unknown optimizer 'lbfgs'", () -> new TrainCommand(TrainOptions.parse(new String[] {"--optimizer", "lbfgs", "--out", "/tmp/jtorch-bad-opt"}), System.out).run());
        t.add("unknown device", USAGE, "unknown device 'tpu'", () -> TrainCommand.parseDevice("tpu"));
        t.add("bad device index", USAGE, "unknown device 'opencl:x'", () -> TrainCommand.parseDevice("opencl:x"));
        t.add("unknown data kind", USAGE, "unknown --data 'imagenet:/x'", () -> TrainData.open("imagenet:/x", System.out));
        t.add("data folder without train/test", USAGE, "expected train/ and test/ (or val/) subdirectories", () -> TrainData.open("folder:/tmp", System.out));
        t.add("mnist without directory", USAGE, "--data mnist needs a directory", () -> TrainData.open("mnist", System.out));
        t.add("unknown zoo model", USAGE, "unknown model 'resnet-9000': seed-cnn or one of", () -> ZooModels.forTraining("resnet-9000", 1, 10));
        t.add("--help is not an error", USAGE, "", () -> {
            try {
                TrainOptions.parse(new String[] {"--help"});
            } catch (TrainOptions.UsageException e) {
                if (e.getMessage() != null) {
                    throw new AssertionError("--help carries a message: " + e.getMessage());
                }
                throw new TrainOptions.UsageException("");
            }
        });
        return t.arguments();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void optionsCatalogue(BadInput.Case c) {
        BadInput.check(c);
    }
}
