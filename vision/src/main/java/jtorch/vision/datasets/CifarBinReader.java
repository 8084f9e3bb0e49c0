package jtorch.vision.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads CIFAR's binary layout ({@code cifar-10-batches-bin}, {@code cifar-100-binary}): fixed-size
 * records of label byte(s) then 3072 pixel bytes (red, green, blue planes of 32 x 32). CIFAR-10 records
 * have one label byte; CIFAR-100 records a coarse then a fine label byte.
 */
final class CifarBinReader {
    private CifarBinReader() {}

    /**
     * @param labelBytes 1 for CIFAR-10, 2 for CIFAR-100
     * @param numClasses labels must be below this (fine classes for CIFAR-100)
     * @throws DatasetFormatException naming the file when it is empty, larger than
     *     {@link DatasetFiles#MAX_FILE_BYTES}, not a whole number of records, or holds a label out of range
     * @throws IOException when it is missing or cannot be read
     */
    static CifarData read(Path file, int labelBytes, int numClasses) throws IOException {
        byte[] bytes = DatasetFiles.readAll(file, DatasetFiles.MAX_FILE_BYTES);
        int record = labelBytes + CifarData.IMAGE_BYTES;
        if (bytes.length == 0) {
            throw new DatasetFormatException(file + ": empty file, expected " + record + "-byte CIFAR records");
        }
        if (bytes.length % record != 0) {
            throw new DatasetFormatException(file + ": truncated record: file length " + bytes.length + " is not a multiple of the "
                    + record + "-byte CIFAR record (" + bytes.length / record + " whole records and "
                    + bytes.length % record + " bytes left over)");
        }
        int n = bytes.length / record;
        byte[] images = new byte[n * CifarData.IMAGE_BYTES];
        int[] labels = new int[n];
        int[] coarse = labelBytes == 2 ? new int[n] : null;
        for (int i = 0; i < n; i++) {
            int at = i * record;
            int label = bytes[at + labelBytes - 1] & 0xff;
            if (label >= numClasses) {
                throw new DatasetFormatException(file + ": record " + i + " has label " + label + ", outside [0, " + numClasses + ")");
            }
            labels[i] = label;
            if (coarse != null) {
                coarse[i] = bytes[at] & 0xff;
                if (coarse[i] >= 20) {
                    throw new DatasetFormatException(file + ": record " + i + " has coarse label " + coarse[i] + ", outside [0, 20)");
                }
            }
            System.arraycopy(bytes, at + labelBytes, images, i * CifarData.IMAGE_BYTES, CifarData.IMAGE_BYTES);
        }
        return new CifarData(images, labels, coarse);
    }
}
