package jtorch.vision.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Downloads dataset archives, checks their MD5 and extracts them, as torchvision's
 * {@code download_and_extract_archive}.
 *
 * <p>System properties: {@code jtorch.datasets.baseUrl} replaces every dataset's base URL (a mirror, or a
 * test server), and {@code jtorch.datasets.md5.FILE} replaces the expected MD5 of {@code FILE} (a mirror
 * that recompressed the files, as Debian's packages do).
 */
final class Downloader {
    static final String CIFAR_BASE = "https://www.cs.toronto.edu/~kriz/";
    static final String MNIST_BASE = "https://ossci-datasets.s3.amazonaws.com/mnist/";
    static final String FASHION_MNIST_BASE = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    /** No archive we fetch is larger (CIFAR-100's is 161 MB). */
    static final long MAX_DOWNLOAD_BYTES = 1L << 30;

    private Downloader() {}

    /** The URL of {@code file}, under the base-URL override when set. */
    static String url(String defaultBase, String file) {
        String base = System.getProperty("jtorch.datasets.baseUrl", defaultBase);
        return base.endsWith("/") ? base + file : base + "/" + file;
    }

    /** Downloads {@code file} into {@code downloadDir} (unless a copy with the right MD5 is there) and extracts it into {@code extractDir}. */
    static void downloadAndExtract(String base, String file, String md5, Path downloadDir, Path extractDir) throws IOException {
        Path archive = download(base, file, md5, downloadDir);
        extract(archive, extractDir);
    }

    /** Downloads {@code file} into {@code dir}, checks its MD5 and returns its path. */
    static Path download(String base, String file, String md5, Path dir) throws IOException {
        String expected = System.getProperty("jtorch.datasets.md5." + file, md5);
        Path target = dir.resolve(file);
        if (Files.isRegularFile(target) && md5(target).equalsIgnoreCase(expected)) {
            return target;
        }
        Files.createDirectories(dir);
        String url = url(base, file);
        Path part = dir.resolve(file + ".part");
        String actual;
        try {
            actual = fetch(url, part);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw new IOException("could not download " + url + " (" + e + "). If this machine is offline, download that file "
                    + "elsewhere and put it at " + target + ", or put its extracted contents under " + dir, e);
        }
        if (!actual.equalsIgnoreCase(expected)) {
            Files.deleteIfExists(part);
            throw new IOException("MD5 mismatch for " + url + ": expected " + expected + ", got " + actual
                    + " (a corrupt or different file; it was deleted)");
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static String fetch(String url, Path out) throws IOException {
        URL u;
        try {
            u = URI.create(url).toURL();
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid URL " + url, e);
        }
        HttpURLConnection c = (HttpURLConnection) u.openConnection();
        c.setConnectTimeout(30_000);
        c.setReadTimeout(60_000);
        c.setInstanceFollowRedirects(true);
        try {
            int status = c.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status + " " + c.getResponseMessage());
            }
            long length = c.getContentLengthLong();
            if (length > MAX_DOWNLOAD_BYTES) {
                throw new IOException("the server announces " + length + " bytes, more than the " + MAX_DOWNLOAD_BYTES + " allowed");
            }
            MessageDigest digest = newMd5();
            try (InputStream in = new DigestInputStream(new BufferedInputStream(c.getInputStream()), digest);
                    OutputStream os = Files.newOutputStream(out)) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                int r;
                while ((r = in.read(buf)) >= 0) {
                    total += r;
                    if (total > MAX_DOWNLOAD_BYTES) {
                        throw new IOException("more than " + MAX_DOWNLOAD_BYTES + " bytes");
                    }
                    os.write(buf, 0, r);
                }
                if (length >= 0 && total != length) {
                    throw new IOException("connection closed after " + total + " of " + length + " bytes");
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } finally {
            c.disconnect();
        }
    }

    /** Extracts {@code .tar.gz}/{@code .tgz}/{@code .tar} archives, or gunzips a plain {@code .gz} next to itself in {@code dir}. */
    static void extract(Path archive, Path dir) throws IOException {
        String name = archive.getFileName().toString();
        Files.createDirectories(dir);
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
                TarReader.extract(in, dir, MAX_DOWNLOAD_BYTES * 4, archive.toString());
            }
        } else if (name.endsWith(".tar")) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
                TarReader.extract(in, dir, MAX_DOWNLOAD_BYTES * 4, archive.toString());
            }
        } else if (name.endsWith(".gz")) {
            Path out = dir.resolve(name.substring(0, name.length() - 3));
            Path part = dir.resolve(name.substring(0, name.length() - 3) + ".part");
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
                copyBounded(in, part, MAX_DOWNLOAD_BYTES * 4, archive.toString());
            } catch (IOException e) {
                Files.deleteIfExists(part);
                throw new IOException(archive + ": cannot gunzip (" + e.getMessage() + ")", e);
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
        } else {
            throw new IOException(archive + ": unknown archive type (expected .tar.gz, .tgz, .tar or .gz)");
        }
    }

    static void copyBounded(InputStream in, Path out, long max, String what) throws IOException {
        try (OutputStream os = Files.newOutputStream(out)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int r;
            while ((r = in.read(buf)) >= 0) {
                total += r;
                if (total > max) {
                    throw new IOException(what + ": expands to more than " + max + " bytes");
                }
                os.write(buf, 0, r);
            }
        }
    }

    static String md5(Path file) throws IOException {
        MessageDigest digest = newMd5();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file)), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no MD5", e);
        }
    }
}
