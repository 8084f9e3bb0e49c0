package jtorch.vision.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jtorch.io.NumpyArray;
import jtorch.io.PickleGlobals;
import jtorch.io.Unpickler;
import jtorch.io.UnpicklingException;

/**
 * Reads one batch file of CIFAR's pickle layout ({@code cifar-10-batches-py/data_batch_1}, ...,
 * {@code cifar-100-python/train}): a dict whose {@code data} is a uint8 numpy array {@code [N, 3072]} and
 * whose label key ({@code labels}, {@code fine_labels}) is a list of N ints. Decoding is done by the safe
 * {@link Unpickler} with numpy's allow-list only, so a pickle naming any other global ({@code os.system})
 * is refused before anything runs.
 */
final class CifarPickleReader {
    private CifarPickleReader() {}

    /**
     * @throws DatasetFormatException naming the file when the pickle is malformed or names a global outside numpy's
     *     allow-list, or its dict lacks a uint8 {@code data} array [N, 3072] or N labels in [0, numClasses)
     * @throws IOException when it is missing or cannot be read
     */
    static CifarData read(Path file, String labelKey, int numClasses) throws IOException {
        byte[] bytes = DatasetFiles.readAll(file, DatasetFiles.MAX_FILE_BYTES);
        Object root = unpickle(bytes, file);
        if (!(root instanceof Map<?, ?> dict)) {
            throw new DatasetFormatException(file + ": expected a pickled dict, got " + typeName(root));
        }
        Object data = dict.get("data");
        if (!(data instanceof NumpyArray array)) {
            throw new DatasetFormatException(file + ": the dict has no uint8 array under 'data' (got " + typeName(data) + ")");
        }
        int[] shape = array.shape();
        // NOTE: a Fortran-ordered array would hold the pixels transposed; CIFAR's are C-ordered
        if (shape.length != 2 || shape[1] != CifarData.IMAGE_BYTES || !array.dtype().equals("|u1") || array.fortranOrder()) {
            throw new DatasetFormatException(file + ": 'data' must be a uint8 array [N, 3072], got " + array.dtype() + " "
                    + java.util.Arrays.toString(shape));
        }
        int n = shape[0];
        int[] labels = ints(dict.get(labelKey), n, numClasses, file, labelKey);
        int[] coarse = dict.containsKey("coarse_labels") ? ints(dict.get("coarse_labels"), n, 20, file, "coarse_labels") : null;
        return new CifarData(array.data(), labels, coarse);
    }

    /** The pickle's value; every malformation or refused global becomes an error naming the file. */
    private static Object unpickle(byte[] bytes, Path file) throws IOException {
        try {
            return new Unpickler(bytes, PickleGlobals.numpy()).load();
        } catch (UnpicklingException e) {
            throw new DatasetFormatException(file + ": malformed or unsupported pickle: " + e.getMessage(), e);
        }
    }

    private static String typeName(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    private static int[] ints(Object value, int n, int bound, Path file, String key) throws IOException {
        if (!(value instanceof List<?> list)) {
            throw new DatasetFormatException(file + ": the dict has no list under '" + key + "' (got " + typeName(value) + ")");
        }
        if (list.size() != n) {
            throw new DatasetFormatException(file + ": '" + key + "' has " + list.size() + " entries for " + n + " images");
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (!(list.get(i) instanceof Long v) || v < 0 || v >= bound) {
                throw new DatasetFormatException(file + ": " + key + "[" + i + "] = " + list.get(i) + " is not a label in [0, " + bound + ")");
            }
            out[i] = (int) (long) v;
        }
        return out;
    }
}
