package jtorch.autograd;

/** Captures where an op was created, for anomaly detection's report. */
final class AnomalyTrace {
    private AnomalyTrace() {}

    static void attach(Node node) {
        StackTraceElement[] full = new Throwable().getStackTrace();
        // Drop the frames inside the graph recorder itself; the user's call site follows them.
        int skip = 0;
        while (skip < full.length && (full[skip].getClassName().equals(AnomalyTrace.class.getName())
                || full[skip].getClassName().equals(Graph.class.getName()))) {
            skip++;
        }
        node.setTrace(java.util.Arrays.copyOfRange(full, skip, full.length));
    }
}
