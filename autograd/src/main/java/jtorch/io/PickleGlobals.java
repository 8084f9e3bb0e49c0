package jtorch.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The allow-list of an {@link Unpickler}: the only globals ({@code module.name}) a pickle may refer to, each
 * mapped to the Java value that stands for it, usually a {@link PyCallable}. A pickle that names anything
 * else fails with an {@link UnpicklingException} naming that global, as PyTorch's {@code weights_only}
 * unpickler does; nothing is ever looked up by reflection.
 *
 * {@snippet :
 * PickleGlobals globals = PickleGlobals.numpy()                    // numpy arrays and dtypes
 *         .allow("collections", "OrderedDict", (PyCallable) args -> new LinkedHashMap<>());
 * }
 */
public final class PickleGlobals {
    private final Map<String, Object> allowed = new LinkedHashMap<>();

    /** An empty allow-list: only plain data (dicts, lists, tuples, strings, numbers) unpickles. */
    public PickleGlobals() {}

    /** The allow-list for numpy arrays: {@code numpy.core.multiarray._reconstruct}, {@code numpy.ndarray}, {@code numpy.dtype}. */
    public static PickleGlobals numpy() {
        PickleGlobals g = new PickleGlobals();
        NumpyGlobals.register(g);
        return g;
    }

    /**
     * Allows {@code module.name}, standing for {@code value} (a {@link PyCallable} if pickles call it).
     *
     * @return this allow-list
     */
    public PickleGlobals allow(String module, String name, Object value) {
        allowed.put(module + "." + name, value);
        return this;
    }

    /** True when {@code module.name} is allowed. */
    public boolean isAllowed(String module, String name) {
        return allowed.containsKey(module + "." + name);
    }

    /** The value standing for {@code module.name}; refuses any global not on the list. */
    Object resolve(long position, String module, String name) throws UnpicklingException {
        String key = module + "." + name;
        if (!allowed.containsKey(key)) {
            throw new UnpicklingException(position, "Unsupported global: GLOBAL " + key
                    + " was not an allowed global (only " + (allowed.isEmpty() ? "plain data" : "allow-listed globals")
                    + " may be unpickled)");
        }
        return allowed.get(key);
    }
}
