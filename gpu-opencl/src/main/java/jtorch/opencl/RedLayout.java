package jtorch.opencl;

import jtorch.tensor.NdArray;

/**
 * The Red struct of reduce.cl: x's dims split into kept ones (where out's size equals x's) and reduced
 * ones (where out has 1 and x does not), as jtorch.tensor.ReduceLayout splits them on the CPU.
 */
final class RedLayout {
    private static final int MAXD = Geometry.MAXD;

    final int outCount;
    final int redCount;
    private final int[] words;

    private RedLayout(int outCount, int redCount, int[] words) {
        this.outCount = outCount;
        this.redCount = redCount;
        this.words = words;
    }

    /** Reduced dims are those where {@code reduced[d]} holds; {@code outStrides} has x's rank. */
    static RedLayout of(NdArray x, boolean[] reduced, int[] outStrides) {
        int[] shape = x.shape();
        int[] st = x.strides();
        int[] w = new int[2 + 3 * MAXD + 2 + 2 * MAXD];
        int kr = 0;
        int rr = 0;
        int oc = 1;
        int rc = 1;
        int base = 2 + 3 * MAXD;
        for (int d = 0; d < shape.length; d++) {
            if (reduced[d]) {
                check(rr);
                w[base + 2 + rr] = shape[d];
                w[base + 2 + MAXD + rr] = st[d];
                rr++;
                rc *= shape[d];
            } else {
                check(kr);
                w[2 + kr] = shape[d];
                w[2 + MAXD + kr] = st[d];
                w[2 + 2 * MAXD + kr] = outStrides[d];
                kr++;
                oc *= shape[d];
            }
        }
        w[0] = kr;
        w[1] = oc;
        w[base] = rr;
        w[base + 1] = rc;
        return new RedLayout(oc, rc, w);
    }

    /** The reduced dims of a reduction into {@code outShape} (same rank as x). */
    static boolean[] reducedDims(int[] xShape, int[] outShape) {
        boolean[] r = new boolean[xShape.length];
        for (int d = 0; d < xShape.length; d++) {
            r[d] = outShape[d] == 1 && xShape[d] != 1;
        }
        return r;
    }

    /** Only {@code dim} reduced (arg-reductions and softmax); the out strides are out's own. */
    static RedLayout alongDim(NdArray x, int dim, int[] outStrides) {
        boolean[] r = new boolean[x.dim()];
        r[dim] = true;
        return of(x, r, outStrides);
    }

    private static void check(int rank) {
        if (rank >= MAXD) {
            throw new UnsupportedOperationException("OpenCL backend: reductions support at most " + MAXD + " dims");
        }
    }

    int[] words() {
        return words;
    }
}
