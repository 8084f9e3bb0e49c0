package jtorch.simd;

/**
 * Element-wise kernels on {@code float[]} and {@code double[]} runs: unary and binary ops, broadcasting
 * strided forms, fused multiply-adds, comparisons, {@code where} and the ReLU backward.
 *
 * <p>Contiguous forms work on {@code n} elements starting at each operand's offset. The output may alias an
 * input exactly (same array and offset: in place), never partially. Kernels are single-threaded and
 * stateless; the caller parallelizes over disjoint ranges and validates shapes. Semantics of each op are in
 * {@link UnaryOp}, {@link BinaryOp} and {@link CompareOp}; float EXP, LOG, TANH and SIGMOID use polynomial
 * approximations in the vector kernels, within the ulp bounds stated in {@code VectorMath} (≤ 2 ulp for exp,
 * log and tanh, ≤ 4 ulp for sigmoid, edge cases exact); every other float op is correctly rounded or exact.
 *
 * <p>Strided forms walk an n-d index space {@code shape} (any rank, including 0); element {@code i} of
 * operand X is at {@code xOff + Σ i[d]·xStrides[d]}; a stride of 0 broadcasts. Dimensions contiguous for all
 * operands are merged, and inner rows whose strides are 1 (or 0 for one binary operand) run the contiguous
 * vector kernels; other rows run the scalar definition.
 *
 * <p>Implementation chosen once per JVM ({@link Simd}); {@code -Djtorch.simd=false} selects the scalar twin.
 */
public final class Elementwise {
    private static final ElementwiseKernels IMPL =
            Simd.choose(ElementwiseKernels.class, "VectorElementwise", ScalarElementwise::new);

    private Elementwise() {}

    /** {@code y[i] = op(x[i])}; y may be x (in place). */
    public static void unary(UnaryOp op, int n, float[] x, int xOff, float[] y, int yOff) {
        Checks.run("unary", n, "x", x, "xOff", xOff);
        Checks.span("unary", "y", y, "yOff", yOff, n);
        IMPL.unary(op, n, x, xOff, y, yOff);
    }

    /** {@code y[i] = op(x[i])}; double transcendentals are {@code Math}'s. */
    public static void unary(UnaryOp op, int n, double[] x, int xOff, double[] y, int yOff) {
        Checks.run("unary", n, "x", x, "xOff", xOff);
        Checks.span("unary", "y", y, "yOff", yOff, n);
        IMPL.unary(op, n, x, xOff, y, yOff);
    }

    /** {@code y[i] = a[i] op b[i]}; y may be a or b. */
    public static void binary(BinaryOp op, int n, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff) {
        Checks.run("binary", n, "a", a, "aOff", aOff);
        Checks.span("binary", "b", b, "bOff", bOff, n);
        Checks.span("binary", "y", y, "yOff", yOff, n);
        IMPL.binary(op, n, a, aOff, b, bOff, y, yOff);
    }

    /** {@code y[i] = a[i] op b[i]}. */
    public static void binary(BinaryOp op, int n, double[] a, int aOff, double[] b, int bOff, double[] y,
                              int yOff) {
        Checks.run("binary", n, "a", a, "aOff", aOff);
        Checks.span("binary", "b", b, "bOff", bOff, n);
        Checks.span("binary", "y", y, "yOff", yOff, n);
        IMPL.binary(op, n, a, aOff, b, bOff, y, yOff);
    }

    /** {@code y[i] = a[i] op s}; use {@link BinaryOp#RSUB}/{@link BinaryOp#RDIV} for {@code s - a}, {@code s / a}. */
    public static void binaryScalar(BinaryOp op, int n, float[] a, int aOff, float s, float[] y, int yOff) {
        Checks.run("binaryScalar", n, "a", a, "aOff", aOff);
        Checks.span("binaryScalar", "y", y, "yOff", yOff, n);
        IMPL.binaryScalar(op, n, a, aOff, s, y, yOff);
    }

    /** {@code y[i] = a[i] op s}. */
    public static void binaryScalar(BinaryOp op, int n, double[] a, int aOff, double s, double[] y, int yOff) {
        Checks.run("binaryScalar", n, "a", a, "aOff", aOff);
        Checks.span("binaryScalar", "y", y, "yOff", yOff, n);
        IMPL.binaryScalar(op, n, a, aOff, s, y, yOff);
    }

