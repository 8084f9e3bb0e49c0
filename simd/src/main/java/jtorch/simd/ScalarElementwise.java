package jtorch.simd;

/**
 * Plain-Java element-wise kernels: the oracle for {@code VectorElementwise} and the fallback when the Vector
 * API is off. Each element is computed by {@link ScalarMath}, so this class is the definition of the ops.
 *
 * <p>NOTE: not final: {@code VectorElementwise} extends it and inherits the double-precision kernels and the
 * ops it does not vectorize, so both classes share one definition of each.
 */
class ScalarElementwise implements ElementwiseKernels {

    @Override
    public void unary(UnaryOp op, int n, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, x[xOff + i]);
        }
    }

    @Override
    public void unary(UnaryOp op, int n, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, x[xOff + i]);
        }
    }

    @Override
    public void binary(BinaryOp op, int n, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, a[aOff + i], b[bOff + i]);
        }
    }

    @Override
    public void binary(BinaryOp op, int n, double[] a, int aOff, double[] b, int bOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, a[aOff + i], b[bOff + i]);
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, int n, float[] a, int aOff, float s, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, a[aOff + i], s);
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, int n, double[] a, int aOff, double s, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, a[aOff + i], s);
        }
    }

    @Override
    public void fill(int n, float v, float[] y, int yOff) {
        java.util.Arrays.fill(y, yOff, yOff + n, v);
    }

    @Override
    public void fill(int n, double v, double[] y, int yOff) {
        java.util.Arrays.fill(y, yOff, yOff + n, v);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void axpby(int n, float alpha, float[] x, int xOff, float beta, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], beta * y[yOff + i]);
        }
    }

    @Override
    public void axpby(int n, double alpha, double[] x, int xOff, double beta, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], beta * y[yOff + i]);
        }
    }

    @Override
    public void fma(int n, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(a[aOff + i], b[bOff + i], c[cOff + i]);
        }
    }

    @Override
    public void fma(int n, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(a[aOff + i], b[bOff + i], c[cOff + i]);
        }
    }

    @Override
    public void scaleShift(int n, float[] x, int xOff, float scale, float shift, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(x[xOff + i], scale, shift);
        }
    }

    @Override
    public void scaleShift(int n, double[] x, int xOff, double scale, double shift, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(x[xOff + i], scale, shift);
        }
    }

    @Override
    public void compare(CompareOp op, int n, float[] a, int aOff, float[] b, int bOff, boolean[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, a[aOff + i], b[bOff + i]);
        }
    }

    @Override
    public void compare(CompareOp op, int n, double[] a, int aOff, double[] b, int bOff, boolean[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, a[aOff + i], b[bOff + i]);
        }
    }

    @Override
    public void compareScalar(CompareOp op, int n, float[] a, int aOff, float s, boolean[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, a[aOff + i], s);
        }
    }

    @Override
    public void compareScalar(CompareOp op, int n, double[] a, int aOff, double s, boolean[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, a[aOff + i], s);
        }
    }

    @Override
    public void where(int n, boolean[] cond, int cOff, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = cond[cOff + i] ? a[aOff + i] : b[bOff + i];
        }
    }

    @Override
    public void where(int n, boolean[] cond, int cOff, double[] a, int aOff, double[] b, int bOff,
                      double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = cond[cOff + i] ? a[aOff + i] : b[bOff + i];
        }
    }

    @Override
    public void reluBackward(int n, float[] gy, int gyOff, float[] y, int yOff, float[] gx, int gxOff) {
        for (int i = 0; i < n; i++) {
            // TORCH: threshold_backward is `y <= 0 ? 0 : gy`, so a NaN output passes its gradient through.
            gx[gxOff + i] = y[yOff + i] <= 0f ? 0f : gy[gyOff + i];
        }
    }

    @Override
    public void reluBackward(int n, double[] gy, int gyOff, double[] y, int yOff, double[] gx, int gxOff) {
        for (int i = 0; i < n; i++) {
            gx[gxOff + i] = y[yOff + i] <= 0.0 ? 0.0 : gy[gyOff + i];
        }
    }
}
