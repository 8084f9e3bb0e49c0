package jtorch.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import jtorch.Tensor;

/**
 * What {@link jtorch.Torch#save} and {@link jtorch.Torch#load} do. By file name: {@code *.safetensors} holds
 * a state dict in safetensors; anything else is PyTorch's {@code .pth} zip ({@link PthFormat}). Objects the
 * pickle cannot hold (whole modules) go to the first {@link ObjectCodec} that accepts them.
 */
public final class Serialization {
    private Serialization() {}

    public static void save(Object obj, Path file) throws IOException {
        if (isSafetensors(file)) {
            Safetensors.save(stateDict(obj, file), null, file);
            return;
        }
        if (obj instanceof Tensor || obj instanceof Map<?, ?>) {
            PthFormat.write(obj, file);
            return;
        }
        for (ObjectCodec codec : codecs()) {
            if (codec.canSave(obj)) {
                codec.save(obj, file);
                return;
            }
        }
        throw new IllegalArgumentException("cannot save a " + (obj == null ? "null" : obj.getClass().getName())
                + ": Torch.save takes a state dict (Map<String, Tensor>), a Tensor or a Module");
    }

    public static Object load(Path file) throws IOException {
        if (isSafetensors(file)) {
            return Safetensors.load(file);
        }
        checkNotLegacy(file);
        Set<String> records = PthFormat.recordNames(file);
        for (ObjectCodec codec : codecs()) {
            if (codec.canLoad(records)) {
                return codec.load(file);
            }
        }
        return PthFormat.read(file);
    }

    private static boolean isSafetensors(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".safetensors");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Tensor> stateDict(Object obj, Path file) {
        if (obj instanceof Map<?, ?> m) {
            boolean ok = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                ok &= e.getKey() instanceof String && e.getValue() instanceof Tensor;
            }
            if (ok) {
                return (Map<String, Tensor>) m;
            }
        }
        throw new IllegalArgumentException("a .safetensors file holds a state dict (Map<String, Tensor>) only; cannot save "
                + (obj == null ? "null" : obj.getClass().getName()) + " to " + file);
    }

    /** PyTorch's pre-1.6 format is a bare pickle (it starts with PROTO); name it rather than say "not a zip". */
    private static void checkNotLegacy(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int first = in.read();
            if (first == 0x80) {
                throw new PthFormatException("invalid .pth file " + file + ": this is PyTorch's legacy (pre-1.6) format,"
                        + " which jtorch does not read; re-save it with a current torch.save");
            }
        }
    }

    private static Iterable<ObjectCodec> codecs() {
        return ServiceLoader.load(ObjectCodec.class, contextLoader());
    }

    private static ClassLoader contextLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : Serialization.class.getClassLoader();
    }
}
