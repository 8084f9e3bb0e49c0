package jtorch.vision.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import jtorch.Tensor;
import jtorch.data.Dataset;
import jtorch.data.Datasets;
import jtorch.data.Sample;
import jtorch.tensor.NdArray;
import jtorch.vision.transforms.Image;
import jtorch.vision.transforms.ToTensor;
import jtorch.vision.transforms.Transform;

/**
 * MNIST handwritten digits ({@code torchvision.datasets.MNIST}): 28 x 28 grey images, 60,000 for
 * training and 10,000 for test, read from IDX files, gzipped or not, found in either
 * <ul>
 *   <li>torchvision's layout: {@code root/MNIST/raw/train-images-idx3-ubyte[.gz]}, ...; or</li>
 *   <li>a flat folder: {@code root/train-images-idx3-ubyte[.gz]}, ... (as Debian's
 *       {@code /usr/share/datasets/fashion-mnist} holds Fashion-MNIST).</li>
 * </ul>
 * Test files are {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}. Elements are
 * {@code Sample(transform(image), label)} with a 0-d int64 label; without a transform, {@link ToTensor}.
 */
public class MNIST implements Dataset<Sample> {
    /** What differs between MNIST-style datasets: folder name, download site, checksums, classes. */
    record Spec(String name, String baseUrl, Map<String, String> md5, List<String> classes) {}

    static final Spec SPEC = new Spec("MNIST", Downloader.MNIST_BASE,
            Map.of("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                    "train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432",
                    "t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3",
                    "t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c"),
            List.of("0 - zero", "1 - one", "2 - two", "3 - three", "4 - four",
                    "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine"));

    private final Spec spec;
    private final int rows;
    private final int cols;
    private final byte[] images;
    private final int[] labels;
    private final Transform transform;

    /**
     * @throws UncheckedIOException naming the files when they are missing or malformed (then its cause is a
     *     {@link DatasetFormatException})
     */
    public MNIST(Path root, boolean train, Transform transform) {
        this(SPEC, root, train, transform, false);
    }

    /** With {@code download}, fetches the four gzipped files into {@code root/MNIST/raw/} when they are not found. */
    public MNIST(Path root, boolean train, Transform transform, boolean download) {
        this(SPEC, root, train, transform, download);
    }

    MNIST(Spec spec, Path root, boolean train, Transform transform, boolean download) {
        Objects.requireNonNull(root, "root");
        this.spec = spec;
        this.transform = transform;
        String prefix = train ? "train" : "t10k";
        try {
            if (download) {
                download(spec, root);
            }
            Path imageFile = find(spec, root, prefix + "-images-idx3-ubyte");
            Path labelFile = find(spec, root, prefix + "-labels-idx1-ubyte");
            IdxReader.Idx im = IdxReader.read(imageFile, IdxReader.IMAGES_MAGIC);
            IdxReader.Idx lb = IdxReader.read(labelFile, IdxReader.LABELS_MAGIC);
            int[] dims = check(im, lb, imageFile + " and " + labelFile);
            this.rows = dims[0];
            this.cols = dims[1];
            this.images = im.data();
            this.labels = labels(lb, spec, labelFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** From IDX streams (gzipped), for the bundled sample. */
    MNIST(Spec spec, InputStream imageGz, InputStream labelGz, String what, Transform transform) throws IOException {
        this.spec = spec;
        this.transform = transform;
        IdxReader.Idx im = IdxReader.read(new GZIPInputStream(imageGz), IdxReader.IMAGES_MAGIC, what + " images");
        IdxReader.Idx lb = IdxReader.read(new GZIPInputStream(labelGz), IdxReader.LABELS_MAGIC, what + " labels");
        int[] dims = check(im, lb, what);
        this.rows = dims[0];
        this.cols = dims[1];
        this.images = im.data();
        this.labels = labels(lb, spec, what);
    }

    private static int[] check(IdxReader.Idx im, IdxReader.Idx lb, String what) throws IOException {
        if (im.dims()[0] != lb.dims()[0]) {
            throw new DatasetFormatException(what + ": " + im.dims()[0] + " images but " + lb.dims()[0] + " labels");
        }
        if (im.dims()[1] == 0 || im.dims()[2] == 0) {
            throw new DatasetFormatException(what + ": images of size " + im.dims()[1] + "x" + im.dims()[2]);
        }
        return new int[] {im.dims()[1], im.dims()[2]};
    }

    private static int[] labels(IdxReader.Idx lb, Spec spec, String what) throws IOException {
        int[] out = new int[lb.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = lb.data()[i] & 0xff;
            if (out[i] >= spec.classes().size()) {
                throw new DatasetFormatException(what + ": label " + out[i] + " at index " + i + " is outside [0, " + spec.classes().size() + ")");
            }
        }
        return out;
    }

    /** The first existing candidate: torchvision's layout, then a flat folder; plain before gzipped. */
    private static Path find(Spec spec, Path root, String base) throws IOException {
        List<Path> candidates = candidates(spec, root, base);
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException(spec.name() + ": dataset not found: none of " + candidates + " exists. Pass download=true, or put "
                + base + ".gz (from " + Downloader.url(spec.baseUrl(), base + ".gz") + ") in " + raw(spec, root));
    }

    private static List<Path> candidates(Spec spec, Path root, String base) {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(raw(spec, root), root)) {
            out.add(dir.resolve(base));
            out.add(dir.resolve(base + ".gz"));
        }
        return out;
    }

    private static Path raw(Spec spec, Path root) {
        return root.resolve(spec.name()).resolve("raw");
    }

    private static void download(Spec spec, Path root) throws IOException {
        Path raw = raw(spec, root);
        for (String prefix : List.of("train", "t10k")) {
            for (String kind : List.of("-images-idx3-ubyte", "-labels-idx1-ubyte")) {
                String base = prefix + kind;
                boolean present = false;
                for (Path p : candidates(spec, root, base)) {
                    present |= Files.isRegularFile(p);
                }
                if (!present) {
                    Downloader.downloadAndExtract(spec.baseUrl(), base + ".gz", spec.md5().get(base + ".gz"), raw, raw);
                }
            }
        }
    }

    @Override
    public int size() {
        return labels.length;
    }

    /** The grey image at {@code index}, before any transform. */
    public Image image(int index) {
        Datasets.checkIndex(index, size());
        int n = rows * cols;
        byte[] px = new byte[n];
        System.arraycopy(images, index * n, px, 0, n);
        return new Image(rows, cols, 1, px);
    }

    public int target(int index) {
        Datasets.checkIndex(index, size());
        return labels[index];
    }

    /** All labels, in order (a copy). */
    public int[] targets() {
        return labels.clone();
    }

    public List<String> classes() {
        return spec.classes();
    }

    @Override
    public Sample get(int index) {
        Image image = image(index);
        Object x = transform == null ? ToTensor.toTensor(image) : transform.apply(image);
        if (!(x instanceof Tensor input)) {
            throw new IllegalStateException(spec.name() + ": the transform must return a Tensor (end it with ToTensor), got "
                    + (x == null ? "null" : x.getClass().getName()));
        }
        return new Sample(input, new Tensor(NdArray.wrap(new long[] {labels[index]})));
    }

    @Override
    public String toString() {
        return "Dataset " + spec.name() + "\n    Number of datapoints: " + size();
    }
}
