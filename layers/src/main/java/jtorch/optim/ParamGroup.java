package jtorch.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;

/**
 * One parameter group of an {@link Optimizer} (PyTorch's {@code param_groups[i]} dict): the parameters and
 * their hyperparameters under PyTorch's names ({@code "lr"}, {@code "momentum"}, {@code "weight_decay"},
 * {@code "betas"}, ...). Values are {@code Double}, {@code Boolean}, {@code List<Double>} (betas) or null.
 * Every hyperparameter is mutable, as in PyTorch, which is how schedulers change {@code lr}.
 *
 * {@snippet :
 * var backbone = new ParamGroup(model.features.parameters());
 * var head = new ParamGroup(model.classifier.parameters(), Map.of("lr", 1e-3));
 * var optimizer = new SGD(List.of(backbone, head), new SGD.Options(1e-2).momentum(0.9));
 * }
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final LinkedHashMap<String, Object> options = new LinkedHashMap<>();

    /** A group whose hyperparameters all come from the optimizer's defaults. */
    public ParamGroup(List<? extends Tensor> params) {
        this(params, Map.of());
    }

    /** A group with its own values for some hyperparameters (the rest come from the optimizer's defaults). */
    public ParamGroup(List<? extends Tensor> params, Map<String, ?> options) {
        this.params = new ArrayList<>(params);
        if (options.containsKey("params")) {
            throw new IllegalArgumentException("'params' is not a hyperparameter");
        }
        this.options.putAll(options);
    }

    /** The parameters, in order. */
    public List<Tensor> params() {
        return Collections.unmodifiableList(params);
    }

    /** The learning rate. */
    public double lr() {
        return getDouble("lr");
    }

    public void setLr(double lr) {
        options.put("lr", lr);
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    /** A hyperparameter by PyTorch's name ({@code group[name]}). */
    public Object get(String name) {
        if (!options.containsKey(name)) {
            throw new IllegalArgumentException("KeyError: '" + name + "'");
        }
        return options.get(name);
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    /** {@code betas[index]}, for the Adam family. */
    public double getBeta(int index) {
        List<?> betas = (List<?>) get("betas");
        return ((Number) betas.get(index)).doubleValue();
    }

    /** Sets a hyperparameter ({@code group[name] = value}). */
    public void set(String name, Object value) {
        if (name.equals("params")) {
            throw new IllegalArgumentException("'params' is not a hyperparameter");
        }
        options.put(name, value);
    }

    /** Sets {@code name} only when absent ({@code dict.setdefault}). */
    void setDefault(String name, Object value) {
        options.putIfAbsent(name, value);
    }

    /** The hyperparameters in insertion order (read-only view). */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    /** Replaces every hyperparameter (loading a state dict). */
    void replaceOptions(Map<String, ?> values) {
        options.clear();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (!e.getKey().equals("params")) {
                options.put(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public String toString() {
        return "ParamGroup" + options + " (" + params.size() + " params)";
    }
}
