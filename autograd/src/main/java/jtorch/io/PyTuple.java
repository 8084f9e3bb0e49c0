package jtorch.io;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Python tuple read from a pickle: an immutable list. Distinct from {@link java.util.ArrayList} (a Python
 * list) so that code reading a pickle can tell {@code (1, 2)} from {@code [1, 2]}.
 */
public final class PyTuple extends AbstractList<Object> implements RandomAccess {
    private static final PyTuple EMPTY = new PyTuple(new Object[0]);

    private final Object[] items;

    private PyTuple(Object[] items) {
        this.items = items;
    }

    /** A tuple of the given items (copied; nulls stand for Python's None). */
    public static PyTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items.clone());
    }

    /** A tuple of the list's items (copied). */
    public static PyTuple copyOf(List<?> items) {
        return items.isEmpty() ? EMPTY : new PyTuple(items.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    /** Python's repr for short tuples of scalars; nested values print by their own toString. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(items[i] instanceof String s ? "'" + s + "'" : String.valueOf(items[i]));
        }
        return sb.append(items.length == 1 ? ",)" : ")").toString();
    }
}
