package jtorch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fused SGD on vectors: one pass reading the gradient and reading and writing the parameter and momentum buffer,
 * instead of the five full-size temporaries and copies the composed update allocates (VGG16: 138M parameters, so
 * 553 MB each). Plain {@code mul} and {@code add}, no FMA, so every element rounds exactly as the scalar twin does.
 */
final class VectorOptim implements OptimKernels {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final int L = F.length();

    @Override
    public void sgd(float[] p, int pOff, float[] g, int gOff, float[] buf, int bOff, int n, float lr, float momentum,
                    float dampening, float wd, boolean nesterov) {
        float keep = 1 - dampening;
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector pv = FloatVector.fromArray(F, p, pOff + i);
            FloatVector d = FloatVector.fromArray(F, g, gOff + i);
            if (wd != 0) {
                d = d.add(pv.mul(wd));
            }
            if (buf != null) {
                FloatVector b = FloatVector.fromArray(F, buf, bOff + i).mul(momentum).add(d.mul(keep));
                b.intoArray(buf, bOff + i);
                d = nesterov ? d.add(b.mul(momentum)) : b;
            }
            pv.sub(d.mul(lr)).intoArray(p, pOff + i);
        }
        ScalarOptim.sgdRange(p, pOff, g, gOff, buf, bOff, i, n, lr, momentum, dampening, wd, nesterov);
    }
}