    /** Broadcasting {@code y = a op b} over {@code shape}; see the class comment for strides. */
    public static void binaryStrided(BinaryOp op, int[] shape, float[] a, int aOff, int[] aStrides, float[] b,
                                     int bOff, int[] bStrides, float[] y, int yOff, int[] yStrides) {
        Checks.nd("binaryStrided", shape, "a", a, "aOff", aOff, "aStrides", aStrides);
        Checks.nd("binaryStrided", shape, "b", b, "bOff", bOff, "bStrides", bStrides);
        Checks.nd("binaryStrided", shape, "y", y, "yOff", yOff, "yStrides", yStrides);
        IMPL.binaryStrided(op, shape, a, aOff, aStrides, b, bOff, bStrides, y, yOff, yStrides);
    }

    /** Broadcasting {@code y = a op b} over {@code shape}. */
    public static void binaryStrided(BinaryOp op, int[] shape, double[] a, int aOff, int[] aStrides, double[] b,
                                     int bOff, int[] bStrides, double[] y, int yOff, int[] yStrides) {
        Checks.nd("binaryStrided", shape, "a", a, "aOff", aOff, "aStrides", aStrides);
        Checks.nd("binaryStrided", shape, "b", b, "bOff", bOff, "bStrides", bStrides);
        Checks.nd("binaryStrided", shape, "y", y, "yOff", yOff, "yStrides", yStrides);
        IMPL.binaryStrided(op, shape, a, aOff, aStrides, b, bOff, bStrides, y, yOff, yStrides);
    }

    /** {@code y = op(x)} over {@code shape} with arbitrary strides. */
    public static void unaryStrided(UnaryOp op, int[] shape, float[] x, int xOff, int[] xStrides, float[] y,
                                    int yOff, int[] yStrides) {
        Checks.nd("unaryStrided", shape, "x", x, "xOff", xOff, "xStrides", xStrides);
        Checks.nd("unaryStrided", shape, "y", y, "yOff", yOff, "yStrides", yStrides);
        IMPL.unaryStrided(op, shape, x, xOff, xStrides, y, yOff, yStrides);
    }

    /** {@code y = op(x)} over {@code shape} with arbitrary strides. */
    public static void unaryStrided(UnaryOp op, int[] shape, double[] x, int xOff, int[] xStrides, double[] y,
                                    int yOff, int[] yStrides) {
        Checks.nd("unaryStrided", shape, "x", x, "xOff", xOff, "xStrides", xStrides);
        Checks.nd("unaryStrided", shape, "y", y, "yOff", yOff, "yStrides", yStrides);
        IMPL.unaryStrided(op, shape, x, xOff, xStrides, y, yOff, yStrides);
    }

    /** {@code y = x} over {@code shape} (makes views contiguous); x and y must not overlap. */
    public static void copyStrided(int[] shape, float[] x, int xOff, int[] xStrides, float[] y, int yOff,
                                   int[] yStrides) {
        Checks.nd("copyStrided", shape, "x", x, "xOff", xOff, "xStrides", xStrides);
        Checks.nd("copyStrided", shape, "y", y, "yOff", yOff, "yStrides", yStrides);
        StridedCopy.copy(shape, x, xOff, xStrides, y, yOff, yStrides);
    }

    /** {@code y = x} over {@code shape}. */
    public static void copyStrided(int[] shape, double[] x, int xOff, int[] xStrides, double[] y, int yOff,
                                   int[] yStrides) {
        Checks.nd("copyStrided", shape, "x", x, "xOff", xOff, "xStrides", xStrides);
        Checks.nd("copyStrided", shape, "y", y, "yOff", yOff, "yStrides", yStrides);
        StridedCopy.copy(shape, x, xOff, xStrides, y, yOff, yStrides);
    }

    /** {@code y = x} over {@code shape}. */
    public static void copyStrided(int[] shape, long[] x, int xOff, int[] xStrides, long[] y, int yOff,
                                   int[] yStrides) {
        Checks.nd("copyStrided", shape, "x", x, "xOff", xOff, "xStrides", xStrides);
        Checks.nd("copyStrided", shape, "y", y, "yOff", yOff, "yStrides", yStrides);
        StridedCopy.copy(shape, x, xOff, xStrides, y, yOff, yStrides);
    }

