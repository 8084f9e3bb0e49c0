package jtorch.vision.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A per-epoch progress display: a redrawn bar with images/s, running loss and ETA on a terminal, or a
 * plain line every {@code linesEvery} percent when output goes to a file or pipe (so logs stay readable).
 */
final class Progress {
    private static final int WIDTH = 28;

    private final PrintStream out;
    private final boolean terminal;
    private final String label;
    private final int totalBatches;
    private final long startNanos;
    private long images;
    private int lastPlainPercent = -1;

    Progress(PrintStream out, boolean terminal, String label, int totalBatches) {
        this.out = out;
        this.terminal = terminal;
        this.label = label;
        this.totalBatches = Math.max(1, totalBatches);
        this.startNanos = System.nanoTime();
    }

    /** Records batch {@code done} (1-based) of {@code batchImages} images with the running mean loss. */
    void update(int done, int batchImages, double meanLoss) {
        images += batchImages;
        double secs = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = images / secs;
        double eta = secs / done * (totalBatches - done);
        int percent = (int) (100L * done / totalBatches);
        if (terminal) {
            int filled = WIDTH * done / totalBatches;
            String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
            out.printf(Locale.ROOT, "\r%s [%s] %3d%% %7.0f img/s  loss %.4f  ETA %s ", label, bar, percent, rate,
                    meanLoss, clock(eta));
            if (done == totalBatches) {
                out.println();
            }
            out.flush();
        } else if (percent / 10 != lastPlainPercent / 10 || done == totalBatches) {
            lastPlainPercent = percent;
            out.printf(Locale.ROOT, "%s %3d%% (%d/%d batches) %.0f img/s  loss %.4f  ETA %s%n", label, percent, done,
                    totalBatches, rate, meanLoss, clock(eta));
        }
    }

    /** Seconds since this epoch's bar started. */
    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Images per second over the epoch so far. */
    double imagesPerSecond() {
        return images / Math.max(1e-9, elapsedSeconds());
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
