package jtorch.autograd;

/**
 * Whether ops record the graph, per thread ({@code torch.is_grad_enabled}). Scopes nest: each
 * {@link Scope} restores the mode it found when closed.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {}

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Sets the mode for this thread until the returned scope closes. */
    public static Scope set(boolean enabled) {
        boolean[] cell = ENABLED.get();
        Scope s = new Scope(cell, cell[0]);
        cell[0] = enabled;
        return s;
    }

    /** Restores the previous grad mode on close; use with try-with-resources. */
    public static final class Scope implements AutoCloseable {
        private final boolean[] cell;
        private final boolean previous;

        private Scope(boolean[] cell, boolean previous) {
            this.cell = cell;
            this.previous = previous;
        }

        @Override
        public void close() {
            cell[0] = previous;
        }
    }
}
