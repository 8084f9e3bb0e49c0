package jtorch.simd;

/**
 * Strided n-d copies for every element type the tensor layer stores. Inner rows that are contiguous in both
 * operands (after merging dimensions) go through {@link System#arraycopy}, which the JIT already vectorizes,
 * so there is no separate vector twin.
 */
final class StridedCopy {
    private StridedCopy() {}

    static void copy(int[] shape, float[] x, int xOff, int[] xs, float[] y, int yOff, int[] ys) {
        NdIter it = NdIter.of(shape, new int[] {xOff, yOff}, xs, ys);
        if (it.empty()) {
            return;
        }
        int n = it.innerSize();
        int sx = it.innerStride(0);
        int sy = it.innerStride(1);
        do {
            if (sx == 1 && sy == 1) {
                System.arraycopy(x, it.offset(0), y, it.offset(1), n);
            } else {
                int xo = it.offset(0);
                int yo = it.offset(1);
                for (int i = 0; i < n; i++) {
                    y[yo + i * sy] = x[xo + i * sx];
                }
            }
        } while (it.next());
    }

    static void copy(int[] shape, double[] x, int xOff, int[] xs, double[] y, int yOff, int[] ys) {
        NdIter it = NdIter.of(shape, new int[] {xOff, yOff}, xs, ys);
        if (it.empty()) {
            return;
        }
        int n = it.innerSize();
        int sx = it.innerStride(0);
        int sy = it.innerStride(1);
        do {
            if (sx == 1 && sy == 1) {
                System.arraycopy(x, it.offset(0), y, it.offset(1), n);
            } else {
                int xo = it.offset(0);
                int yo = it.offset(1);
                for (int i = 0; i < n; i++) {
                    y[yo + i * sy] = x[xo + i * sx];
                }
            }
        } while (it.next());
    }

    static void copy(int[] shape, long[] x, int xOff, int[] xs, long[] y, int yOff, int[] ys) {
        NdIter it = NdIter.of(shape, new int[] {xOff, yOff}, xs, ys);
        if (it.empty()) {
            return;
        }
        int n = it.innerSize();
        int sx = it.innerStride(0);
        int sy = it.innerStride(1);
        do {
            if (sx == 1 && sy == 1) {
                System.arraycopy(x, it.offset(0), y, it.offset(1), n);
            } else {
                int xo = it.offset(0);
                int yo = it.offset(1);
                for (int i = 0; i < n; i++) {
                    y[yo + i * sy] = x[xo + i * sx];
                }
            }
        } while (it.next());
    }

    static void copy(int[] shape, boolean[] x, int xOff, int[] xs, boolean[] y, int yOff, int[] ys) {
        NdIter it = NdIter.of(shape, new int[] {xOff, yOff}, xs, ys);
        if (it.empty()) {
            return;
        }
        int n = it.innerSize();
        int sx = it.innerStride(0);
        int sy = it.innerStride(1);
        do {
            if (sx == 1 && sy == 1) {
                System.arraycopy(x, it.offset(0), y, it.offset(1), n);
            } else {
                int xo = it.offset(0);
                int yo = it.offset(1);
                for (int i = 0; i < n; i++) {
                    y[yo + i * sy] = x[xo + i * sx];
                }
            }
        } while (it.next());
    }
}
