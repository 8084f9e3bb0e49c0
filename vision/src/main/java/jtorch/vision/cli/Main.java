package jtorch.vision.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import jtorch.Torch;

/** The command line behind {@code ./jtorch}: {@code train} and {@code devices}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String cmd = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (cmd) {
                case "train" -> new TrainCommand(TrainOptions.parse(rest), System.out).run();
                case "devices" -> {
                    Torch.devices().forEach(d -> System.out.println(d));
                    yield 0;
                }
                default -> {
                    System.err.println("usage: jtorch.vision.cli.Main train|devices [OPTIONS]");
                    yield 2;
                }
            };
        } catch (TrainOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("jtorch train: " + e.getMessage());
            }
            System.err.println(TrainOptions.USAGE);
            return e.getMessage() == null ? 0 : 2;
        } catch (IOException | RuntimeException e) {
            System.err.println(String.format(Locale.ROOT, "jtorch %s: %s", cmd, e.getMessage()));
            if (Boolean.getBoolean("jtorch.debug")) {
                e.printStackTrace();
            }
            return 1;
        }
    }
}
