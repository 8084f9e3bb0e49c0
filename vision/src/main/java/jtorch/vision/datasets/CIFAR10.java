package jtorch.vision.datasets;

import java.nio.file.Path;
import java.util.List;
import jtorch.vision.transforms.Transform;

/**
 * CIFAR-10 ({@code torchvision.datasets.CIFAR10}): 32 x 32 RGB images in 10 classes, 50,000 for training
 * and 10,000 for test. Reads {@code root/cifar-10-batches-py/} (torchvision's download) when present, else
 * {@code root/cifar-10-batches-bin/}.
 */
public final class CIFAR10 extends CifarDataset {
    private static final List<String> CLASSES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    /**
     * @throws java.io.UncheckedIOException naming the file when the data is missing or malformed (then its cause is a
     *     {@link DatasetFormatException})
     */
    public CIFAR10(Path root, boolean train, Transform transform) {
        this(root, train, transform, false);
    }

    /** With {@code download}, fetches and extracts the binary archive into {@code root} when no layout is there. */
    public CIFAR10(Path root, boolean train, Transform transform, boolean download) {
        super(CifarLayout.CIFAR10, root, train, transform, download);
    }

    @Override
    public List<String> classes() {
        return CLASSES;
    }
}
