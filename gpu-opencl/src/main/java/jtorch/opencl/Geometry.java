package jtorch.opencl;

import jtorch.tensor.NdArray;

/**
 * The Geo and Str structs of common.cl for views that share one shape: size-1 dims are dropped and
 * neighbouring dims merged where every operand is contiguous across them, so most ops run at rank 1 and
 * any rank reduces to at most 8 (else an error).
 */
final class Geometry {
    static final int MAXD = 8;

    private final int rank;
    private final int n;
    private final int[] shape;
    private final int[][] strides;
    private final int[] offsets;

    private Geometry(int rank, int n, int[] shape, int[][] strides, int[] offsets) {
        this.rank = rank;
        this.n = n;
        this.shape = shape;
        this.strides = strides;
        this.offsets = offsets;
    }

    /** Every view must have {@code shape} (inputs already broadcast by the caller). */
    static Geometry of(int[] shape, NdArray... views) {
        int k = views.length;
        int[] s = new int[shape.length];
        int[][] st = new int[k][shape.length];
        int r = 0;
        int n = 1;
        for (int d = 0; d < shape.length; d++) {
            n *= shape[d];
            if (shape[d] == 1) {
                continue;
            }
            boolean merge = r > 0;
            for (int v = 0; v < k && merge; v++) {
                merge = st[v][r - 1] == views[v].stride(d) * shape[d];
            }
            if (merge) {
                s[r - 1] *= shape[d];
                for (int v = 0; v < k; v++) {
                    st[v][r - 1] = views[v].stride(d);
                }
            } else {
                s[r] = shape[d];
                for (int v = 0; v < k; v++) {
                    st[v][r] = views[v].stride(d);
                }
                r++;
            }
        }
        if (r > MAXD) {
            throw new UnsupportedOperationException("OpenCL backend: a strided view of rank " + r
                    + " after merging contiguous dims exceeds the supported " + MAXD);
        }
        int[] offs = new int[k];
        for (int v = 0; v < k; v++) {
            offs[v] = views[v].offset();
        }
        return new Geometry(r, n, s, st, offs);
    }

    /** Like {@link #of} but keeping every dim (index kernels address one dim by number). */
    static Geometry unmerged(int[] shape, NdArray... views) {
        if (shape.length > MAXD) {
            throw new UnsupportedOperationException("OpenCL backend: index ops support at most " + MAXD + " dims");
        }
        int k = views.length;
        int n = 1;
        int[][] st = new int[k][];
        int[] offs = new int[k];
        for (int d : shape) {
            n *= d;
        }
        for (int v = 0; v < k; v++) {
            st[v] = views[v].strides();
            offs[v] = views[v].offset();
        }
        return new Geometry(shape.length, n, shape.clone(), st, offs);
    }

    int numel() {
        return n;
    }

    /** The Geo struct: rank, n, shape[8]. */
    int[] geo() {
        int[] g = new int[2 + MAXD];
        g[0] = rank;
        g[1] = n;
        System.arraycopy(shape, 0, g, 2, rank);
        return g;
    }

    /** The Str struct of operand {@code v}: offset, strides[8]. */
    int[] str(int v) {
        int[] s = new int[1 + MAXD];
        s[0] = offsets[v];
        System.arraycopy(strides[v], 0, s, 1, rank);
        return s;
    }
}
