package jtorch.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.tensor.NdArray;

/**
 * Base class of optimizers ({@code torch.optim.Optimizer}): parameter groups with hyperparameters, per-parameter
 * state, {@link #zeroGrad()}, {@link #step()} and a state dict in PyTorch's structure:
 * {@code {"state": {index: {name: value}}, "param_groups": [{hyper..., "params": [indices]}]}}.
 *
 * <p>Updates happen in place on each parameter's data, outside any graph, so a module sees them at once.
 * Parameters whose gradient is null are skipped.
 *
 * @see <a href="https://pytorch.org/docs/1.13/optim.html">torch.optim</a>
 */
public abstract class Optimizer {
    /** The default hyperparameters, in PyTorch's order. */
    protected final Map<String, Object> defaults;
    private final List<ParamGroup> paramGroups = new ArrayList<>();
    private final IdentityHashMap<Tensor, Map<String, Object>> state = new IdentityHashMap<>();

    /** One group holding {@code params}. */
    protected Optimizer(List<? extends Tensor> params, Map<String, Object> defaults) {
        this(List.of(new ParamGroup(checkNotEmpty(params))), defaults);
    }

    /** Several groups; each takes the defaults for the hyperparameters it lacks. */
    protected Optimizer(Iterable<ParamGroup> groups, Map<String, Object> defaults) {
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        for (ParamGroup g : groups) {
            addParamGroup(g);
        }
        if (paramGroups.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
    }

    private static List<? extends Tensor> checkNotEmpty(List<? extends Tensor> params) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        return params;
    }

    /** Adds a group ({@code add_param_group}), filling in the defaults it lacks. */
    public void addParamGroup(ParamGroup group) {
        for (Tensor p : group.params()) {
            if (!p.isLeaf()) {
                throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
            }
        }
        for (Map.Entry<String, Object> e : defaults.entrySet()) {
            group.setDefault(e.getKey(), e.getValue());
        }
        IdentityHashMap<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (ParamGroup g : paramGroups) {
            for (Tensor p : g.params()) {
                seen.put(p, Boolean.TRUE);
            }
        }
        for (Tensor p : group.params()) {
            if (seen.put(p, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("some parameters appear in more than one parameter group");
            }
        }
        paramGroups.add(group);
    }

    /** The groups, in order (PyTorch's {@code param_groups}); their hyperparameters are mutable. */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(paramGroups);
    }

    /** The defaults given at construction. */
    public Map<String, Object> defaults() {
        return defaults;
    }

    /** The state of {@code param} ({@code optimizer.state[p]}), created empty on first use. */
    protected Map<String, Object> state(Tensor param) {
        return state.computeIfAbsent(param, k -> new LinkedHashMap<>());
    }

    /** Whether {@code param} has any state yet. */
    protected boolean hasState(Tensor param) {
        Map<String, Object> s = state.get(param);
        return s != null && !s.isEmpty();
    }

