package jtorch.simd;

/**
 * Element-wise kernels on contiguous runs, implemented by {@link ScalarElementwise} and
 * {@code VectorElementwise}; the strided forms are shared default methods that hand each contiguous inner
 * row to the contiguous kernels. See {@link Elementwise} for the semantics of each method.
 */
interface ElementwiseKernels {
    void unary(UnaryOp op, int n, float[] x, int xOff, float[] y, int yOff);

    void unary(UnaryOp op, int n, double[] x, int xOff, double[] y, int yOff);

    void binary(BinaryOp op, int n, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff);

    void binary(BinaryOp op, int n, double[] a, int aOff, double[] b, int bOff, double[] y, int yOff);

    void binaryScalar(BinaryOp op, int n, float[] a, int aOff, float s, float[] y, int yOff);

    void binaryScalar(BinaryOp op, int n, double[] a, int aOff, double s, double[] y, int yOff);

    void fill(int n, float v, float[] y, int yOff);

    void fill(int n, double v, double[] y, int yOff);

    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff);

    void axpby(int n, float alpha, float[] x, int xOff, float beta, float[] y, int yOff);

    void axpby(int n, double alpha, double[] x, int xOff, double beta, double[] y, int yOff);

    void fma(int n, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, float[] y, int yOff);

    void fma(int n, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, double[] y, int yOff);

    void scaleShift(int n, float[] x, int xOff, float scale, float shift, float[] y, int yOff);

    void scaleShift(int n, double[] x, int xOff, double scale, double shift, double[] y, int yOff);

    void compare(CompareOp op, int n, float[] a, int aOff, float[] b, int bOff, boolean[] y, int yOff);

    void compare(CompareOp op, int n, double[] a, int aOff, double[] b, int bOff, boolean[] y, int yOff);

    void compareScalar(CompareOp op, int n, float[] a, int aOff, float s, boolean[] y, int yOff);

    void compareScalar(CompareOp op, int n, double[] a, int aOff, double s, boolean[] y, int yOff);

    void where(int n, boolean[] cond, int cOff, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff);

    void where(int n, boolean[] cond, int cOff, double[] a, int aOff, double[] b, int bOff, double[] y, int yOff);

    void reluBackward(int n, float[] gy, int gyOff, float[] y, int yOff, float[] gx, int gxOff);

    void reluBackward(int n, double[] gy, int gyOff, double[] y, int yOff, double[] gx, int gxOff);

    default void binaryStrided(BinaryOp op, int[] shape, float[] a, int aOff, int[] aStrides,
                               float[] b, int bOff, int[] bStrides, float[] y, int yOff, int[] yStrides) {
        NdIter it = NdIter.of(shape, new int[] {aOff, bOff, yOff}, aStrides, bStrides, yStrides);
        if (it.empty()) {
            return;
        }
        int n = it.innerSize();
        int sa = it.innerStride(0);
        int sb = it.innerStride(1);
        int sy = it.innerStride(2);
        BinaryOp swapped = op.swapped();
        do {
            int ao = it.offset(0);
            int bo = it.offset(1);
            int yo = it.offset(2);
            if (sy == 1 && sa == 1 && sb == 1) {
                binary(op, n, a, ao, b, bo, y, yo);
            } else if (sy == 1 && sa == 1 && sb == 0) {
                binaryScalar(op, n, a, ao, b[bo], y, yo);
            } else if (sy == 1 && sa == 0 && sb == 1 && swapped != null) {
                binaryScalar(swapped, n, b, bo, a[ao], y, yo);
            } else {
                for (int i = 0; i < n; i++) {
                    y[yo + i * sy] = ScalarMath.apply(op, a[ao + i * sa], b[bo + i * sb]);
                }
            }
        } while (it.next());
    }

    default void binaryStrided(BinaryOp op, int[] shape, double[] a, int aOff, int[] aStrides,
                               double[] b, int bOff, int[] bStrides, double[] y, int yOff, int[] yStrides) {
        NdIter it = NdIter.of(shape, new int[] {aOff, bOff, yOff}, aStrides, bStrides, yStrides);
        if (it.empty()) {
            return;
        }
        int n = it.innerSize();
        int sa = it.innerStride(0);
        int sb = it.innerStride(1);
        int sy = it.innerStride(2);
        BinaryOp swapped = op.swapped();
        do {
            int ao = it.offset(0);
            int bo = it.offset(1);
            int yo = it.offset(2);
            if (sy == 1 && sa == 1 && sb == 1) {
                binary(op, n, a, ao, b, bo, y, yo);
            } else if (sy == 1 && sa == 1 && sb == 0) {
                binaryScalar(op, n, a, ao, b[bo], y, yo);
            } else if (sy == 1 && sa == 0 && sb == 1 && swapped != null) {
                binaryScalar(swapped, n, b, bo, a[ao], y, yo);
            } else {
                for (int i = 0; i < n; i++) {
                    y[yo + i * sy] = ScalarMath.apply(op, a[ao + i * sa], b[bo + i * sb]);
                }
            }
        } while (it.next());
    }

    default void unaryStrided(UnaryOp op, int[] shape, float[] x, int xOff, int[] xStrides,
                              float[] y, int yOff, int[] yStrides) {
        NdIter it = NdIter.of(shape, new int[] {xOff, yOff}, xStrides, yStrides);
        if (it.empty()) {
            return;
        }
        int n = it.innerSize();
        int sx = it.innerStride(0);
        int sy = it.innerStride(1);
        do {
            int xo = it.offset(0);
            int yo = it.offset(1);
            if (sx == 1 && sy == 1) {
                unary(op, n, x, xo, y, yo);
            } else {
                for (int i = 0; i < n; i++) {
                    y[yo + i * sy] = ScalarMath.apply(op, x[xo + i * sx]);
                }
            }
        } while (it.next());
    }

    default void unaryStrided(UnaryOp op, int[] shape, double[] x, int xOff, int[] xStrides,
                              double[] y, int yOff, int[] yStrides) {
        NdIter it = NdIter.of(shape, new int[] {xOff, yOff}, xStrides, yStrides);
        if (it.empty()) {
            return;
        }
        int n = it.innerSize();
        int sx = it.innerStride(0);
        int sy = it.innerStride(1);
        do {
            int xo = it.offset(0);
            int yo = it.offset(1);
            if (sx == 1 && sy == 1) {
                unary(op, n, x, xo, y, yo);
            } else {
                for (int i = 0; i < n; i++) {
                    y[yo + i * sy] = ScalarMath.apply(op, x[xo + i * sx]);
                }
            }
        } while (it.next());
    }
}
