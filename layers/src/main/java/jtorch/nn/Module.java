package jtorch.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jtorch.Tensor;
import jtorch.tensor.Device;
import jtorch.tensor.NdArray;
import jtorch.tensor.Shape;

/**
 * Base class of every layer and model ({@code torch.nn.Module}). Java has no {@code __setattr__}, so
 * children, parameters and buffers are registered explicitly and kept in insertion order; that order
 * gives {@link #stateDict()} PyTorch's key order ({@code features.0.weight}, ...).
 *
 * <p>A user's module:
 * {@snippet :
 * class Net extends Module {
 *     final Linear fc = registerModule("fc", new Linear(4, 2));
 *     public Tensor forward(Tensor x) { return fc.forward(x); }
 * }
 * }
 */
public abstract class Module {
    private final LinkedHashMap<String, Module> modules = new LinkedHashMap<>();
    private final LinkedHashMap<String, Parameter> parameters = new LinkedHashMap<>();
    private final LinkedHashMap<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistent = new java.util.HashSet<>();
    private boolean training = true;

    /** The computation; modules that take other arguments (losses) provide their own forward and leave this. */
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not define forward(Tensor)");
    }

    // ---------------------------------------------------------------- registration

    /** Registers (or replaces) a child under {@code name} and returns it. */
    public <M extends Module> M registerModule(String name, M module) {
        checkName(name, "module");
        if (parameters.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
        modules.put(name, module);
        return module;
    }

    /** PyTorch's {@code add_module}: the same as {@link #registerModule}. */
    public <M extends Module> M addModule(String name, M module) {
        return registerModule(name, module);
    }

    /** Registers a parameter (null is allowed, as PyTorch's {@code bias=None}) and returns it. */
    public <P extends Parameter> P registerParameter(String name, P parameter) {
        checkName(name, "parameter");
        if (modules.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
        parameters.put(name, parameter);
        return parameter;
    }

    /** Registers a persistent buffer (saved in the state dict, not optimized) and returns it. */
    public Tensor registerBuffer(String name, Tensor buffer) {
        return registerBuffer(name, buffer, true);
    }

    public Tensor registerBuffer(String name, Tensor buffer, boolean persistent) {
        checkName(name, "buffer");
        if (modules.containsKey(name) || parameters.containsKey(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
        buffers.put(name, buffer);
        if (!persistent) {
            nonPersistent.add(name);
        } else {
            nonPersistent.remove(name);
        }
        return buffer;
    }

    private static void checkName(String name, String what) {
        if (name == null) {
            throw new IllegalArgumentException(what + " name should be a string. Got null");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " name can't be empty string \"\"");
        }
        if (name.contains(".")) {
            throw new IllegalArgumentException(what + " name can't contain \".\", got: " + name);
        }
    }

    /** Replaces the value of a registered buffer (e.g. BatchNorm's running stats after a device move). */
    protected void setBuffer(String name, Tensor value) {
        if (!buffers.containsKey(name)) {
            throw new IllegalArgumentException("no buffer named '" + name + "'");
        }
        buffers.put(name, value);
    }

    /** The registered buffer called {@code name}. */
    protected Tensor buffer(String name) {
        return buffers.get(name);
    }

    /**
     * The child registered under {@code name} now (null if it was registered as null, like PyTorch's
     * {@code downsample=None}). A module's {@code forward} reads its children through this rather than through
     * fields set in the constructor, so a child replaced later ({@code model.fc = nn.Linear(512, 10)} in
     * PyTorch, {@code model.registerModule("fc", new Linear(512, 10))} here) is the one that runs.
     *
     * @throws IllegalArgumentException if no child was registered under {@code name}
     */
    protected final Module child(String name) {
        Module m = modules.get(name);
        if (m == null && !modules.containsKey(name)) {
            throw new IllegalArgumentException("'" + getClass().getSimpleName() + "' object has no attribute '"
                    + name + "'");
        }
        return m;
    }

    // ---------------------------------------------------------------- traversal

    /** This module's direct children in registration order (name to module). */
    public Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(modules);
    }

    public List<Module> children() {
        return new ArrayList<>(modules.values());
    }

    /** Every module in the tree, this one first, depth-first, each once, with dotted names ("" for this). */
    public Map<String, Module> namedModules() {
        LinkedHashMap<String, Module> out = new LinkedHashMap<>();
        IdentityHashMap<Module, Boolean> seen = new IdentityHashMap<>();
        ArrayList<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {"", this});
        while (!stack.isEmpty()) {
            Object[] top = stack.removeLast();
            String prefix = (String) top[0];
            Module m = (Module) top[1];
            if (m == null || seen.put(m, Boolean.TRUE) != null) {
                continue;
            }
            out.put(prefix, m);
            List<Map.Entry<String, Module>> kids = new ArrayList<>(m.modules.entrySet());
            for (int i = kids.size() - 1; i >= 0; i--) {
                Map.Entry<String, Module> e = kids.get(i);
                stack.add(new Object[] {prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue()});
            }
        }
        return out;
    }

    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /** Parameters of the whole tree with dotted names, each tensor once (shared ones under their first name). */
    public Map<String, Parameter> namedParameters() {
        LinkedHashMap<String, Parameter> out = new LinkedHashMap<>();
        IdentityHashMap<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            for (Map.Entry<String, Parameter> p : e.getValue().parameters.entrySet()) {
                if (p.getValue() != null && seen.put(p.getValue(), Boolean.TRUE) == null) {
                    out.put(join(e.getKey(), p.getKey()), p.getValue());
                }
            }
        }
        return out;
    }

    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    public Map<String, Tensor> namedBuffers() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            for (Map.Entry<String, Tensor> b : e.getValue().buffers.entrySet()) {
                if (b.getValue() != null) {
                    out.put(join(e.getKey(), b.getKey()), b.getValue());
                }
            }
        }
        return out;
    }

    public List<Tensor> buffers() {
        return new ArrayList<>(namedBuffers().values());
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** The submodule at a dotted path ({@code get_submodule("features.0")}). */
    public Module getSubmodule(String target) {
        if (target == null || target.isEmpty()) {
            return this;
        }
        Module m = this;
        for (String part : target.split("\\.", -1)) {
            Module next = m.modules.get(part);
            if (next == null) {
                throw new IllegalArgumentException(m.getClass().getSimpleName() + " has no attribute `" + part + "`");
            }
            m = next;
        }
        return m;
    }

    // ---------------------------------------------------------------- modes and bulk operations

    public Module train() {
        return train(true);
    }

    /** Sets training mode on the whole tree. */
    public Module train(boolean mode) {
        for (Module m : modules()) {
            m.training = mode;
        }
        return this;
    }

    public Module eval() {
        return train(false);
    }

    public boolean isTraining() {
        return training;
    }

    /** Calls {@code fn} on every submodule (children first) then this module, as PyTorch's {@code apply}. */
    public Module apply(Consumer<Module> fn) {
        List<Module> all = modules();
        for (int i = all.size() - 1; i >= 0; i--) {
            fn.accept(all.get(i));
        }
        return this;
    }

    /** Clears every parameter's gradient (sets it to null, PyTorch 2's default {@code set_to_none=True}). */
    public void zeroGrad() {
        for (Parameter p : parameters()) {
            p.setGrad(null);
        }
    }

    /** Moves every parameter and buffer to {@code device} (in place, as PyTorch's {@code module.to}). */
    public Module to(Device device) {
        for (Module m : modules()) {
            for (Parameter p : m.parameters.values()) {
                if (p != null) {
                    moveTensor(p, device);
                }
            }
            for (Tensor b : m.buffers.values()) {
                if (b != null) {
                    moveTensor(b, device);
                }
            }
        }
        return this;
    }

    private static void moveTensor(Tensor t, Device device) {
        if (!t.device().equals(device)) {
            t.setData(t.data().toDevice(jtorch.tensor.Backends.forDevice(device)));
            if (t.grad() != null) {
                t.setGrad(null);
            }
        }
    }

    // ---------------------------------------------------------------- state dict

    /** Parameters and persistent buffers with PyTorch's dotted keys, in registration order; values share storage. */
    public Map<String, Tensor> stateDict() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        collectState("", out);
        return out;
    }

    private void collectState(String prefix, Map<String, Tensor> out) {
        for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
            if (p.getValue() != null) {
                out.put(prefix + p.getKey(), p.getValue().detach());
            }
        }
        for (Map.Entry<String, Tensor> b : buffers.entrySet()) {
            if (b.getValue() != null && !nonPersistent.contains(b.getKey())) {
                out.put(prefix + b.getKey(), b.getValue().detach());
            }
        }
        for (Map.Entry<String, Module> m : modules.entrySet()) {
            if (m.getValue() != null) {
                m.getValue().collectState(prefix + m.getKey() + ".", out);
            }
        }
    }

    /** Strict {@link #loadStateDict(Map, boolean)}. */
    public void loadStateDict(Map<String, ? extends Tensor> stateDict) {
        loadStateDict(stateDict, true);
    }

    /**
     * Copies values into this module's parameters and buffers (in place, keeping their device and dtype).
     * All problems are collected first, then reported at once with PyTorch's wording; with {@code strict}
     * missing and unexpected keys are errors, otherwise only size mismatches are.
     */
    public void loadStateDict(Map<String, ? extends Tensor> stateDict, boolean strict) {
        Map<String, Tensor> own = stateDict();
        List<String> errors = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (String key : stateDict.keySet()) {
            if (!own.containsKey(key)) {
                unexpected.add(key);
            }
        }
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor src = stateDict.get(e.getKey());
            if (src == null) {
                missing.add(e.getKey());
                continue;
            }
            if (!java.util.Arrays.equals(src.shape(), e.getValue().shape())) {
                errors.add("size mismatch for " + e.getKey() + ": copying a param with shape " + Shape.str(src.shape())
                        + " from checkpoint, the shape in current model is " + Shape.str(e.getValue().shape()) + ".");
            }
        }
        if (strict) {
            if (!unexpected.isEmpty()) {
                errors.addFirst("Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
            }
            if (!missing.isEmpty()) {
                errors.addFirst("Missing key(s) in state_dict: " + quoted(missing) + ". ");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + getClass().getSimpleName()
                    + ":\n\t" + String.join("\n\t", errors));
        }
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor src = stateDict.get(e.getKey());
            if (src != null) {
                NdArray dst = e.getValue().data();
                NdArray value = src.data().to(dst.dtype()).toDevice(dst.backend());
                dst.backend().copy(value, dst);
            }
        }
    }

    private static String quoted(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append('"').append(k).append('"');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- printing

    /** The extra information printed inside the parentheses, e.g. {@code in_features=4, out_features=2, bias=True}. */
    protected String extraRepr() {
        return "";
    }

    /** The name printed for this module; its class name, as PyTorch's {@code _get_name()}. */
    protected String reprName() {
        return getClass().getSimpleName();
    }

    /** PyTorch's print of the module tree. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        String extra = extraRepr();
        List<String> extraLines = extra.isEmpty() ? List.of() : List.of(extra.split("\n", -1));
        lines.addAll(extraLines);
        List<String> childLines = new ArrayList<>();
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            String child = e.getValue() == null ? "None" : indent(e.getValue().toString(), 2);
            childLines.add("(" + e.getKey() + "): " + child);
        }
        lines.addAll(childLines);
        StringBuilder sb = new StringBuilder(reprName()).append('(');
        if (!lines.isEmpty()) {
            if (extraLines.size() == 1 && childLines.isEmpty()) {
                sb.append(extra);
            } else {
                sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
            }
        }
        return sb.append(')').toString();
    }

    /** PyTorch's {@code _addindent}: indents every line but the first. */
    private static String indent(String s, int n) {
        String[] parts = s.split("\n", -1);
        if (parts.length == 1) {
            return s;
        }
        String pad = " ".repeat(n);
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append('\n').append(pad).append(parts[i]);
        }
        return sb.toString();
    }
}
