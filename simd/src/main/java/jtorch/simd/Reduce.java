package jtorch.simd;

/**
 * Reductions over contiguous or strided runs, and the row-wise softmax family over row-major matrices with a
 * leading dimension.
 *
 * <p>Accuracy: the float vector {@code sum} and {@code dot} accumulate in float with 4 vector accumulators
 * (pairwise-like blocking); the tested bound is {@code |result - exact| <= n·2⁻²⁴·Σ|terms|} (the classic
 * recursive-summation bound; observed error is far smaller). The scalar twin accumulates in double.
 * {@code max}/{@code min} propagate NaN (PyTorch). {@code max}, {@code min} and {@code argmax} need n ≥ 1.
 *
 * <p>Row kernels shift by the row max for stability; a row whose max is ±inf shifts by 0 in
 * {@code logSumExpRows} (so an all -inf row gives -inf and a row containing +inf gives +inf, as
 * {@code torch.logsumexp}); {@code softmaxRows}/{@code logSoftmaxRows} of an all -inf row give NaN, as PyTorch.
 * Float rows use the polynomial exp of {@code VectorMath} (≤ 2 ulp). y may be x (in place).
 */
public final class Reduce {
    private static final ReduceKernels IMPL = Simd.choose(ReduceKernels.class, "VectorReduce", ScalarReduce::new);

    private Reduce() {}

    /** Σ x[off+i], i in [0, n); 0 for n = 0. */
    public static float sum(int n, float[] x, int off) {
        Checks.run("sum", n, "x", x, "off", off);
        return IMPL.sum(n, x, off);
    }

    /** Σ x[off+i]. */
    public static double sum(int n, double[] x, int off) {
        Checks.run("sum", n, "x", x, "off", off);
        return IMPL.sum(n, x, off);
    }

    /** Σ x[off + i·stride]. */
    public static float sumStrided(int n, float[] x, int off, int stride) {
        Checks.strided("sumStrided", n, "x", x, "off", off, stride);
        return IMPL.sumStrided(n, x, off, stride);
    }

    /** Σ x[off + i·stride]. */
    public static double sumStrided(int n, double[] x, int off, int stride) {
        Checks.strided("sumStrided", n, "x", x, "off", off, stride);
        return IMPL.sumStrided(n, x, off, stride);
    }

    /** The maximum; NaN if any element is NaN. */
    public static float max(int n, float[] x, int off) {
        Checks.run("max", n, "x", x, "off", off);
        checkNonEmpty(n);
        return IMPL.max(n, x, off);
    }

    /** The maximum; NaN if any element is NaN. */
    public static double max(int n, double[] x, int off) {
        Checks.run("max", n, "x", x, "off", off);
        checkNonEmpty(n);
        return IMPL.max(n, x, off);
    }

    /** Index (relative to off) of the first maximum; the first NaN counts as the maximum (PyTorch). */
    public static int argmax(int n, float[] x, int off) {
        Checks.run("argmax", n, "x", x, "off", off);
        checkNonEmpty(n);
        return IMPL.argmax(n, x, off);
    }

    /** Index of the first maximum; the first NaN counts as the maximum. */
    public static int argmax(int n, double[] x, int off) {
        Checks.run("argmax", n, "x", x, "off", off);
        checkNonEmpty(n);
        return IMPL.argmax(n, x, off);
    }

    /** The minimum; NaN if any element is NaN. */
    public static float min(int n, float[] x, int off) {
        Checks.run("min", n, "x", x, "off", off);
        checkNonEmpty(n);
        return IMPL.min(n, x, off);
    }

    /** The minimum; NaN if any element is NaN. */
    public static double min(int n, double[] x, int off) {
        Checks.run("min", n, "x", x, "off", off);
        checkNonEmpty(n);
        return IMPL.min(n, x, off);
    }

    /** Σ a[aOff+i]·b[bOff+i]. */
    public static float dot(int n, float[] a, int aOff, float[] b, int bOff) {
        Checks.run("dot", n, "a", a, "aOff", aOff);
        Checks.span("dot", "b", b, "bOff", bOff, n);
        return IMPL.dot(n, a, aOff, b, bOff);
    }

    /** Σ a[aOff+i]·b[bOff+i]. */
    public static double dot(int n, double[] a, int aOff, double[] b, int bOff) {
        Checks.run("dot", n, "a", a, "aOff", aOff);
        Checks.span("dot", "b", b, "bOff", bOff, n);
        return IMPL.dot(n, a, aOff, b, bOff);
    }

    /** out[outOff+r] = log Σ_j exp(x[xOff + r·ldx + j]), for each of {@code rows} rows of {@code cols}. */
    public static void logSumExpRows(int rows, int cols, float[] x, int xOff, int ldx, float[] out, int outOff) {
        Checks.matrix("logSumExpRows", rows, cols, "x", x, "xOff", xOff, "ldx", ldx);
        Checks.span("logSumExpRows", "out", out, "outOff", outOff, rows);
        IMPL.logSumExpRows(rows, cols, x, xOff, ldx, out, outOff);
    }

    /** Row-wise log-sum-exp. */
    public static void logSumExpRows(int rows, int cols, double[] x, int xOff, int ldx, double[] out,
                                     int outOff) {
        Checks.matrix("logSumExpRows", rows, cols, "x", x, "xOff", xOff, "ldx", ldx);
        Checks.span("logSumExpRows", "out", out, "outOff", outOff, rows);
        IMPL.logSumExpRows(rows, cols, x, xOff, ldx, out, outOff);
    }

    /** Row-wise softmax: y = exp(x - max) / Σ exp(x - max). */
    public static void softmaxRows(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff,
                                   int ldy) {
        Checks.matrix("softmaxRows", rows, cols, "x", x, "xOff", xOff, "ldx", ldx);
        Checks.matrix("softmaxRows", rows, cols, "y", y, "yOff", yOff, "ldy", ldy);
        IMPL.softmaxRows(rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    /** Row-wise softmax. */
    public static void softmaxRows(int rows, int cols, double[] x, int xOff, int ldx, double[] y, int yOff,
                                   int ldy) {
        Checks.matrix("softmaxRows", rows, cols, "x", x, "xOff", xOff, "ldx", ldx);
        Checks.matrix("softmaxRows", rows, cols, "y", y, "yOff", yOff, "ldy", ldy);
        IMPL.softmaxRows(rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    /** Row-wise log-softmax: y = x - max - log Σ exp(x - max). */
    public static void logSoftmaxRows(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff,
                                      int ldy) {
        Checks.matrix("logSoftmaxRows", rows, cols, "x", x, "xOff", xOff, "ldx", ldx);
        Checks.matrix("logSoftmaxRows", rows, cols, "y", y, "yOff", yOff, "ldy", ldy);
        IMPL.logSoftmaxRows(rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    /** Row-wise log-softmax. */
    public static void logSoftmaxRows(int rows, int cols, double[] x, int xOff, int ldx, double[] y, int yOff,
                                      int ldy) {
        Checks.matrix("logSoftmaxRows", rows, cols, "x", x, "xOff", xOff, "ldx", ldx);
        Checks.matrix("logSoftmaxRows", rows, cols, "y", y, "yOff", yOff, "ldy", ldy);
        IMPL.logSoftmaxRows(rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    private static void checkNonEmpty(int n) {
        if (n < 1) {
            // TORCH: the wording of torch.max on an empty tensor.
            throw new IllegalArgumentException(
                    "max(): Expected reduction dim to be specified for input.numel() == 0.");
        }
    }
}
