package jtorch.vision.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** File helpers shared by the dataset readers: bounded reads with errors that name the file. */
final class DatasetFiles {
    /** No single dataset file we read is larger (CIFAR-10's whole train set is 150 MB uncompressed). */
    static final long MAX_FILE_BYTES = 1L << 30;

    private DatasetFiles() {}

    /** Reads a whole file, refusing files over {@code maxBytes}. */
    static byte[] readAll(Path file, long maxBytes) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "missing dataset file");
        }
        if (size > maxBytes) {
            throw new DatasetFormatException(file + ": file is " + size + " bytes, more than the " + maxBytes + " bytes expected at most");
        }
        return Files.readAllBytes(file);
    }

    /**
     * Reads {@code in} to its end, at most {@code maxBytes}: growing the buffer as data arrives, so a
     * declared size in a header never makes us allocate more than the stream really holds.
     */
    static byte[] readBounded(InputStream in, long maxBytes, String what) throws IOException {
        byte[] buf = new byte[(int) Math.min(maxBytes + 1, 1 << 16)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n > maxBytes) {
                    throw new DatasetFormatException(what + ": more than the " + maxBytes + " bytes expected");
                }
                long grown = Math.min((long) buf.length * 2, maxBytes + 1);
                byte[] bigger = new byte[(int) grown];
                System.arraycopy(buf, 0, bigger, 0, n);
                buf = bigger;
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        if (n > maxBytes) {
            throw new DatasetFormatException(what + ": more than the " + maxBytes + " bytes expected");
        }
        byte[] out = new byte[n];
        System.arraycopy(buf, 0, out, 0, n);
        return out;
    }

    /** Opens a file, gunzipping it when its name ends in ".gz". */
    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                return new GZIPInputStream(in);
            } catch (IOException e) {
                in.close();
                throw new DatasetFormatException(file + ": not a valid gzip file (" + e.getMessage() + ")", e);
            }
        }
        return in;
    }
}
