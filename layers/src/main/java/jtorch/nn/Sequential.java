package jtorch.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;

/**
 * A chain of modules ({@code torch.nn.Sequential}): children are named "0", "1", ...; {@code forward}
 * feeds each child's output to the next, in registration order (children added with
 * {@link #addModule} included).
 */
public class Sequential extends Module implements Iterable<Module> {
    public Sequential(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    public Sequential(List<? extends Module> modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    /** Appends a module under the next index name ({@code append}). */
    public Sequential add(Module m) {
        registerModule(String.valueOf(size()), m);
        return this;
    }

    /** The i-th child (negative counts from the end), as {@code seq[i]}. */
    public Module get(int index) {
        return entry(index).getValue();
    }

    /** Replaces the i-th child, keeping its name and position ({@code seq[i] = m}). */
    public Sequential set(int index, Module m) {
        registerModule(entry(index).getKey(), m);
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

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : namedChildren().values()) {
            x = m.forward(x);
        }
        return x;
    }
}
