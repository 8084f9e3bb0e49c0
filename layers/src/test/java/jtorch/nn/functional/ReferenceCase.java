package jtorch.nn.functional;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jtorch.Tensor;
import jtorch.tensor.Backend;
import jtorch.tensor.Backends;
import jtorch.tensor.Device;
import jtorch.tensor.NdArray;
import jtorch.tensor.io.SafetensorsFormat;

/**
 * One PyTorch reference file: its tensors and {@code __metadata__}, read by the op dispatcher. Every
 * tensor and metadata entry must be used by the dispatcher (or checked as an output), so nothing in a
 * file is ignored silently.
 */
final class ReferenceCase {
    final String name;
    private final Map<String, NdArray> tensors;
    private final Map<String, String> metadata;
    private final Set<String> usedTensors = new HashSet<>();
    private final Set<String> usedMetadata = new HashSet<>();
    /** Inputs whose gradients are checked against {@code grad_<name>}. */
    final Map<String, Tensor> differentiable = new LinkedHashMap<>();
    /** Other expected tensors (e.g. updated running stats) and the tensors that should equal them. */
    final Map<String, Tensor> extraOutputs = new LinkedHashMap<>();

    /** Where inputs live: the CPU, or an accelerator backend running the same suite. */
    private final Backend backend;

    ReferenceCase(Path file) throws IOException {
        this(file, Device.cpu());
    }

    ReferenceCase(Path file, Device device) throws IOException {
        this.backend = Backends.forDevice(device);
        this.name = file.getFileName().toString().replace(".safetensors", "");
        this.tensors = SafetensorsFormat.read(file);
        this.metadata = SafetensorsFormat.readMetadata(file);
        usedMetadata.add("op");
    }

    String op() {
        return metadata.get("op");
    }

    /** An input leaf that requires grad; its gradient is compared with {@code grad_<key>}. */
    Tensor input(String key) {
        Tensor t = new Tensor(tensor(key).toDevice(backend)).requiresGrad(true);
        differentiable.put(key, t);
        return t;
    }

    /** An optional differentiable input (null when the file has none). */
    Tensor optionalInput(String key) {
        return tensors.containsKey(key) ? input(key) : null;
    }

    /** A tensor used without gradient (targets, running stats). */
    Tensor constant(String key) {
        return new Tensor(tensor(key).toDevice(backend));
    }

    Tensor optionalConstant(String key) {
        return tensors.containsKey(key) ? constant(key) : null;
    }

    NdArray tensor(String key) {
        NdArray a = tensors.get(key);
        if (a == null) {
            throw new AssertionError(name + ": no tensor '" + key + "' in " + tensors.keySet());
        }
        usedTensors.add(key);
        return a;
    }

    boolean has(String key) {
        return tensors.containsKey(key) || metadata.containsKey(key);
    }

    String meta(String key) {
        String v = metadata.get(key);
        if (v == null) {
            throw new AssertionError(name + ": no metadata '" + key + "' in " + metadata);
        }
        usedMetadata.add(key);
        return v;
    }

    String meta(String key, String fallback) {
        return metadata.containsKey(key) ? meta(key) : fallback;
    }

    /** Marks a metadata entry as known and deliberately unused (with the reason in the caller). */
    void ignoreMeta(String key) {
        usedMetadata.add(key);
    }

    int integer(String key) {
        return Integer.parseInt(meta(key).trim());
    }

    double real(String key, double fallback) {
        return metadata.containsKey(key) ? Double.parseDouble(meta(key).trim()) : fallback;
    }

    boolean bool(String key) {
        String v = meta(key).trim();
        return switch (v) {
            case "True" -> true;
            case "False" -> false;
            default -> throw new AssertionError(name + ": '" + key + "' is not a Python bool: " + v);
        };
    }

    /** A Python int or tuple of ints, {@code "2"} or {@code "(1, 2)"}. */
    int[] ints(String key) {
        String v = meta(key).trim().replace("(", "").replace(")", "").replace("[", "").replace("]", "");
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(Integer.parseInt(part.trim()));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A dim list, or null for Python's None. */
    int[] dimsOrNull(String key) {
        return meta(key).trim().equals("None") ? null : ints(key);
    }

    /** Every tensor key of the file that nothing consumed or checks. */
    List<String> unusedTensors(Set<String> checked) {
        List<String> out = new ArrayList<>();
        for (String k : tensors.keySet()) {
            if (!usedTensors.contains(k) && !checked.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    List<String> unusedMetadata() {
        List<String> out = new ArrayList<>();
        for (String k : metadata.keySet()) {
            if (!usedMetadata.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    Set<String> tensorKeys() {
        return tensors.keySet();
    }
}
