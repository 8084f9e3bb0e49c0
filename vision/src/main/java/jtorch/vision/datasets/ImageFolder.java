package jtorch.vision.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import jtorch.Tensor;
import jtorch.data.Dataset;
import jtorch.data.Datasets;
import jtorch.data.Sample;
import jtorch.tensor.NdArray;
import jtorch.vision.transforms.Image;
import jtorch.vision.transforms.ToTensor;
import jtorch.vision.transforms.Transform;

/**
 * Images sorted into one folder per class ({@code torchvision.datasets.ImageFolder}):
 * {@code root/dog/xxx.png}, {@code root/cat/123.jpg}. Classes are the subfolder names sorted, indexed from
 * 0; files are found recursively and sorted by path. Images (PNG, JPEG, BMP, GIF: what {@code javax.imageio}
 * decodes) are read lazily at {@link #get} and converted to RGB, as torchvision's loader does.
 */
public final class ImageFolder implements Dataset<Sample> {
    private static final Set<String> EXTENSIONS = Set.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private final List<String> classes;
    private final Map<String, Integer> classToIdx;
    private final List<Path> files;
    private final int[] targets;
    private final Transform transform;

    /**
     * @throws UncheckedIOException when root is not a folder, has no class folders, or a class folder holds no image
     */
    public ImageFolder(Path root, Transform transform) {
        Objects.requireNonNull(root, "root");
        this.transform = transform;
        try {
            if (!Files.isDirectory(root)) {
                throw new IOException("ImageFolder: " + root + " is not a directory");
            }
            List<String> names = new ArrayList<>();
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(Files::isDirectory).forEach(d -> names.add(d.getFileName().toString()));
            }
            Collections.sort(names);
            if (names.isEmpty()) {
                // TORCH: torchvision's wording
                throw new IOException("ImageFolder: Couldn't find any class folder in " + root);
            }
            this.classes = List.copyOf(names);
            this.classToIdx = new LinkedHashMap<>();
            List<Path> found = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                classToIdx.put(names.get(c), c);
                List<Path> inClass = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(root.resolve(names.get(c)))) {
                    walk.filter(Files::isRegularFile).filter(ImageFolder::isImage).forEach(inClass::add);
                }
                if (inClass.isEmpty()) {
                    throw new IOException("ImageFolder: Found no valid file for the class " + names.get(c)
                            + ". Supported extensions are: " + String.join(", ", EXTENSIONS.stream().sorted().toList()));
                }
                Collections.sort(inClass);
                for (Path p : inClass) {
                    found.add(p);
                    labels.add(c);
                }
            }
            this.files = List.copyOf(found);
            this.targets = labels.stream().mapToInt(Integer::intValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot));
    }

    public List<String> classes() {
        return classes;
    }

    public Map<String, Integer> classToIdx() {
        return Collections.unmodifiableMap(classToIdx);
    }

    /** The image files, in dataset order. */
    public List<Path> files() {
        return files;
    }

    public int[] targets() {
        return targets.clone();
    }

    @Override
    public int size() {
        return files.size();
    }

    /**
     * Decodes the image at {@code index} to RGB.
     *
     * @throws UncheckedIOException naming the file when it cannot be read or decoded
     */
    public Image image(int index) {
        Datasets.checkIndex(index, size());
        Path file = files.get(index);
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new IOException(file + ": not a decodable image (no javax.imageio reader accepts it)");
            }
            return Image.fromBufferedImage(img);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage().startsWith(file.toString()) ? e.getMessage()
                    : file + ": cannot read image: " + e.getMessage(), e);
        }
    }

    @Override
    public Sample get(int index) {
        Image image = image(index);
        Object x = transform == null ? ToTensor.toTensor(image) : transform.apply(image);
        if (!(x instanceof Tensor input)) {
            throw new IllegalStateException("ImageFolder: the transform must return a Tensor (end it with ToTensor), got "
                    + (x == null ? "null" : x.getClass().getName()));
        }
        return new Sample(input, new Tensor(NdArray.wrap(new long[] {targets[index]})));
    }
}
