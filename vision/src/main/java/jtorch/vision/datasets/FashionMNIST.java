package jtorch.vision.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jtorch.vision.transforms.Transform;

/**
 * Fashion-MNIST ({@code torchvision.datasets.FashionMNIST}): Zalando's 28 x 28 grey images of clothes in
 * 10 classes, in MNIST's file format and layout ({@code root/FashionMNIST/raw/...}, or a flat folder such
 * as Debian's {@code /usr/share/datasets/fashion-mnist} from the {@code dataset-fashion-mnist} package).
 *
 * <p>{@link #bundledSample} needs no files: the jar carries the first 2,000 training and first 500 test
 * images of the real dataset (MIT licence, Zalando SE), for examples and tests.
 */
public final class FashionMNIST extends MNIST {
    static final Spec SPEC = new Spec("FashionMNIST", Downloader.FASHION_MNIST_BASE,
            Map.of("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                    "train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe",
                    "t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79",
                    "t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12e480ee83cd310"),
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));

    private static final String SAMPLE = "/jtorch/vision/fashion-mnist-sample/";

    public FashionMNIST(Path root, boolean train, Transform transform) {
        super(SPEC, root, train, transform, false);
    }

    /** With {@code download}, fetches the four gzipped files into {@code root/FashionMNIST/raw/} when they are not found. */
    public FashionMNIST(Path root, boolean train, Transform transform, boolean download) {
        super(SPEC, root, train, transform, download);
    }

    private FashionMNIST(InputStream images, InputStream labels, String what, Transform transform) throws IOException {
        super(SPEC, images, labels, what, transform);
    }

    /** The bundled sample: the first 2,000 training images, or the first 500 test images, of Fashion-MNIST. */
    public static FashionMNIST bundledSample(boolean train, Transform transform) {
        String prefix = train ? "train" : "t10k";
        String what = "bundled Fashion-MNIST sample (" + prefix + ")";
        try (InputStream images = resource(SAMPLE + prefix + "-images-idx3-ubyte.gz", what);
                InputStream labels = resource(SAMPLE + prefix + "-labels-idx1-ubyte.gz", what)) {
            return new FashionMNIST(images, labels, what, transform);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static InputStream resource(String name, String what) throws IOException {
        InputStream in = FashionMNIST.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(what + ": resource " + name + " is missing from the class path");
        }
        return in;
    }
}
