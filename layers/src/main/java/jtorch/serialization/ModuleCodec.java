package jtorch.serialization;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jtorch.Tensor;
import jtorch.io.ObjectCodec;
import jtorch.io.PthFormat;
import jtorch.nn.Module;

/**
 * Whole modules ({@code Torch.save(module, path)}, {@code Module m = Torch.load(path)}) in a documented, safe
 * format (docs/serialization.md): a {@code .pth} archive holding the state dict exactly as PyTorch's
 * format (so {@code torch.load(path, weights_only=True)} still reads the weights) plus
 * {@code archive/jtorch_module.json}:
 * <pre>
 * {"format": "jtorch.module", "version": 1, "modules": [
 *   {"path": "", "class": "Net", "config": {}},
 *   {"path": "0", "class": "jtorch.nn.Linear", "config": {"in_features": 4, "out_features": 2, "bias": true}}]}
 * </pre>
 * Loading instantiates the root (by its {@link ModuleFactory}, else its no-argument constructor), recreates
 * every recorded child that construction did not make (children added with {@code addModule} or replaced
 * with {@code set(i, m)}), then loads the state dict strictly. Classes are found through the thread's
 * context class loader without being initialised, and only {@link Module} subclasses are ever
 * instantiated; no Java serialization is involved.
 */
public final class ModuleCodec implements ObjectCodec {
    static final String RECORD = "jtorch_module.json";
    private static final int MAX_JSON_BYTES = 64 << 20;

    @Override
    public boolean canSave(Object obj) {
        return obj instanceof Module;
    }

    @Override
    public void save(Object obj, Path file) throws IOException {
        Module root = (Module) obj;
        List<Object> modules = new ArrayList<>();
        for (Map.Entry<String, Module> e : root.namedModules().entrySet()) {
            Module m = e.getValue();
            ModuleFactory f = ModuleFactories.find(m.getClass().getName());
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("path", e.getKey());
            rec.put("class", m.getClass().getName());
            rec.put("config", f == null ? Map.of() : f.config(m));
            rec.put("training", m.isTraining());
            modules.add(rec);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "jtorch.module");
        doc.put("version", 1);
        doc.put("modules", modules);
        byte[] json = ModuleJson.write(doc).getBytes(StandardCharsets.UTF_8);
        PthFormat.write(root.stateDict(), file, Map.of(RECORD, json));
    }

    @Override
    public boolean canLoad(Set<String> recordNames) {
        return recordNames.contains(RECORD);
    }

    @Override
    public Object load(Path file) throws IOException {
        byte[] json = PthFormat.readRecord(file, RECORD, MAX_JSON_BYTES);
        List<Map<String, Object>> records = records(ModuleJson.parse(new String(json, StandardCharsets.UTF_8)));
        Module root = null;
        for (Map<String, Object> rec : records) {
            String path = (String) rec.get("path");
            String cls = (String) rec.get("class");
            if (path.isEmpty()) {
                root = create(cls, config(rec));
                continue;
            }
            if (root == null) {
                throw new IOException("invalid " + RECORD + ": the root module must come first");
            }
            int dot = path.lastIndexOf('.');
            Module parent = root.getSubmodule(dot < 0 ? "" : path.substring(0, dot));
            String name = path.substring(dot + 1);
            Module existing = parent.namedChildren().get(name);
            // NOTE: the constructor made most children; recreate only those added or replaced after construction
            if (existing == null || !sameKind(existing, cls, config(rec))) {
                parent.registerModule(name, create(cls, config(rec)));
            }
        }
        if (root == null) {
            throw new IOException("invalid " + RECORD + ": no root module");
        }
        Map<String, Tensor> state = castStateDict(PthFormat.read(file));
        root.loadStateDict(state);
        restoreModes(root, records);
        return root;
    }

    /**
     * Whether a child the constructor made is the recorded one: same class and, when it has a factory, the same
     * configuration (a {@code Dropout(0.5)} replaced by a {@code Dropout(0.2)} keeps its class, not its config).
     */
    private static boolean sameKind(Module existing, String cls, Map<String, Object> recorded) throws IOException {
        if (!existing.getClass().getName().equals(cls)) {
            return false;
        }
        ModuleFactory f = ModuleFactories.find(cls);
        if (f == null) {
            return true;
        }
        // NOTE: compared after a JSON round trip, as the recorded config was (int[] becomes a List of Long)
        return ModuleJson.parse(ModuleJson.write(f.config(existing))).equals(recorded);
    }

