package jtorch.vision.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import jtorch.data.Dataset;
import jtorch.data.Sample;
import jtorch.vision.datasets.CIFAR10;
import jtorch.vision.datasets.FashionMNIST;
import jtorch.vision.datasets.ImageFolder;
import jtorch.vision.datasets.MNIST;
import jtorch.vision.transforms.Compose;
import jtorch.vision.transforms.Resize;
import jtorch.vision.transforms.ToTensor;

/** The train and test sets {@code --data} names, with their image geometry; says which data it uses. */
record TrainData(Dataset<Sample> train, Dataset<Sample> test, int channels, int size, int classes) {
    /** Debian's {@code dataset-fashion-mnist} package puts the full set here. */
    static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    static TrainData open(String spec, PrintStream out) {
        String kind = spec;
        Path dir = null;
        int colon = spec.indexOf(':');
        if (colon > 0) {
            kind = spec.substring(0, colon);
            dir = Path.of(spec.substring(colon + 1));
        } else if (!spec.equals("fashion-mnist") && !spec.equals("fashion-mnist-sample") && !spec.equals("mnist")
                && !spec.equals("cifar10")) {
            kind = "folder";
            dir = Path.of(spec);
        }
        ToTensor toTensor = new ToTensor();
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "fashion-mnist-sample" -> {
                out.println("data: Fashion-MNIST sample bundled in the jar (2,000 train / 500 test images)");
                yield new TrainData(FashionMNIST.bundledSample(true, toTensor), FashionMNIST.bundledSample(false, toTensor),
                        1, 28, 10);
            }
            case "fashion-mnist" -> {
                if (dir == null && Files.isDirectory(DEBIAN_FASHION_MNIST)) {
                    dir = DEBIAN_FASHION_MNIST;
                }
                if (dir == null) {
                    out.println("data: Fashion-MNIST sample bundled in the jar (2,000 train / 500 test images); install "
                            + "Debian's dataset-fashion-mnist for the full 60,000 / 10,000");
                    yield new TrainData(FashionMNIST.bundledSample(true, toTensor),
                            FashionMNIST.bundledSample(false, toTensor), 1, 28, 10);
                }
                out.println("data: Fashion-MNIST from " + dir);
                yield new TrainData(new FashionMNIST(dir, true, toTensor), new FashionMNIST(dir, false, toTensor), 1, 28,
                        10);
            }
            case "mnist" -> {
                Path d = required(dir, "mnist");
                out.println("data: MNIST from " + d);
                yield new TrainData(new MNIST(d, true, toTensor), new MNIST(d, false, toTensor), 1, 28, 10);
            }
            case "cifar10" -> {
                Path d = required(dir, "cifar10");
                out.println("data: CIFAR-10 from " + d);
                yield new TrainData(new CIFAR10(d, true, toTensor), new CIFAR10(d, false, toTensor), 3, 32, 10);
            }
            case "folder" -> {
                Path d = required(dir, "folder");
                // An ImageFolder with train/ and test/ (or val/) subdirectories; images resized to 32x32 RGB.
                Path trainDir = d.resolve("train");
                Path testDir = Files.isDirectory(d.resolve("test")) ? d.resolve("test") : d.resolve("val");
                if (!Files.isDirectory(trainDir) || !Files.isDirectory(testDir)) {
                    throw new TrainOptions.UsageException("--data " + d + ": expected train/ and test/ (or val/) "
                            + "subdirectories holding one folder per class");
                }
                Compose t = new Compose(new Resize(32, 32), toTensor);
                ImageFolder tr = new ImageFolder(trainDir, t);
                out.println("data: ImageFolder " + d + " (" + tr.classes().size() + " classes)");
                yield new TrainData(tr, new ImageFolder(testDir, t), 3, 32, tr.classes().size());
            }
            default -> throw new TrainOptions.UsageException("unknown --data '" + spec + "'");
        };
    }

    private static Path required(Path dir, String kind) {
        if (dir == null) {
            throw new TrainOptions.UsageException("--data " + kind + " needs a directory: --data " + kind + ":DIR");
        }
        return dir;
    }
}
