package jtorch.vision.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.io.Safetensors;
import jtorch.nn.Module;
import jtorch.optim.LRScheduler;
import jtorch.optim.Optimizer;
import jtorch.tensor.Generator;

/**
 * The training checkpoint: one safetensors file (written atomically: temporary file, then rename), so a
 * crash never leaves a half-written checkpoint, and Python's {@code safetensors} can read the weights.
 * Tensors: {@code model.<key>} (the state dict) and {@code optim.<param index>.<name>} (optimizer state such
 * as momentum buffers). Metadata: the epoch completed, scalar optimizer state, every group's learning rate,
 * the scheduler's position, both generators' states, and the per-epoch history for the plot.
 */
final class Checkpoint {
    static final String FILE = "checkpoint.safetensors";

    /** What a resumed run needs besides the tensors restored in place. */
    record Resumed(int epochsDone, List<Double> losses, List<Double> accuracies) {}

    private Checkpoint() {}

    static void save(Path dir, int epochsDone, Module model, Optimizer optim, LRScheduler scheduler,
                     Generator modelGen, Generator dataGen, List<Double> losses, List<Double> accuracies)
            throws IOException {
        Files.createDirectories(dir);
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
            tensors.put("model." + e.getKey(), e.getValue());
        }
        LinkedHashMap<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "jtorch-train-checkpoint-1");
        meta.put("epochs_done", String.valueOf(epochsDone));
        Map<String, Object> os = optim.stateDict();
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) os.get("state");
        for (Map.Entry<Integer, Map<String, Object>> p : state.entrySet()) {
            for (Map.Entry<String, Object> s : p.getValue().entrySet()) {
                String key = "optim." + p.getKey() + "." + s.getKey();
                if (s.getValue() instanceof Tensor t) {
                    tensors.put(key, t);
                } else {
                    meta.put(key, String.valueOf(s.getValue()));
                }
            }
        }
        List<String> lrs = new ArrayList<>();
        optim.paramGroups().forEach(g -> lrs.add(String.valueOf(g.lr())));
        meta.put("lrs", String.join(",", lrs));
        if (scheduler != null) {
            meta.put("scheduler_last_epoch", String.valueOf(scheduler.lastEpoch()));
        }
        meta.put("generator", join(modelGen.getState()));
        meta.put("data_generator", join(dataGen.getState()));
        meta.put("losses", joinD(losses));
        meta.put("accuracies", joinD(accuracies));
        Safetensors.save(tensors, meta, dir.resolve(FILE));
        removeStaleTemporaries(dir);
    }

    /**
     * Deletes the temporary files a killed run left behind ({@code .checkpoint.safetensors.<uuid>.tmp}): the
     * atomic write never renamed them, so they are garbage. Only our own name pattern, only after our own
     * write has landed (a concurrent writer into the same directory is not supported anyway).
     */
    private static void removeStaleTemporaries(Path dir) throws IOException {
        try (var files = Files.newDirectoryStream(dir, "." + FILE + ".*.tmp")) {
            for (Path p : files) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Restores model, optimizer, scheduler and generators in place; returns where training stopped. */
    static Resumed load(Path dir, Module model, Optimizer optim, LRScheduler scheduler, Generator modelGen,
                        Generator dataGen) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IOException("--resume: no checkpoint at " + file);
        }
        Map<String, Tensor> tensors = Safetensors.load(file);
        Map<String, String> meta = Safetensors.metadata(file);
        if (!"jtorch-train-checkpoint-1".equals(meta.get("format"))) {
            throw new IOException(file + " is not a jtorch training checkpoint (format " + meta.get("format") + ")");
        }
        LinkedHashMap<String, Tensor> modelState = new LinkedHashMap<>();
        Map<Integer, Map<String, Object>> optimState = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().startsWith("model.")) {
                modelState.put(e.getKey().substring(6), e.getValue());
            } else if (e.getKey().startsWith("optim.")) {
                putOptim(optimState, e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : meta.entrySet()) {
            if (e.getKey().startsWith("optim.")) {
                putOptim(optimState, e.getKey(), parseNumber(e.getValue()));
            }
        }
        model.loadStateDict(modelState);
        Map<String, Object> os = optim.stateDict();
        os.put("state", optimState);
        String[] lrs = meta.getOrDefault("lrs", "").split(",");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) os.get("param_groups");
        for (int i = 0; i < groups.size() && i < lrs.length && !lrs[i].isEmpty(); i++) {
            groups.get(i).put("lr", Double.parseDouble(lrs[i]));
        }
        optim.loadStateDict(os);
        if (scheduler != null && meta.containsKey("scheduler_last_epoch")) {
            Map<String, Object> ss = scheduler.stateDict();
            int last = Integer.parseInt(meta.get("scheduler_last_epoch"));
            ss.put("last_epoch", last);
            ss.put("_step_count", last + 1);
            List<Double> lastLr = new ArrayList<>();
            optim.paramGroups().forEach(g -> lastLr.add(g.lr()));
            ss.put("_last_lr", lastLr);
            scheduler.loadStateDict(ss);
        }
        modelGen.setState(split(meta.get("generator")));
        dataGen.setState(split(meta.get("data_generator")));
        return new Resumed(Integer.parseInt(meta.get("epochs_done")), splitD(meta.get("losses")),
                splitD(meta.get("accuracies")));
    }

    private static void putOptim(Map<Integer, Map<String, Object>> state, String key, Object value) {
        String rest = key.substring("optim.".length());
        int dot = rest.indexOf('.');
        int index = Integer.parseInt(rest.substring(0, dot));
        state.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(rest.substring(dot + 1), value);
    }

    private static Object parseNumber(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return Double.parseDouble(s);
        }
    }

    private static String join(long[] v) {
        StringBuilder sb = new StringBuilder();
        for (long x : v) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(x);
        }
        return sb.toString();
    }

    private static long[] split(String s) throws IOException {
        if (s == null || s.isEmpty()) {
            throw new IOException("checkpoint lacks a generator state");
        }
        String[] parts = s.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }

    private static String joinD(List<Double> v) {
        List<String> s = new ArrayList<>();
        v.forEach(x -> s.add(Double.toString(x)));
        return String.join(",", s);
    }

    private static List<Double> splitD(String s) {
        List<Double> out = new ArrayList<>();
        if (s != null && !s.isEmpty()) {
            for (String p : s.split(",")) {
                out.add(Double.parseDouble(p));
            }
        }
        return out;
    }
}
