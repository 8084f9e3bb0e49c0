package jtorch.simd;

/**
 * Walks the outer dimensions of an n-d index space for up to three operands, leaving the innermost dimension
 * to the caller's loop. Dimensions of size 1 are dropped and adjacent dimensions that are contiguous for every
 * operand are merged first, so a contiguous or broadcast-row operand usually ends up with one long inner loop.
 *
 * <p>Allocates a few small arrays per call, never per element or per row.
 */
final class NdIter {
    private final int rank;
    private final int[] shape;
    private final int[][] strides;
    private final int[] index;
    private final int[] offset;
    private final boolean empty;

    private NdIter(int[] shapeIn, int[] offsets, int[][] stridesIn) {
        int operands = offsets.length;
        int[] dims = new int[Math.max(shapeIn.length, 1)];
        int[][] st = new int[operands][dims.length];
        boolean anyZero = false;
        int r = 0;
        for (int d = 0; d < shapeIn.length; d++) {
            if (shapeIn[d] == 0) {
                anyZero = true;
            }
            if (shapeIn[d] == 1) {
                continue;
            }
            if (r > 0 && mergeable(shapeIn, stridesIn, d, st, r - 1, dims[r - 1])) {
                dims[r - 1] *= shapeIn[d];
                for (int k = 0; k < operands; k++) {
                    st[k][r - 1] = stridesIn[k][d];
                }
                continue;
            }
            dims[r] = shapeIn[d];
            for (int k = 0; k < operands; k++) {
                st[k][r] = stridesIn[k][d];
            }
            r++;
        }
        if (r == 0) {
            // NOTE: rank 0 (or all dims 1) is one element.
            dims[0] = 1;
            r = 1;
        }
        this.rank = r;
        this.shape = dims;
        this.strides = st;
        this.index = new int[r];
        this.offset = offsets.clone();
        this.empty = anyZero;
    }

    /** Dim d of the input can fold into the previous kept dim p when, for every operand, stride[p] == stride[d]*shape[d]. */
    private static boolean mergeable(int[] shapeIn, int[][] stridesIn, int d, int[][] st, int p, int pSize) {
        for (int k = 0; k < stridesIn.length; k++) {
            if (st[k][p] != stridesIn[k][d] * shapeIn[d]) {
                return false;
            }
        }
        return pSize > 0;
    }

    static NdIter of(int[] shape, int[] offsets, int[]... strides) {
        for (int[] s : strides) {
            if (s.length != shape.length) {
                throw new IllegalArgumentException("strides " + java.util.Arrays.toString(s)
                        + " do not match shape " + java.util.Arrays.toString(shape));
            }
        }
        return new NdIter(shape, offsets, strides);
    }

    /** True when some dimension has size 0: there is nothing to do. */
    boolean empty() {
        return empty;
    }

    /** Length of the innermost (merged) dimension. */
    int innerSize() {
        return shape[rank - 1];
    }

    /** Stride of operand k along the innermost dimension. */
    int innerStride(int k) {
        return strides[k][rank - 1];
    }

    /** Offset of operand k at the start of the current inner row. */
    int offset(int k) {
        return offset[k];
    }

    /** Advances to the next inner row; false when all rows have been visited. */
    boolean next() {
        for (int d = rank - 2; d >= 0; d--) {
            index[d]++;
            for (int k = 0; k < offset.length; k++) {
                offset[k] += strides[k][d];
            }
            if (index[d] < shape[d]) {
                return true;
            }
            for (int k = 0; k < offset.length; k++) {
                offset[k] -= strides[k][d] * shape[d];
            }
            index[d] = 0;
        }
        return false;
    }
}
