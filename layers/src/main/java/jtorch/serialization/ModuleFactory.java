package jtorch.serialization;

import java.util.Map;
import jtorch.nn.Module;

/**
 * Recreates one module class from its constructor configuration, for classes without a no-argument
 * constructor ({@code Linear(4, 2)}, {@code VGG}). Register one with {@link ModuleFactories#register}, or
 * list it in {@code META-INF/services/jtorch.serialization.ModuleFactory} (how the vision module adds its
 * models without this module knowing them).
 *
 * <p>Configuration values are JSON values: {@code Long}, {@code Double}, {@code String}, {@code Boolean},
 * null, {@code List} and {@code Map}; {@link #config} may also return {@code Integer}, {@code int[]} and
 * {@code Float}, which are written as numbers and read back as {@code Long}/{@code List<Long>}/{@code Double}.
 */
public interface ModuleFactory {
    /** The binary name of the class this factory makes, e.g. {@code jtorch.nn.Linear}. */
    String className();

    /** The constructor arguments of {@code module}, by name, e.g. {@code {in_features: 4, out_features: 2, bias: true}}. */
    Map<String, Object> config(Module module);

    /** A new module built from {@link #config}'s output (its parameters are overwritten by the state dict later). */
    Module create(Map<String, Object> config);
}
