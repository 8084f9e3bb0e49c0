package jtorch.vision.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jtorch.Tensor;
import jtorch.data.Dataset;
import jtorch.data.Datasets;
import jtorch.data.Sample;
import jtorch.tensor.NdArray;
import jtorch.vision.transforms.Image;
import jtorch.vision.transforms.ToTensor;
import jtorch.vision.transforms.Transform;

/**
 * What {@link CIFAR10} and {@link CIFAR100} share: the whole split decoded into memory at construction
 * (CIFAR-10's train set is 150 MB), elements decoded to an {@link Image} and passed through the transform.
 *
 * <p>Under {@code root}, the pickle layout torchvision downloads ({@code cifar-10-batches-py/}) is read
 * when present, else the binary layout ({@code cifar-10-batches-bin/}).
 */
public abstract class CifarDataset implements Dataset<Sample> {
    private final CifarData data;
    private final Transform transform;
    private final Path folder;

    CifarDataset(CifarLayout layout, Path root, boolean train, Transform transform, boolean download) {
        Objects.requireNonNull(root, "root");
        this.transform = transform;
        try {
            if (download && !isPresent(layout, root)) {
                Downloader.downloadAndExtract(Downloader.CIFAR_BASE, layout.archive(), layout.archiveMd5(), root, root);
            }
            Path py = root.resolve(layout.pyFolder());
            Path bin = root.resolve(layout.binFolder());
            if (Files.isDirectory(py)) {
                this.folder = py;
                this.data = readAll(py, train ? layout.pyTrain() : layout.pyTest(),
                        f -> CifarPickleReader.read(f, layout.pickleLabelKey(), layout.numClasses()));
            } else if (Files.isDirectory(bin)) {
                this.folder = bin;
                this.data = readAll(bin, train ? layout.binTrain() : layout.binTest(),
                        f -> CifarBinReader.read(f, layout.labelBytes(), layout.numClasses()));
            } else {
                throw new IOException(layout.name() + ": dataset not found: neither " + py + " nor " + bin
                        + " exists. Pass download=true, or download " + Downloader.url(Downloader.CIFAR_BASE, layout.archive())
                        + " and extract it into " + root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static boolean isPresent(CifarLayout layout, Path root) {
        return Files.isDirectory(root.resolve(layout.pyFolder())) || Files.isDirectory(root.resolve(layout.binFolder()));
    }

    private interface BatchReader {
        CifarData read(Path file) throws IOException;
    }

    private static CifarData readAll(Path folder, List<String> files, BatchReader reader) throws IOException {
        List<CifarData> parts = new ArrayList<>();
        for (String name : files) {
            Path f = folder.resolve(name);
            if (!Files.isRegularFile(f)) {
                throw new IOException(f + ": missing batch file (expected " + files + " in " + folder + ")");
            }
            parts.add(reader.read(f));
        }
        return CifarData.concat(parts);
    }

    /** The folder the data was read from. */
    public Path folder() {
        return folder;
    }

    @Override
    public int size() {
        return data.size();
    }

    /** The image at {@code index}, before any transform (32 x 32 RGB). */
    public Image image(int index) {
        Datasets.checkIndex(index, size());
        byte[] chw = data.images();
        int base = index * CifarData.IMAGE_BYTES;
        byte[] hwc = new byte[CifarData.IMAGE_BYTES];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 1024; p++) {
                hwc[p * 3 + c] = chw[base + c * 1024 + p];
            }
        }
        return new Image(32, 32, 3, hwc);
    }

    /** The class index of element {@code index} (the fine label for CIFAR-100). */
    public int target(int index) {
        Datasets.checkIndex(index, size());
        return data.labels()[index];
    }

    /** All labels, in order (a copy). */
    public int[] targets() {
        return data.labels().clone();
    }

    /** CIFAR-100's superclass labels, or null for CIFAR-10. */
    public int[] coarseTargets() {
        return data.coarseLabels() == null ? null : data.coarseLabels().clone();
    }

    /** The class names, in label order. */
    public abstract List<String> classes();

    /**
     * {@code Sample(transform(image), label)}; the label is a 0-d int64 tensor.
     *
     * <p>TORCH: without a transform torchvision returns a PIL image; a {@link Sample} holds tensors, so we
     * apply {@link ToTensor}.
     */
    @Override
    public Sample get(int index) {
        Image image = image(index);
        Object x = transform == null ? ToTensor.toTensor(image) : transform.apply(image);
        if (!(x instanceof Tensor input)) {
            throw new IllegalStateException(getClass().getSimpleName() + ": the transform must return a Tensor (end it with ToTensor), got "
                    + (x == null ? "null" : x.getClass().getName()));
        }
        Tensor label = new Tensor(NdArray.wrap(new long[] {data.labels()[index]}));
        return new Sample(input, label);
    }

    @Override
    public String toString() {
        return "Dataset " + getClass().getSimpleName() + "\n    Number of datapoints: " + size() + "\n    Root location: " + folder.getParent();
    }
}
