package jtorch.vision.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jtorch.Tensor;
import jtorch.Torch;

/**
 * The checkpoint cache and downloader ({@code torch.hub.load_state_dict_from_url}).
 *
 * <p>Files live in {@code $TORCH_HOME/hub/checkpoints/} (default {@code ~/.cache/torch}, or
 * {@code $XDG_CACHE_HOME/torch}), the directory PyTorch itself uses, so a checkpoint torchvision already
 * downloaded is read in place. A missing file is downloaded with a progress bar on stderr into a temporary
 * file beside it, its SHA-256 checked against the hash prefix in its name ({@code vgg16-397923af.pth}: the
 * digest must start with {@code 397923af}), then renamed into place atomically, so a crash or a bad download
 * never leaves a file that looks complete.
 *
 * <p>System properties (for tests and mirrors): {@code jtorch.home} replaces {@code $TORCH_HOME};
 * {@code jtorch.hub.baseUrl} replaces everything before the file name in every URL.
 *
 * @see <a href="https://github.com/pytorch/pytorch/blob/main/torch/hub.py">torch/hub.py</a>
 */
public final class Hub {
    /** TORCH: torch.hub's HASH_REGEX: the first "-hexdigits." in the file name. */
    private static final Pattern HASH_REGEX = Pattern.compile("-([a-f0-9]*)\\.");

    private Hub() {}

    /** {@code torch.hub.get_dir()}: {@code $TORCH_HOME/hub}. */
    public static Path getDir() {
        return torchHome().resolve("hub");
    }

    /** Where a checkpoint called {@code fileName} is cached. */
    public static Path checkpointPath(String fileName) {
        return getDir().resolve("checkpoints").resolve(fileName);
    }

    private static Path torchHome() {
        String property = System.getProperty("jtorch.home");
        if (property != null && !property.isEmpty()) {
            return Path.of(property);
        }
        String env = System.getenv("TORCH_HOME");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("torch");
    }

    /** The URL actually fetched: {@code url} under the {@code jtorch.hub.baseUrl} override when set. */
    static String effectiveUrl(String url) {
        String base = System.getProperty("jtorch.hub.baseUrl");
        if (base == null || base.isEmpty()) {
            return url;
        }
        String file = url.substring(url.lastIndexOf('/') + 1);
        return base.endsWith("/") ? base + file : base + "/" + file;
    }

    /** Reads the checkpoint at {@code url} from the cache, downloading it first when absent. */
    public static Map<String, Tensor> loadStateDictFromUrl(String url, boolean progress) {
        Path file = downloadIfMissing(url, progress);
        return Torch.load(file);
    }

    /**
     * Returns the cached file for {@code url}, downloading it first when absent.
     *
     * @throws UncheckedIOException when the download fails (offline, 404, wrong hash); the message names the
     *     path to put the file at and the URL to get it from
     */
    public static Path downloadIfMissing(String url, boolean progress) {
        String fileName = url.substring(url.lastIndexOf('/') + 1);
        Path target = checkpointPath(fileName);
        if (Files.isRegularFile(target)) {
            return target;
        }
        String fetched = effectiveUrl(url);
        try {
            Files.createDirectories(target.getParent());
            downloadUrlToFile(fetched, target, hashPrefix(fileName), progress);
        } catch (IOException e) {
            throw new UncheckedIOException("could not download " + fetched + " (" + e.getMessage() + "). "
                    + "If this machine is offline, download that file elsewhere and put it at " + target, e);
        }
        return target;
    }

    /** The hash prefix in a checkpoint's file name, or null when it has none. */
    static String hashPrefix(String fileName) {
        Matcher m = HASH_REGEX.matcher(fileName);
        return m.find() ? m.group(1) : null;
    }

    /**
     * {@code torch.hub.download_url_to_file}: fetches {@code url} into a temporary file next to {@code dst},
     * checks the SHA-256 prefix when given, then moves it to {@code dst} atomically.
     */
    public static void downloadUrlToFile(String url, Path dst, String hashPrefix, boolean progress) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP Error " + response.statusCode());
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        // NOTE: the temporary file sits in the destination directory so the final move is a rename on
        // one file system, which is atomic.
        Path tmp = Files.createTempFile(dst.getParent(), dst.getFileName().toString() + ".", ".partial");
        try {
            MessageDigest sha256 = sha256();
            if (progress) {
                System.err.println("Downloading: \"" + url + "\" to " + dst);
            }
            ProgressBar bar = progress ? new ProgressBar(System.err, total) : null;
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    sha256.update(buffer, 0, n);
                    if (bar != null) {
                        bar.update(n);
                    }
                }
            }
            if (bar != null) {
                bar.close();
            }
            if (hashPrefix != null) {
                String digest = HexFormat.of().formatHex(sha256.digest());
                if (!digest.startsWith(hashPrefix)) {
                    throw new IOException("invalid hash value (expected \"" + hashPrefix + "\", got \"" + digest + "\")");
                }
            }
            Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A tqdm-like bar on one line: percent, bytes so far and total, rate. */
    private static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintStream out;
        private final long total;
        private final long start = System.nanoTime();
        private long done;
        private long lastPrint;

        ProgressBar(PrintStream out, long total) {
            this.out = out;
            this.total = total;
        }

        void update(int n) {
            done += n;
            long now = System.nanoTime();
            // PERF: redraw at most ten times a second; a redraw per 64 KiB chunk floods a slow terminal.
            if (now - lastPrint > 100_000_000L) {
                lastPrint = now;
                draw();
            }
        }

        void close() {
            draw();
            out.println();
        }

        private void draw() {
            double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
            String rate = mib(done / seconds) + "/s";
            if (total > 0) {
                int percent = (int) (100 * done / total);
                int filled = (int) (WIDTH * done / total);
                String bar = "█".repeat(filled) + " ".repeat(WIDTH - filled);
                out.print("\r" + String.format("%3d%%", percent) + "|" + bar + "| " + mib(done) + "/" + mib(total)
                        + " [" + rate + "]");
            } else {
                out.print("\r" + mib(done) + " [" + rate + "]");
            }
            out.flush();
        }

        private static String mib(double bytes) {
            return String.format("%.1fM", bytes / (1024.0 * 1024.0));
        }
    }
}
