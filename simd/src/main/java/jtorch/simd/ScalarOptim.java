package jtorch.simd;

/** Plain-Java twin of {@link VectorOptim}: the oracle for its parity test and the fallback. */
final class ScalarOptim implements OptimKernels {
    @Override
    public void sgd(float[] p, int pOff, float[] g, int gOff, float[] buf, int bOff, int n, float lr, float momentum,
                    float dampening, float wd, boolean nesterov) {
        sgdRange(p, pOff, g, gOff, buf, bOff, 0, n, lr, momentum, dampening, wd, nesterov);
    }

    /** Elements {@code [from, to)}; also the vector kernel's tail. */
    static void sgdRange(float[] p, int pOff, float[] g, int gOff, float[] buf, int bOff, int from, int to, float lr,
                         float momentum, float dampening, float wd, boolean nesterov) {
        float keep = 1 - dampening;
        for (int i = from; i < to; i++) {
            float d = g[gOff + i];
            if (wd != 0) {
                d = d + wd * p[pOff + i];
            }
            if (buf != null) {
                float b = momentum * buf[bOff + i] + keep * d;
                buf[bOff + i] = b;
                d = nesterov ? d + momentum * b : b;
            }
            p[pOff + i] = p[pOff + i] - lr * d;
        }
    }
}
