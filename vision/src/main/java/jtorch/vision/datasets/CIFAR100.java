package jtorch.vision.datasets;

import java.nio.file.Path;
import java.util.List;
import jtorch.vision.transforms.Transform;

/**
 * CIFAR-100 ({@code torchvision.datasets.CIFAR100}): 32 x 32 RGB images in 100 fine classes (targets) and
 * 20 superclasses ({@link #coarseTargets()}). Reads {@code root/cifar-100-python/} when present, else
 * {@code root/cifar-100-binary/} ({@code train.bin}, {@code test.bin}: coarse and fine label bytes, then
 * 3072 pixel bytes per record).
 */
public final class CIFAR100 extends CifarDataset {
    private static final List<String> CLASSES = List.of(
            "apple", "aquarium_fish", "baby", "bear", "beaver", "bed", "bee", "beetle", "bicycle", "bottle",
            "bowl", "boy", "bridge", "bus", "butterfly", "camel", "can", "castle", "caterpillar", "cattle",
            "chair", "chimpanzee", "clock", "cloud", "cockroach", "couch", "crab", "crocodile", "cup", "dinosaur",
            "dolphin", "elephant", "flatfish", "forest", "fox", "girl", "hamster", "house", "kangaroo", "keyboard",
            "lamp", "lawn_mower", "leopard", "lion", "lizard", "lobster", "man", "maple_tree", "motorcycle", "mountain",
            "mouse", "mushroom", "oak_tree", "orange", "orchid", "otter", "palm_tree", "pear", "pickup_truck", "pine_tree",
            "plain", "plate", "poppy", "porcupine", "possum", "rabbit", "raccoon", "ray", "road", "rocket",
            "rose", "sea", "seal", "shark", "shrew", "skunk", "skyscraper", "snail", "snake", "spider",
            "squirrel", "streetcar", "sunflower", "sweet_pepper", "table", "tank", "telephone", "television", "tiger", "tractor",
            "train", "trout", "tulip", "turtle", "wardrobe", "whale", "willow_tree", "wolf", "woman", "worm");

    public CIFAR100(Path root, boolean train, Transform transform) {
        this(root, train, transform, false);
    }

    public CIFAR100(Path root, boolean train, Transform transform, boolean download) {
        super(CifarLayout.CIFAR100, root, train, transform, download);
    }

    @Override
    public List<String> classes() {
        return CLASSES;
    }
}
