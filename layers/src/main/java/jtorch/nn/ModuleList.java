package jtorch.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Holds submodules in a list ({@code torch.nn.ModuleList}): children are named "0", "1", ... and appear in
 * {@code parameters()}, the state dict and the print; unlike {@link Sequential} it has no {@code forward}.
 *
 * @see <a href="https://pytorch.org/docs/1.13/generated/torch.nn.ModuleList.html">torch.nn.ModuleList</a>
 */
public class ModuleList extends Module implements Iterable<Module> {
    public ModuleList(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    public ModuleList(List<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /** Appends a module under the next index name. */
    public ModuleList append(Module module) {
        registerModule(String.valueOf(size()), module);
        return this;
    }

    /** Appends every module of {@code modules}. */
    public ModuleList extend(Iterable<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
        }
        return this;
    }

    /** The i-th module (negative counts from the end), as {@code list[i]}. */
    public Module get(int index) {
        return entry(index).getValue();
    }

    /** Replaces the i-th module, keeping its name and position. */
    public ModuleList set(int index, Module module) {
        registerModule(entry(index).getKey(), module);
        return this;
    }

    private Map.Entry<String, Module> entry(int index) {
        int n = size();
        int i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range");
        }
        return new ArrayList<>(namedChildren().entrySet()).get(i);
    }

    public int size() {
        return namedChildren().size();
    }

    @Override
    public Iterator<Module> iterator() {
        return children().iterator();
    }
}
