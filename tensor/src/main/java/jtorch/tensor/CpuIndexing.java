package jtorch.tensor;

/** index_select, gather and scatter_add on CPU storages. Index bounds are checked here, per element. */
final class CpuIndexing {
    private CpuIndexing() {}

    static void indexSelect(NdArray x, int dim, NdArray index, NdArray out) {
        long[] idx = index.toLongArray();
        int n = x.size(dim);
        for (int i = 0; i < idx.length; i++) {
            long j = idx[i];
            if (j < -n || j >= n) {
                throw new IndexOutOfBoundsException("index out of range in self: index " + j
                        + " is out of bounds for dimension " + dim + " with size " + n);
            }
            CpuCopy.copy(x.select(dim, (int) (j < 0 ? j + n : j)), out.select(dim, i));
        }
    }

    static void gather(NdArray x, int dim, NdArray index, NdArray out) {
        walk(x, dim, index, out, false);
    }

    static void scatterAdd(NdArray self, int dim, NdArray index, NdArray src) {
        walk(self, dim, index, src, true);
    }

    /**
     * Visits every position p of {@code index}: gather reads x at p with p[dim] replaced by index[p] into
     * other[p]; scatter adds other[p] into x at that position. Serial, so scatter has no races.
     */
    private static void walk(NdArray x, int dim, NdArray index, NdArray other, boolean scatter) {
        int[] shape = index.shape();
        int rank = shape.length;
        int numel = index.numel();
        long[] ix = (long[]) CpuStorage.arrayOf(index.dtype() == DType.INT64 ? index : index.to(DType.INT64));
        NdArray ixv = index.dtype() == DType.INT64 ? index : index.to(DType.INT64);
        Object xa = CpuStorage.arrayOf(x);
        Object oa = CpuStorage.arrayOf(other);
        int size = x.size(dim);
        int[] pos = new int[rank];
        for (int lin = 0; lin < numel; lin++) {
            int io = ixv.offset();
            int xo = x.offset();
            int oo = other.offset();
            for (int d = 0; d < rank; d++) {
                io += pos[d] * ixv.stride(d);
                oo += pos[d] * other.stride(d);
                if (d != dim) {
                    xo += pos[d] * x.stride(d);
                }
            }
            long j = ix[io];
            if (j < -size || j >= size) {
                throw new IndexOutOfBoundsException("index " + j + " is out of bounds for dimension " + dim
                        + " with size " + size);
            }
            xo += (int) (j < 0 ? j + size : j) * x.stride(dim);
            if (scatter) {
                addInto(x.dtype(), xa, xo, oa, oo);
            } else {
                System.arraycopy(xa, xo, oa, oo, 1);
            }
            for (int d = rank - 1; d >= 0; d--) {
                if (++pos[d] < shape[d]) {
                    break;
                }
                pos[d] = 0;
            }
        }
    }

    private static void addInto(DType t, Object dst, int di, Object src, int si) {
        switch (t) {
            case FLOAT32 -> ((float[]) dst)[di] += ((float[]) src)[si];
            case FLOAT64 -> ((double[]) dst)[di] += ((double[]) src)[si];
            case INT64 -> ((long[]) dst)[di] += ((long[]) src)[si];
            case BOOL -> ((boolean[]) dst)[di] |= ((boolean[]) src)[si];
        }
    }
}
