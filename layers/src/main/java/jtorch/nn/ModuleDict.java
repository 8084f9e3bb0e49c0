package jtorch.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds submodules by name, in insertion order ({@code torch.nn.ModuleDict}); they appear in
 * {@code parameters()}, the state dict ({@code name.weight}) and the print. It has no {@code forward}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.ModuleDict.html">torch.nn.ModuleDict</a>
 */
public class ModuleDict extends Module {
    public ModuleDict() {}

    /** Registers every entry of {@code modules} in its iteration order (use a LinkedHashMap). */
    public ModuleDict(Map<String, ? extends Module> modules) {
        update(modules);
    }

    /** Adds or replaces the module under {@code key}, as {@code dict[key] = module}. */
    public ModuleDict put(String key, Module module) {
        registerModule(key, module);
        return this;
    }

    public ModuleDict update(Map<String, ? extends Module> modules) {
        for (Map.Entry<String, ? extends Module> e : modules.entrySet()) {
            put(e.getKey(), e.getValue());
        }
        return this;
    }

    /** The module under {@code key}; throws as Python's KeyError for a missing key. */
    public Module get(String key) {
        Module m = namedChildren().get(key);
        if (m == null && !namedChildren().containsKey(key)) {
            throw new IllegalArgumentException("KeyError: '" + key + "'");
        }
        return m;
    }

    public boolean containsKey(String key) {
        return namedChildren().containsKey(key);
    }

    public Set<String> keys() {
        return namedChildren().keySet();
    }

    public List<Module> values() {
        return new ArrayList<>(namedChildren().values());
    }

    public int size() {
        return namedChildren().size();
    }
}