    /** Training or eval mode per module, as saved (records are parents first, so a child's own mode wins). */
    private static void restoreModes(Module root, List<Map<String, Object>> records) {
        for (Map<String, Object> rec : records) {
            if (rec.get("training") instanceof Boolean training) {
                root.getSubmodule((String) rec.get("path")).train(training);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Object doc) throws IOException {
        if (!(doc instanceof Map<?, ?> m) || !"jtorch.module".equals(m.get("format")) || !(m.get("modules") instanceof List<?> l)) {
            throw new IOException("invalid " + RECORD + ": expected {\"format\": \"jtorch.module\", \"modules\": [...]}");
        }
        for (Object r : l) {
            if (!(r instanceof Map<?, ?> rec) || !(rec.get("path") instanceof String) || !(rec.get("class") instanceof String)) {
                throw new IOException("invalid " + RECORD + ": every module needs a string path and class");
            }
        }
        return (List<Map<String, Object>>) l;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Map<String, Object> rec) {
        return rec.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Tensor> castStateDict(Object obj) throws IOException {
        if (!(obj instanceof Map<?, ?> m)) {
            throw new IOException("the module's state dict is a " + obj.getClass().getSimpleName() + ", not a dict");
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof Tensor)) {
                throw new IOException("the module's state dict holds a non-tensor entry");
            }
        }
        return (Map<String, Tensor>) m;
    }

    /** A module of class {@code name}: by its factory, else its no-argument constructor. */
    static Module create(String name, Map<String, Object> config) {
        ModuleFactory f = ModuleFactories.find(name);
        if (f != null) {
            return f.create(config);
        }
        Class<?> cls = moduleClass(name);
        try {
            if (isProgramMember(cls)) {
                // NOTE: `class Net extends Module {}` beside `void main` is an inner class of the program's implicit
                // class; like Python re-running `__main__`'s definitions, it needs an instance of that program
                Constructor<?> outer = opened(cls.getEnclosingClass().getDeclaredConstructor());
                return (Module) opened(cls.getDeclaredConstructor(cls.getEnclosingClass())).newInstance(outer.newInstance());
            }
            // NOTE: a package-private class in a `./jtorch run` script has a package-private implicit constructor;
            // it is a Module subclass (checked), so opening it is safe
            return (Module) opened(cls.getDeclaredConstructor()).newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Can't rebuild " + name + ": it has no no-argument constructor and no "
                    + "ModuleFactory; register one (ModuleFactories.register) or save the state dict instead "
                    + "(module.stateDict() / loadStateDict)");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the constructor of " + name + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Can't instantiate " + name + ": " + e, e);
        }
    }

    /** An inner (non-static) class of a top-level class in the unnamed package: a script's own module class. */
    private static boolean isProgramMember(Class<?> cls) {
        Class<?> outer = cls.getEnclosingClass();
        return outer != null && cls.isMemberClass() && !Modifier.isStatic(cls.getModifiers())
                && outer.getEnclosingClass() == null && outer.getPackageName().isEmpty();
    }

    private static <T> Constructor<T> opened(Constructor<T> ctor) {
        if (!Modifier.isPublic(ctor.getModifiers()) || !Modifier.isPublic(ctor.getDeclaringClass().getModifiers())) {
            ctor.setAccessible(true);
        }
        return ctor;
    }

    /** The class, found without initialising it, and only if it is a Module. */
    private static Class<?> moduleClass(String name) {
        Class<?> cls = null;
        for (String candidate : candidates(name)) {
            try {
                cls = Class.forName(candidate, false, contextLoader());
                break;
            } catch (ClassNotFoundException | LinkageError e) {
                // NOTE: try the next spelling; the error below names the recorded one
            }
        }
        if (cls == null) {
            String simple = name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
            throw new IllegalStateException("Can't get attribute '" + simple + "': class " + name
                    + " is not on the class path; save and load the state dict instead (module.stateDict() / loadStateDict)");
        }
        if (!Module.class.isAssignableFrom(cls)) {
            throw new IllegalStateException("refusing to instantiate " + name + ": it is not a jtorch.nn.Module");
        }
        return cls;
    }

    /**
     * The recorded name, then, for a class of the unnamed package, the same simple name in the running program.
     * A class declared beside {@code void main} in {@code SaveLoad.java} is the member {@code SaveLoad$NeuralNetwork}
     * of the implicit class {@code SaveLoad}; like Python's {@code __main__.NeuralNetwork}, it must load in another
     * program that declares {@code NeuralNetwork} too, i.e. {@code Other$NeuralNetwork} or a top-level one.
     */
    private static List<String> candidates(String name) {
        List<String> out = new ArrayList<>(List.of(name));
        if (name.contains(".")) {
            return out;
        }
        String simple = name.substring(name.lastIndexOf('$') + 1);
        StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
        List<Class<?>> callers = walker.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass).toList());
        for (Class<?> c : callers) {
            // NOTE: the outermost class in the unnamed package: the program's own (implicit) class
            while (c.getEnclosingClass() != null) {
                c = c.getEnclosingClass();
            }
            String member = c.getName() + "$" + simple;
            if (c.getPackageName().isEmpty() && !out.contains(member)) {
                out.add(member);
            }
        }
        if (!out.contains(simple)) {
            out.add(simple);
        }
        return out;
    }

    static ClassLoader contextLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : ModuleCodec.class.getClassLoader();
    }
}
