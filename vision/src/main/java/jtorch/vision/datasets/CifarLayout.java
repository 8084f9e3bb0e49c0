package jtorch.vision.datasets;

import java.util.List;

/**
 * Where one CIFAR variant's files live under a root, in both layouts, and how to download it.
 *
 * @param name the dataset's class name, for messages
 * @param pyFolder the pickle layout's folder ({@code cifar-10-batches-py})
 * @param pyTrain pickle train files, in order
 * @param pyTest pickle test files
 * @param binFolder the binary layout's folder ({@code cifar-10-batches-bin})
 * @param binTrain binary train files, in order
 * @param binTest binary test files
 * @param labelBytes label bytes per binary record (1, or 2 for CIFAR-100's coarse + fine)
 * @param pickleLabelKey the pickle dict's label key ({@code labels}, {@code fine_labels})
 * @param numClasses labels are below this
 * @param archive the binary archive's file name on the download site
 * @param archiveMd5 its MD5
 */
record CifarLayout(String name, String pyFolder, List<String> pyTrain, List<String> pyTest,
        String binFolder, List<String> binTrain, List<String> binTest, int labelBytes,
        String pickleLabelKey, int numClasses, String archive, String archiveMd5) {

    /** torchvision's CIFAR-10 files; the binary archive's MD5 is the one the dataset's site publishes. */
    static final CifarLayout CIFAR10 = new CifarLayout("CIFAR10",
            "cifar-10-batches-py",
            List.of("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5"),
            List.of("test_batch"),
            "cifar-10-batches-bin",
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
            List.of("test_batch.bin"),
            1, "labels", 10, "cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530");

    static final CifarLayout CIFAR100 = new CifarLayout("CIFAR100",
            "cifar-100-python", List.of("train"), List.of("test"),
            "cifar-100-binary", List.of("train.bin"), List.of("test.bin"),
            2, "fine_labels", 100, "cifar-100-binary.tar.gz", "03b5dce01913d631647c71ecec9e9cb8");
}
