package jtorch.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import jtorch.Tensor;
import jtorch.tensor.NdArray;
import jtorch.tensor.io.SafetensorsFormat;

/**
 * State dicts as safetensors files, over {@link SafetensorsFormat}: tensors in file order, as contiguous
 * CPU tensors (views are written as copies: safetensors has no shared storage). Malformed files fail
 * with a {@link jtorch.tensor.io.SafetensorsFormatException}.
 */
public final class Safetensors {
    private Safetensors() {}

    /** The tensors of {@code file}, in file order. */
    public static LinkedHashMap<String, Tensor> load(Path file) throws IOException {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : SafetensorsFormat.read(file).entrySet()) {
            out.put(e.getKey(), new Tensor(e.getValue()));
        }
        return out;
    }

    /** The {@code __metadata__} of {@code file} (empty when it has none). */
    public static LinkedHashMap<String, String> metadata(Path file) throws IOException {
        return SafetensorsFormat.readMetadata(file);
    }

    /** Writes {@code tensors} and {@code metadata} (may be null) atomically. */
    public static void save(Map<String, ? extends Tensor> tensors, Map<String, String> metadata, Path file)
            throws IOException {
        LinkedHashMap<String, NdArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Tensor> e : tensors.entrySet()) {
            if (e.getValue() == null) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' is null");
            }
            arrays.put(e.getKey(), e.getValue().data());
        }
        SafetensorsFormat.write(arrays, metadata, file);
    }
}
