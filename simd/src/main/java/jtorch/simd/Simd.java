package jtorch.simd;

import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Chooses, once per JVM, between the Vector API kernels and their scalar twins, and logs the choice.
 *
 * <p>System properties, read once:
 * <ul>
 *   <li>{@code -Djtorch.simd=false} forces the scalar kernels (the kill switch);</li>
 *   <li>{@code -Djtorch.simd.vectorBits=128|256|512} picks the vector width (default: the preferred
 *       species of this CPU). Wider than the hardware is legal: the Vector API emulates it, slowly, which
 *       is how the parity tests cover every width on any machine.</li>
 * </ul>
 *
 * <p>The vector classes are loaded reflectively, so running without
 * {@code --add-modules jdk.incubator.vector} degrades to scalar code with one warning instead of a
 * {@code NoClassDefFoundError} (Lucene's approach).
 */
public final class Simd {
    private static final Logger LOG = Logger.getLogger("jtorch.simd");

    private static final boolean VECTOR = decide();
    private static final int BITS = VECTOR ? VectorSpeciesHolder.bits() : 0;
    private static volatile boolean logged;

    private Simd() {}

    /** True when the Vector API kernels are in use. */
    public static boolean vectorEnabled() {
        return VECTOR;
    }

    /** Width of the float and double species in bits, or 0 when the scalar kernels are in use. */
    public static int vectorBits() {
        return BITS;
    }

    /** One line naming the kernel set, for logs, benchmarks and bug reports. */
    public static String description() {
        return VECTOR
                ? "cpu-simd (FloatVector " + BITS + "-bit, " + (BITS / 32) + " lanes)"
                : "cpu-scalar (Vector API disabled or unavailable)";
    }

    /**
     * Returns the vector implementation named {@code vectorClass} (a class in this package with a no-argument
     * constructor) when vectors are enabled, else {@code scalar.get()}.
     */
    static <T> T choose(Class<T> type, String vectorClass, Supplier<? extends T> scalar) {
        logOnce();
        if (!VECTOR) {
            return scalar.get();
        }
        try {
            Object impl = Class.forName("jtorch.simd." + vectorClass).getDeclaredConstructor().newInstance();
            return type.cast(impl);
        } catch (ReflectiveOperationException e) {
            throw new LinkageError("jtorch.simd." + vectorClass + " is missing or has no no-arg constructor", e);
        }
    }

    private static void logOnce() {
        if (!logged) {
            logged = true;
            LOG.fine(() -> "jtorch kernels: " + description());
        }
    }

    private static boolean decide() {
        if (!Boolean.parseBoolean(System.getProperty("jtorch.simd", "true"))) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            LOG.warning("jdk.incubator.vector is not available; using scalar kernels. "
                    + "Pass '--add-modules jdk.incubator.vector' to enable SIMD.");
            return false;
        }
        return true;
    }
}
