package jtorch.io;

/**
 * A numpy array read from a pickle: its dtype as numpy's {@code dtype.str} ({@code "|u1"}, {@code "<f4"},
 * {@code ">i8"}: byte order, kind, item size), its shape, whether its bytes are in Fortran (column-major)
 * order, and the raw element bytes ({@code numel * itemSize} of them, validated).
 */
public record NumpyArray(String dtype, int[] shape, boolean fortranOrder, byte[] data) {
    /** Number of elements. */
    public int numel() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Bytes per element, from the dtype string. */
    public int itemSize() {
        return Integer.parseInt(dtype.substring(2));
    }
}
