package jtorch.vision.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The options of {@code ./jtorch train}, parsed from {@code --name value} pairs, with defaults and checks. */
record TrainOptions(String model, String data, int epochs, int batchSize, double lr, double momentum,
                    String optimizer, int threads, long seed, String device, Path out, boolean resume,
                    int numWorkers, int limitBatches) {

    static final String USAGE = """
            usage: ./jtorch train [--model seed-cnn|NAME] [--data fashion-mnist|mnist|cifar10|DIR] [--epochs 3]
                                  [--batch-size 64] [--lr 0.01] [--momentum 0.9] [--optimizer sgd|adam|adamw|rmsprop|adagrad]
                                  [--threads N] [--seed 0] [--device cpu|opencl|opencl:N] [--out runs/train]
                                  [--resume] [--num-workers 0] [--limit-batches N]
              --data: fashion-mnist (default: the full set from /usr/share/datasets/fashion-mnist when
                      installed, else the sample bundled in the jar; fashion-mnist-sample: always the sample), mnist DIR,
                      cifar10 DIR, or an ImageFolder DIR
                      (prefix a directory with its kind: mnist:DIR, fashion-mnist:DIR, cifar10:DIR, folder:DIR)
              --limit-batches: stop each epoch after N batches (for smoke runs)""";

    static TrainOptions parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("model", "seed-cnn");
        v.put("data", "fashion-mnist");
        v.put("epochs", "3");
        v.put("batch-size", "64");
        v.put("lr", "0.01");
        v.put("momentum", "0.9");
        v.put("optimizer", "sgd");
        v.put("threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
        v.put("seed", "0");
        v.put("device", "cpu");
        v.put("out", "runs/train");
        v.put("resume", "false");
        v.put("num-workers", "0");
        v.put("limit-batches", "0");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new UsageException(null);
            }
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String key = a.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (!v.containsKey(key)) {
                throw new UsageException("unknown option --" + key);
            }
            if (key.equals("resume") && value == null) {
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("option --" + key + " needs a value");
                }
                value = args[++i];
            }
            v.put(key, value);
        }
        try {
            TrainOptions o = new TrainOptions(v.get("model"), v.get("data"), positive(v, "epochs"),
                    positive(v, "batch-size"), Double.parseDouble(v.get("lr")), Double.parseDouble(v.get("momentum")),
                    v.get("optimizer").toLowerCase(Locale.ROOT), positive(v, "threads"), Long.parseLong(v.get("seed")),
                    v.get("device"), Path.of(v.get("out")), Boolean.parseBoolean(v.get("resume")),
                    nonNegative(v, "num-workers"), nonNegative(v, "limit-batches"));
            if (!(o.lr > 0)) {
                throw new UsageException("--lr must be positive, got " + v.get("lr"));
            }
            if (Double.isInfinite(o.lr)) {
                throw new UsageException("--lr must be finite, got " + v.get("lr"));
            }
            if (!(o.momentum >= 0 && o.momentum < 1)) {
                throw new UsageException("--momentum must be in [0, 1), got " + v.get("momentum"));
            }
            return o;
        } catch (NumberFormatException e) {
            throw new UsageException("bad number: " + e.getMessage());
        }
    }

    private static int positive(Map<String, String> v, String key) {
        int n = Integer.parseInt(v.get(key));
        if (n < 1) {
            throw new UsageException("--" + key + " must be at least 1, got " + n);
        }
        return n;
    }

    private static int nonNegative(Map<String, String> v, String key) {
        int n = Integer.parseInt(v.get(key));
        if (n < 0) {
            throw new UsageException("--" + key + " must not be negative, got " + n);
        }
        return n;
    }

    /** A command-line mistake: printed with the usage, exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
