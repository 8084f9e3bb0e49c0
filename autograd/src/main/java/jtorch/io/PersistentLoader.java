package jtorch.io;

/**
 * Resolves a persistent id ({@code PERSID}/{@code BINPERSID}), Python's {@code Unpickler.persistent_load}.
 * PyTorch's files refer to their storages this way:
 * {@code ('storage', torch.FloatStorage, '0', 'cpu', 24)}.
 */
@FunctionalInterface
public interface PersistentLoader {
    Object load(Object pid) throws UnpicklingException;
}
