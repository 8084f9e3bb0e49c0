package jtorch.simd;

/** Fused optimizer updates on float arrays, in place. See {@link Optim}. */
interface OptimKernels {
    /**
     * torch.optim.SGD over {@code n} elements: {@code d = g + wd·p}; with {@code buf} (not null),
     * {@code buf = momentum·buf + (1 − dampening)·d} and {@code d = nesterov ? d + momentum·buf : buf}; then
     * {@code p −= lr·d}. Each operation rounds to float in that order, as the OpenCL backend's kernel does.
     */
    void sgd(float[] p, int pOff, float[] g, int gOff, float[] buf, int bOff, int n, float lr, float momentum,
             float dampening, float wd, boolean nesterov);
}
