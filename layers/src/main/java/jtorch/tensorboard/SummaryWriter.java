package jtorch.tensorboard;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import jtorch.Tensor;

/**
 * Writes TensorBoard event files: {@code torch.utils.tensorboard.SummaryWriter}. Point TensorBoard at
 * the log directory ({@code tensorboard --logdir runs}) to see scalars, images, histograms and text.
 *
 * <pre>{@code
 * try (var writer = new SummaryWriter(Path.of("runs/exp1"))) {
 *     writer.addScalar("loss/train", loss.item(), step);
 * }
 * }</pre>
 *
 * <p>Events are buffered and flushed every 10 events or 120 seconds (PyTorch's {@code max_queue} and
 * {@code flush_secs}), on {@link #flush()} and on {@link #close()}. Thread-safe. I/O errors are thrown as
 * {@link UncheckedIOException}.
 */
public final class SummaryWriter implements AutoCloseable {
    private final Path logDir;
    private final EventFileWriter main;
    /** addScalars' writers, one per "mainTag_key" subdirectory, as PyTorch's. */
    private final Map<Path, EventFileWriter> children = new LinkedHashMap<>();
    private boolean closed;

    /** Creates {@code logDir} if needed and a new event file in it. */
    public SummaryWriter(Path logDir) {
        this.logDir = Objects.requireNonNull(logDir, "logDir");
        try {
            this.main = new EventFileWriter(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an event file in " + logDir + ": " + e.getMessage(), e);
        }
    }

    public Path logDir() {
        return logDir;
    }

    /** The event file this writer appends to. */
    public Path file() {
        return main.file();
    }

    /** One point of a scalar curve ({@code add_scalar}). */
    public void addScalar(String tag, double value, long step) {
        write(main, Summaries.scalar(checkTag(tag), (float) value), step);
    }

    /**
     * Several curves on one chart ({@code add_scalars}): each key is written, under {@code mainTag}, to its
     * own event file in {@code logDir/<mainTag>_<key>/}, which TensorBoard shows as separate runs.
     */
    public void addScalars(String mainTag, Map<String, ? extends Number> values, long step) {
        checkTag(mainTag);
        Objects.requireNonNull(values, "values");
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            Objects.requireNonNull(e.getValue(), () -> "add_scalars: value for '" + e.getKey() + "' is null");
            Path dir = logDir.resolve(mainTag.replace('/', '_') + "_" + checkTag(e.getKey()));
            write(child(dir), Summaries.scalar(mainTag, e.getValue().floatValue()), step);
        }
    }

    /**
     * An image ({@code add_image}) from a CHW tensor of 1, 3 or 4 channels; float values are in [0, 1]
     * (scaled by 255, clipped, truncated, as PyTorch), int64 values in [0, 255]. Encoded as PNG.
     */
    public void addImage(String tag, Tensor image, long step) {
        checkTag(tag);
        Objects.requireNonNull(image, "image");
        if (image.dim() != 3 || (image.size(0) != 1 && image.size(0) != 3 && image.size(0) != 4)) {
            throw new IllegalArgumentException("add_image: expected a [C, H, W] tensor with C in {1, 3, 4}, got "
                    + Arrays.toString(image.shape()));
        }
        int c = image.size(0);
        int h = image.size(1);
        int w = image.size(2);
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException("add_image: empty image " + Arrays.toString(image.shape()));
        }
        double scale = image.dtype().isFloatingPoint() ? 255.0 : 1.0;
        double[] v = image.contiguous().toDoubleArray();
        BufferedImage img = new BufferedImage(w, h, c == 4 ? BufferedImage.TYPE_INT_ARGB
                : c == 3 ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] px = new int[c];
                for (int k = 0; k < c; k++) {
                    double s = v[(k * h + y) * w + x] * scale;
                    px[k] = (int) Math.max(0, Math.min(255, Double.isNaN(s) ? 0 : s));
                }
                if (c == 1) {
                    img.getRaster().setSample(x, y, 0, px[0]);
                } else {
                    int a = c == 4 ? px[3] : 255;
                    img.setRGB(x, y, a << 24 | px[0] << 16 | px[1] << 8 | px[2]);
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("add_image: PNG encoding failed: " + e.getMessage(), e);
        }
        write(main, Summaries.image(tag, h, w, c, png.toByteArray()), step);
    }

    /** A histogram of all elements ({@code add_histogram} with TensorFlow's default buckets). */
    public void addHistogram(String tag, Tensor values, long step) {
        checkTag(tag);
        Objects.requireNonNull(values, "values");
        write(main, Summaries.histogram(tag, Histogram.of(values.contiguous().toDoubleArray())), step);
    }

    /** Text, rendered as Markdown by TensorBoard's text plugin ({@code add_text}); the tag gets PyTorch's "/text_summary" suffix. */
    public void addText(String tag, String text, long step) {
        checkTag(tag);
        Objects.requireNonNull(text, "text");
        write(main, Summaries.text(tag + "/text_summary", text), step);
    }

    /** Writes buffered events to disk. */
    public synchronized void flush() {
        try {
            main.flush();
            for (EventFileWriter w : children.values()) {
                w.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush " + main.file() + ": " + e.getMessage(), e);
        }
    }

    /** Flushes and closes every event file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            main.close();
            for (EventFileWriter w : children.values()) {
                w.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + main.file() + ": " + e.getMessage(), e);
        }
    }

    private synchronized EventFileWriter child(Path dir) {
        EventFileWriter w = children.get(dir);
        if (w == null) {
            try {
                w = new EventFileWriter(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create an event file in " + dir + ": " + e.getMessage(), e);
            }
            children.put(dir, w);
        }
        return w;
    }

    private synchronized void write(EventFileWriter w, Proto summary, long step) {
        if (closed) {
            throw new IllegalStateException("the SummaryWriter for " + logDir + " is closed");
        }
        Proto event = new Proto()
                .doubleField(Events.WALL_TIME, System.currentTimeMillis() / 1000.0)
                .varint(Events.STEP, step)
                .message(Events.SUMMARY, summary);
        try {
            w.write(event.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + w.file() + ": " + e.getMessage(), e);
        }
    }

    private static String checkTag(String tag) {
        if (tag == null || tag.isEmpty()) {
            throw new IllegalArgumentException("tag must be a non-empty string, got " + (tag == null ? "null" : "\"\""));
        }
        return tag;
    }
}
