package jtorch.simd;

/**
 * Fused optimizer updates on float arrays, in place: one pass over a parameter, its gradient and its state. Ranges
 * of a parameter are independent, so callers split {@code [from, to)} over threads.
 */
public final class Optim {
    private static final OptimKernels IMPL = Simd.choose(OptimKernels.class, "VectorOptim", ScalarOptim::new);

    private Optim() {}

    /**
     * torch.optim.SGD on elements {@code [from, to)} of a parameter: {@code d = g + wd·p}; with {@code buf} (not
     * null), {@code buf = momentum·buf + (1 − dampening)·d} and {@code d = nesterov ? d + momentum·buf : buf};
     * then {@code p −= lr·d}.
     */
    public static void sgd(float[] p, int pOff, float[] g, int gOff, float[] buf, int bOff, int from, int to,
                           float lr, float momentum, float dampening, float wd, boolean nesterov) {
        sgd(IMPL, p, pOff, g, gOff, buf, bOff, from, to, lr, momentum, dampening, wd, nesterov);
    }

    static void sgd(OptimKernels impl, float[] p, int pOff, float[] g, int gOff, float[] buf, int bOff, int from,
                    int to, float lr, float momentum, float dampening, float wd, boolean nesterov) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("Optim.sgd: range [" + from + ", " + to + ") is invalid");
        }
        Checks.span("Optim.sgd", "p", p, "pOff", pOff, to);
        Checks.span("Optim.sgd", "g", g, "gOff", gOff, to);
        if (buf != null) {
            Checks.span("Optim.sgd", "buf", buf, "bOff", bOff, to);
        }
        impl.sgd(p, pOff + from, g, gOff + from, buf, buf == null ? 0 : bOff + from, to - from, lr, momentum,
                dampening, wd, nesterov);
    }
}
