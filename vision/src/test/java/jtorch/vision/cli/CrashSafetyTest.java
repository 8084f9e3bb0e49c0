package jtorch.vision.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jtorch.optim.SGD;
import jtorch.tensor.Generator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code ./jtorch train} with SIGKILL ({@link Process#destroyForcibly()}) at seeded random moments, 50 times,
 * some of them inside checkpoint writes (widened by {@code -Djtorch.test.atomicWriteDelayMs}); after every kill
 * the checkpoint on disk (if any) loads and never goes backwards, and {@code --resume} carries on. Each
 * campaign that reaches the last epoch must equal an uninterrupted run bit for bit: weights, optimizer state,
 * generator states, every epoch's loss and accuracy. Takes about 2-3 minutes on 2 cores.
 */
@Tag("crash")
class CrashSafetyTest {
    private static final int KILLS = 50;
    private static final String[] TRAIN = {"--data", "fashion-mnist-sample", "--epochs", "4", "--limit-batches", "2", "--batch-size", "32",
            "--threads", "1", "--seed", "3"};

    @Test
    void fiftyKillsLoseNothing(@TempDir Path dir) throws Exception {
        Path reference = dir.resolve("reference");
        Process ref = start(reference, false, List.of(), dir.resolve("reference.log"));
        LIVE.add(ref);
        if (!ref.waitFor(60, TimeUnit.SECONDS)) {
            ref.destroyForcibly();
            throw new AssertionError("reference run did not finish: " + TrainRuns.command(List.of()) + "\n"
                    + Files.readString(dir.resolve("reference.log")));
        }
        assertThat(ref.exitValue()).as(Files.readString(dir.resolve("reference.log"))).isZero();
        Path refCkpt = reference.resolve(Checkpoint.FILE);

        Random random = new Random(20240229L);
        int kills = 0;
        int killsDuringWrite = 0;
        int completedCampaigns = 0;
        int campaign = 0;
        Path out = dir.resolve("crash-" + campaign);
        int lastEpochs = 0;
        List<String> log = new ArrayList<>();
        while (kills < KILLS || Files.notExists(out.resolve(Checkpoint.FILE)) || lastEpochs < 4) {
            boolean resume = Files.exists(out.resolve(Checkpoint.FILE));
            Process p = start(out, resume, List.of("-Djtorch.test.atomicWriteDelayMs=120"), dir.resolve("run.log"));
            LIVE.add(p);
            if (kills < KILLS) {
                long delay = 400 + random.nextInt(2200);
                boolean ended = p.waitFor(delay, TimeUnit.MILLISECONDS);
                if (!ended) {
                    p.destroyForcibly();   // SIGKILL on Linux
                    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    kills++;
                    if (hasTemporary(out)) {
                        killsDuringWrite++;
                    }
                }
            }
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("a run that was not killed finishes").isTrue();
            int epochs = checkpointLoadsAndEpochs(out);
            assertThat(epochs).as("the checkpoint never goes backwards (kill %d)", kills).isGreaterThanOrEqualTo(lastEpochs);
            if (p.exitValue() != 137 && p.exitValue() != 0) {
                throw new AssertionError("run failed with status " + p.exitValue() + ":\n"
                        + Files.readString(dir.resolve("run.log")));
            }
            log.add("kill " + kills + ": exit " + p.exitValue() + ", epochs on disk " + epochs);
            lastEpochs = epochs;
            if (epochs == 4) {
                TrainRuns.assertSameCheckpoint(refCkpt, out.resolve(Checkpoint.FILE), "campaign " + campaign
                        + " after " + kills + " kills");
                completedCampaigns++;
                if (kills < KILLS) {
                    campaign++;
                    out = dir.resolve("crash-" + campaign);
                    lastEpochs = 0;
                }
            }
        }
        System.out.printf("crash safety: %d kills survived (%d inside a checkpoint write), %d campaigns completed"
                + " bit-identical to the uninterrupted run%n", kills, killsDuringWrite, completedCampaigns);
        assertThat(kills).isEqualTo(KILLS);
        assertThat(completedCampaigns).isGreaterThanOrEqualTo(1);
        assertThat(killsDuringWrite).as("some kills land inside a checkpoint write").isPositive();
    }

    /** Every child started; none may outlive the test, whatever assertion fails. */
    private static final List<Process> LIVE = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void killLeftovers() {
        for (Process p : LIVE) {
            p.destroyForcibly();
        }
        LIVE.clear();
    }

    private static Process start(Path out, boolean resume, List<String> jvm, Path log) throws IOException {
        List<String> args = new ArrayList<>(List.of(TRAIN));
        args.add("--out");
        args.add(out.toString());
        if (resume) {
            args.add("--resume");
        }
        ProcessBuilder pb = new ProcessBuilder(TrainRuns.command(jvm, args.toArray(String[]::new)));
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return pb.start();
    }

    private static boolean hasTemporary(Path out) throws IOException {
        if (Files.notExists(out)) {
            return false;
        }
        try (var files = Files.newDirectoryStream(out, "." + Checkpoint.FILE + ".*.tmp")) {
            return files.iterator().hasNext();
        }
    }

    /** Loads the checkpoint the way --resume does; 0 when there is none yet. */
    private static int checkpointLoadsAndEpochs(Path out) throws IOException {
        if (Files.notExists(out.resolve(Checkpoint.FILE))) {
            return 0;
        }
        SeedCnn model = new SeedCnn(1, 28, 10);
        Checkpoint.Resumed r = Checkpoint.load(out, model, new SGD(model.parameters(), 0.01, 0.9), null,
                new Generator(0), new Generator(1));
        assertThat(r.losses()).hasSize(r.epochsDone());
        return r.epochsDone();
    }

    static {
        // The child JVMs need this JVM's class path; surefire's manifest-only jar would hide it.
        assert System.getProperty("java.class.path").contains(File.pathSeparator)
                || System.getProperty("java.class.path").endsWith(".jar");
    }
}
