package jtorch.serialization;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import jtorch.nn.Module;
import jtorch.nn.Sequential;

/**
 * The registry of {@link ModuleFactory}s, keyed by class name: the built-ins ({@link NnFactories}) and those
 * registered in code, then those found through {@link ServiceLoader} (the context class loader's; a provider
 * may also register others while it is constructed). Classes without a factory are rebuilt with their
 * no-argument constructor.
 */
public final class ModuleFactories {
    private static final Map<String, ModuleFactory> REGISTERED = new ConcurrentHashMap<>();

    static {
        register(new SimpleFactory(Sequential.class.getName(), m -> Map.of(), c -> new Sequential()));
        for (ModuleFactory f : NnFactories.all()) {
            register(f);
        }
    }

    private ModuleFactories() {}

    /** Registers (or replaces) the factory for its class. */
    public static void register(ModuleFactory factory) {
        REGISTERED.put(factory.className(), factory);
    }

    /** The factory for {@code className}, or null when the class is rebuilt by its no-argument constructor. */
    public static ModuleFactory find(String className) {
        ModuleFactory f = REGISTERED.get(className);
        if (f != null) {
            return f;
        }
        ClassLoader loader = ModuleCodec.contextLoader();
        for (ModuleFactory s : ServiceLoader.load(ModuleFactory.class, loader)) {
            if (s.className().equals(className)) {
                return s;
            }
        }
        // NOTE: one provider may register a whole family when it is constructed (vision's ModelFactories),
        // so that a jar lists a single class in its services file
        return REGISTERED.get(className);
    }

    /** A factory from two lambdas. */
    public record SimpleFactory(String className, java.util.function.Function<Module, Map<String, Object>> configOf,
            java.util.function.Function<Map<String, Object>, Module> creator) implements ModuleFactory {
        @Override
        public Map<String, Object> config(Module module) {
            return configOf.apply(module);
        }

        @Override
        public Module create(Map<String, Object> config) {
            return creator.apply(config);
        }
    }
}
