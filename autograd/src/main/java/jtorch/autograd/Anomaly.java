package jtorch.autograd;

import jtorch.Tensor;

/**
 * Anomaly detection ({@code torch.autograd.detect_anomaly}): while enabled, ops remember where they were
 * created, and a backward that produces NaN or Inf fails naming the op and that place.
 *
 * <p>The failure is an {@link ArithmeticException} (PyTorch: {@code RuntimeError}) with PyTorch's message,
 * {@code Function 'SqrtBackward0' returned nan values in its 0th output.}, followed by the stack where the op
 * was created ("Traceback of forward call that caused the error"). Like PyTorch, the check runs on every
 * backward node's outputs while enabled, so it costs a scan of each gradient and a stack capture per op: a
 * debugging tool, not for production runs. The flag is per thread.
 */
public final class Anomaly {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {false});

    private Anomaly() {}

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Enables detection on this thread until the returned scope closes. */
    public static Scope enable() {
        boolean[] cell = ENABLED.get();
        Scope s = new Scope(cell, cell[0]);
        cell[0] = true;
        return s;
    }

    /** Restores the previous setting on close; its {@code close} throws nothing, so try-with-resources needs no catch. */
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