    /**
     * Clears the gradients of every parameter: sets them to null, as {@code zero_grad(set_to_none=True)}.
     * <b>Note:</b> the default of PyTorch 2 (and of {@code Module.zeroGrad}); 1.13's default was to zero them.
     */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /** {@code zero_grad(set_to_none)}: null gradients, or gradients filled with zeros in place. */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup g : paramGroups) {
            for (Tensor p : g.params()) {
                Tensor grad = p.grad();
                if (grad == null) {
                    continue;
                }
                if (setToNone) {
                    p.setGrad(null);
                } else {
                    NdArray data = grad.data();
                    data.backend().fill(data, 0.0);
                }
            }
        }
    }

    /** One update of every parameter that has a gradient. */
    public abstract void step();

    /** Evaluates {@code closure} (with grad enabled; it should zero the grads, compute and backward a loss), then steps. */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss;
        try (var ignored = Torch.enableGrad()) {
            loss = closure.get();
        }
        step();
        return loss;
    }

    // ---------------------------------------------------------------- state dict

    /**
     * PyTorch's {@code state_dict()}: {@code "state"} maps parameter indices (counted across groups in order)
     * to their state, {@code "param_groups"} lists each group's hyperparameters then {@code "params"} (the
     * indices). Values are shared, not copied.
     */
    public Map<String, Object> stateDict() {
        List<Map<String, Object>> groups = new ArrayList<>();
        IdentityHashMap<Tensor, Integer> index = new IdentityHashMap<>();
        int next = 0;
        for (ParamGroup g : paramGroups) {
            LinkedHashMap<String, Object> packed = new LinkedHashMap<>(g.options());
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : g.params()) {
                Integer id = index.get(p);
                if (id == null) {
                    id = next;
                    index.put(p, id);
                    next++;
                }
                ids.add(id);
            }
            packed.put("params", ids);
            groups.add(packed);
        }
        // NOTE: PyTorch keys "state" by first use; we list it in parameter order, which is the same for one
        // step over all parameters.
        LinkedHashMap<Integer, Map<String, Object>> byIndex = new LinkedHashMap<>();
        for (ParamGroup g : paramGroups) {
            for (Tensor p : g.params()) {
                Map<String, Object> s = state.get(p);
                if (s != null && !s.isEmpty()) {
                    byIndex.put(index.get(p), new LinkedHashMap<>(s));
                }
            }
        }
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        out.put("state", byIndex);
        out.put("param_groups", groups);
        return out;
    }

    /**
     * PyTorch's {@code load_state_dict}: checks the group structure, then copies the hyperparameters and a
     * deep copy of the state (tensors cast to the parameter's dtype, except {@code "step"}).
     */
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> stateDict) {
        List<Map<String, Object>> saved = (List<Map<String, Object>>) stateDict.get("param_groups");
        if (saved.size() != paramGroups.size()) {
            throw new IllegalArgumentException("loaded state dict has a different number of parameter groups");
        }
        for (int i = 0; i < saved.size(); i++) {
            List<?> ids = (List<?>) saved.get(i).get("params");
            if (ids.size() != paramGroups.get(i).params().size()) {
                throw new IllegalArgumentException("loaded state dict contains a parameter group that doesn't match "
                        + "the size of optimizer's group");
            }
        }
        Map<Object, Map<String, Object>> savedState = (Map<Object, Map<String, Object>>) stateDict.get("state");
        state.clear();
        for (int i = 0; i < saved.size(); i++) {
            List<?> ids = (List<?>) saved.get(i).get("params");
            List<Tensor> params = paramGroups.get(i).params();
            for (int j = 0; j < ids.size(); j++) {
                Map<String, Object> s = lookup(savedState, ids.get(j));
                if (s != null) {
                    state.put(params.get(j), castState(params.get(j), s));
                }
            }
            paramGroups.get(i).replaceOptions(saved.get(i));
        }
    }

    private static Map<String, Object> lookup(Map<Object, Map<String, Object>> savedState, Object id) {
        Map<String, Object> s = savedState.get(id);
        if (s == null) {
            s = savedState.get(String.valueOf(id));
        }
        return s;
    }

    private static Map<String, Object> castState(Tensor param, Map<String, Object> s) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : s.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Tensor t) {
                NdArray copy = t.data().copyContiguous();
                // TORCH: floating state follows the parameter's dtype; "step" is never cast (pytorch#74424).
                if (!e.getKey().equals("step") && param.dtype().isFloatingPoint()) {
                    copy = copy.to(param.dtype());
                }
                v = new Tensor(copy.toDevice(param.data().backend()));
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers for subclasses

    /** Copies {@code value} into {@code dst}'s storage (an in-place update outside the graph). */
    protected static void assign(Tensor dst, Tensor value) {
        NdArray d = dst.data();
        NdArray v = value.data().to(d.dtype()).toDevice(d.backend());
        d.backend().copy(v, d);
    }

    /** A new tensor of zeros with {@code t}'s shape, dtype and device ({@code zeros_like}). */
    protected static Tensor zerosLike(Tensor t) {
        NdArray d = NdArray.zeros(t.data().backend(), t.dtype(), t.shape());
        return new Tensor(d);
    }

    /** The gradient of {@code p} cut from any graph, or null. */
    protected static Tensor gradOf(Tensor p) {
        Tensor g = p.grad();
        return g == null ? null : g.detach();
    }

    /** {@code String.valueOf} in Python's spelling, for validation messages ({@code -1.0}, {@code 1e-05}). */
    protected static String py(double v) {
        return PyFloat.repr(v);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(" (");
        for (int i = 0; i < paramGroups.size(); i++) {
            sb.append("\nParameter Group ").append(i);
            List<String> keys = new ArrayList<>(paramGroups.get(i).options().keySet());
            Collections.sort(keys);
            for (String k : keys) {
                sb.append("\n    ").append(k).append(": ").append(PyFloat.value(paramGroups.get(i).options().get(k)));
            }
        }
        return sb.append("\n)").toString();
    }
}