    /** {@code y = x} over {@code shape}. */
    public static void copyStrided(int[] shape, boolean[] x, int xOff, int[] xStrides, boolean[] y, int yOff,
                                   int[] yStrides) {
        Checks.nd("copyStrided", shape, "x", x, "xOff", xOff, "xStrides", xStrides);
        Checks.nd("copyStrided", shape, "y", y, "yOff", yOff, "yStrides", yStrides);
        StridedCopy.copy(shape, x, xOff, xStrides, y, yOff, yStrides);
    }

    /** {@code y[i] = v}. */
    public static void fill(int n, float v, float[] y, int yOff) {
        Checks.run("fill", n, "y", y, "yOff", yOff);
        IMPL.fill(n, v, y, yOff);
    }

    /** {@code y[i] = v}. */
    public static void fill(int n, double v, double[] y, int yOff) {
        Checks.run("fill", n, "y", y, "yOff", yOff);
        IMPL.fill(n, v, y, yOff);
    }

    /** {@code y[i] += alpha·x[i]}, one rounding (fused). */
    public static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        Checks.run("axpy", n, "x", x, "xOff", xOff);
        Checks.span("axpy", "y", y, "yOff", yOff, n);
        IMPL.axpy(n, alpha, x, xOff, y, yOff);
    }

    /** {@code y[i] += alpha·x[i]}, fused. */
    public static void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        Checks.run("axpy", n, "x", x, "xOff", xOff);
        Checks.span("axpy", "y", y, "yOff", yOff, n);
        IMPL.axpy(n, alpha, x, xOff, y, yOff);
    }

    /** {@code y[i] = alpha·x[i] + beta·y[i]}, computed as {@code fma(alpha, x, beta·y)}. */
    public static void axpby(int n, float alpha, float[] x, int xOff, float beta, float[] y, int yOff) {
        Checks.run("axpby", n, "x", x, "xOff", xOff);
        Checks.span("axpby", "y", y, "yOff", yOff, n);
        IMPL.axpby(n, alpha, x, xOff, beta, y, yOff);
    }

    /** {@code y[i] = alpha·x[i] + beta·y[i]}. */
    public static void axpby(int n, double alpha, double[] x, int xOff, double beta, double[] y, int yOff) {
        Checks.run("axpby", n, "x", x, "xOff", xOff);
        Checks.span("axpby", "y", y, "yOff", yOff, n);
        IMPL.axpby(n, alpha, x, xOff, beta, y, yOff);
    }

    /** {@code y[i] = a[i]·b[i] + c[i]}, one rounding; y may be any input. */
    public static void fma(int n, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, float[] y,
                           int yOff) {
        Checks.run("fma", n, "a", a, "aOff", aOff);
        Checks.span("fma", "b", b, "bOff", bOff, n);
        Checks.span("fma", "c", c, "cOff", cOff, n);
        Checks.span("fma", "y", y, "yOff", yOff, n);
        IMPL.fma(n, a, aOff, b, bOff, c, cOff, y, yOff);
    }

    /** {@code y[i] = a[i]·b[i] + c[i]}, one rounding. */
    public static void fma(int n, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, double[] y,
                           int yOff) {
        Checks.run("fma", n, "a", a, "aOff", aOff);
        Checks.span("fma", "b", b, "bOff", bOff, n);
        Checks.span("fma", "c", c, "cOff", cOff, n);
        Checks.span("fma", "y", y, "yOff", yOff, n);
        IMPL.fma(n, a, aOff, b, bOff, c, cOff, y, yOff);
    }

    /** {@code y[i] = x[i]·scale + shift}, one rounding. */
    public static void scaleShift(int n, float[] x, int xOff, float scale, float shift, float[] y, int yOff) {
        Checks.run("scaleShift", n, "x", x, "xOff", xOff);
        Checks.span("scaleShift", "y", y, "yOff", yOff, n);
        IMPL.scaleShift(n, x, xOff, scale, shift, y, yOff);
    }

    /** {@code y[i] = x[i]·scale + shift}, one rounding. */
    public static void scaleShift(int n, double[] x, int xOff, double scale, double shift, double[] y, int yOff) {
        Checks.run("scaleShift", n, "x", x, "xOff", xOff);
        Checks.span("scaleShift", "y", y, "yOff", yOff, n);
        IMPL.scaleShift(n, x, xOff, scale, shift, y, yOff);
    }

    /** {@code y[i] = a[i] op b[i]} (IEEE: NaN compares false except NE). */
    public static void compare(CompareOp op, int n, float[] a, int aOff, float[] b, int bOff, boolean[] y,
                               int yOff) {
        Checks.run("compare", n, "a", a, "aOff", aOff);
        Checks.span("compare", "b", b, "bOff", bOff, n);
        Checks.span("compare", "y", y, "yOff", yOff, n);
        IMPL.compare(op, n, a, aOff, b, bOff, y, yOff);
    }

    /** {@code y[i] = a[i] op b[i]}. */
    public static void compare(CompareOp op, int n, double[] a, int aOff, double[] b, int bOff, boolean[] y,
                               int yOff) {
        Checks.run("compare", n, "a", a, "aOff", aOff);
        Checks.span("compare", "b", b, "bOff", bOff, n);
        Checks.span("compare", "y", y, "yOff", yOff, n);
        IMPL.compare(op, n, a, aOff, b, bOff, y, yOff);
    }

    /** {@code y[i] = a[i] op s}. */
    public static void compareScalar(CompareOp op, int n, float[] a, int aOff, float s, boolean[] y, int yOff) {
        Checks.run("compareScalar", n, "a", a, "aOff", aOff);
        Checks.span("compareScalar", "y", y, "yOff", yOff, n);
        IMPL.compareScalar(op, n, a, aOff, s, y, yOff);
    }

    /** {@code y[i] = a[i] op s}. */
    public static void compareScalar(CompareOp op, int n, double[] a, int aOff, double s, boolean[] y,
                                     int yOff) {
        Checks.run("compareScalar", n, "a", a, "aOff", aOff);
        Checks.span("compareScalar", "y", y, "yOff", yOff, n);
        IMPL.compareScalar(op, n, a, aOff, s, y, yOff);
    }

    /** {@code y[i] = cond[i] ? a[i] : b[i]}. */
    public static void where(int n, boolean[] cond, int cOff, float[] a, int aOff, float[] b, int bOff, float[] y,
                             int yOff) {
        Checks.run("where", n, "cond", cond, "cOff", cOff);
        Checks.span("where", "a", a, "aOff", aOff, n);
        Checks.span("where", "b", b, "bOff", bOff, n);
        Checks.span("where", "y", y, "yOff", yOff, n);
        IMPL.where(n, cond, cOff, a, aOff, b, bOff, y, yOff);
    }

    /** {@code y[i] = cond[i] ? a[i] : b[i]}. */
    public static void where(int n, boolean[] cond, int cOff, double[] a, int aOff, double[] b, int bOff,
                             double[] y, int yOff) {
        Checks.run("where", n, "cond", cond, "cOff", cOff);
        Checks.span("where", "a", a, "aOff", aOff, n);
        Checks.span("where", "b", b, "bOff", bOff, n);
        Checks.span("where", "y", y, "yOff", yOff, n);
        IMPL.where(n, cond, cOff, a, aOff, b, bOff, y, yOff);
    }

    /**
     * ReLU backward from the forward output: {@code gx[i] = y[i] <= 0 ? 0 : gy[i]}, i.e. {@code y > 0 ? gy : 0}
     * for every non-NaN y. TORCH: this is {@code threshold_backward(gy, y, 0)}, so a NaN output passes its
     * gradient through, as in PyTorch. gx may alias gy.
     */
    public static void reluBackward(int n, float[] gy, int gyOff, float[] y, int yOff, float[] gx, int gxOff) {
        Checks.run("reluBackward", n, "gy", gy, "gyOff", gyOff);
        Checks.span("reluBackward", "y", y, "yOff", yOff, n);
        Checks.span("reluBackward", "gx", gx, "gxOff", gxOff, n);
        IMPL.reluBackward(n, gy, gyOff, y, yOff, gx, gxOff);
    }

    /** ReLU backward, as the float version. */
    public static void reluBackward(int n, double[] gy, int gyOff, double[] y, int yOff, double[] gx, int gxOff) {
        Checks.run("reluBackward", n, "gy", gy, "gyOff", gyOff);
        Checks.span("reluBackward", "y", y, "yOff", yOff, n);
        Checks.span("reluBackward", "gx", gx, "gxOff", gxOff, n);
        IMPL.reluBackward(n, gy, gyOff, y, yOff, gx, gxOff);
    }
}
