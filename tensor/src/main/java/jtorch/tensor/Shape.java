package jtorch.tensor;

import java.util.Arrays;

/** Helpers on shapes ({@code int[]}) and strides: element counts, contiguous strides, broadcasting, printing. */
public final class Shape {
    private Shape() {}

    /** Number of elements; throws when it does not fit in an int (our storages are Java arrays). */
    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension " + s + " in shape " + str(shape));
            }
            n *= s;
            if (n > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("shape " + str(shape) + " has more elements than one storage holds ("
                        + (Integer.MAX_VALUE - 16) + ")");
            }
        }
        return (int) n;
    }

    /** Row-major (C-contiguous) strides for a shape. */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** PyTorch's broadcast of two shapes; throws PyTorch's message when they do not broadcast. */
    public static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        // TORCH: checked from the last dimension, so the message names the same dimension as PyTorch's.
        for (int i = rank - 1; i >= 0; i--) {
            int ai = i - (rank - a.length);
            int bi = i - (rank - b.length);
            int da = ai >= 0 ? a[ai] : 1;
            int db = bi >= 0 ? b[bi] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("The size of tensor a (" + da + ") must match the size of tensor b ("
                        + db + ") at non-singleton dimension " + i);
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Normalizes a possibly negative dimension index, with PyTorch's error for out-of-range ones. */
    public static int wrapDim(int dim, int rank) {
        int r = Math.max(rank, 1);   // TORCH: a 0-d tensor accepts dim 0 and -1
        if (dim < -r || dim >= r) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of [" + (-r) + ", "
                    + (r - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + r : dim;
    }

    /** {@code [2, 3]}, as PyTorch prints a size in error messages. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}
