package jtorch.vision.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the seed's Java programs as {@code ./jtorch run} does: the JDK's source launcher with jtorch's JVM
 * flags and this test JVM's class path (surefire's, which lists every jtorch module).
 */
public final class SeedRunner {
    private SeedRunner() {}

    /**
     * The shared directory beside the repository ({@code ../shared}). Missing: skipped with the reason locally,
     * a failure under {@code CI=true}, where CI lays it out.
     */
    public static Path shared() {
        Path repo = Path.of("").toAbsolutePath().getParent();
        for (Path p : List.of(repo.resolve("shared"), repo.resolveSibling("shared"))) {
            if (Files.isRegularFile(p.resolve("seed/java/Losses.java"))) {
                return p;
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but ../shared/seed is missing beside " + repo);
        }
        Assumptions.abort("../shared/seed not found beside " + repo);
        return null;
    }

    /** Standard output of {@code java SOURCE ARGS}; fails on a non-zero exit, showing stderr. */
    public static String run(Path source, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx4g",
                "-cp", System.getProperty("java.class.path"), source.toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("seed", ".err");
        Process proc = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor(5, TimeUnit.MINUTES)).isTrue();
        // NOTE: stderr holds the JVM's incubator-module warning, so it is kept apart and shown only on failure.
        assertThat(proc.exitValue()).as(out + Files.readString(err)).isZero();
        Files.delete(err);
        return out;
    }
}
