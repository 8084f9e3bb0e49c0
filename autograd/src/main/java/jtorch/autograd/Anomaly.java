package jtorch.autograd;

import jtorch.Tensor;

/**
 * Anomaly detection ({@code torch.autograd.detect_anomaly}): while enabled, ops remember where they were
 * created, and a backward that produces NaN or Inf fails naming the op and that place.
 */
public final class Anomaly {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {false});

    private Anomaly() {}

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Enables detection on this thread until the returned scope closes. */
    public static AutoCloseable enable() {
        boolean[] cell = ENABLED.get();
        boolean previous = cell[0];
        cell[0] = true;
        return () -> cell[0] = previous;
    }

    static void check(Node node, Tensor[] grads) {
        for (int i = 0; i < grads.length; i++) {
            Tensor g = grads[i];
            if (g != null && g.hasNonFinite()) {
                StringBuilder sb = new StringBuilder("Function '" + node.name() + "' returned nan values in its "
                        + i + "th output.");
                StackTraceElement[] trace = node.creationTrace();
                if (trace != null) {
                    sb.append("\nTraceback of forward call that caused the error:");
                    for (StackTraceElement e : trace) {
                        sb.append("\n\tat ").append(e);
                    }
                }
                throw new ArithmeticException(sb.toString());
            }
        }
    }
}
