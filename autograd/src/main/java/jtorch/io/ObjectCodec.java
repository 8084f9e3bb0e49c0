package jtorch.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A format for objects {@link jtorch.Torch#save} does not know itself, found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/jtorch.io.ObjectCodec}). The layers module
 * provides one for whole {@code Module}s, so this module never links to it.
 */
public interface ObjectCodec {
    /** True when this codec saves {@code obj}. */
    boolean canSave(Object obj);

    void save(Object obj, Path file) throws IOException;

    /**
     * True when this codec reads a {@code .pth} archive with these records (names without the top-level
     * directory, e.g. {@code data.pkl}, {@code jtorch_module.json}).
     */
    boolean canLoad(Set<String> recordNames);

    Object load(Path file) throws IOException;
}
