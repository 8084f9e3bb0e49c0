package jtorch.simd;

/**
 * Plain-Java reductions: the oracle for {@code VectorReduce} and the fallback when the Vector API is off.
 *
 * <p>NOTE: float sums, dots and softmax denominators accumulate in double here, so this twin is a more
 * accurate reference than the float kernels it checks. Not final: {@code VectorReduce} extends it and inherits
 * what it does not vectorize.
 */
class ScalarReduce implements ReduceKernels {

    @Override
    public float sum(int n, float[] x, int off) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[off + i];
        }
        return (float) s;
    }

    @Override
    public double sum(int n, double[] x, int off) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    @Override
    public float sumStrided(int n, float[] x, int off, int stride) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[off + i * stride];
        }
        return (float) s;
    }

    @Override
    public double sumStrided(int n, double[] x, int off, int stride) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[off + i * stride];
        }
        return s;
    }

    @Override
    public float max(int n, float[] x, int off) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, x[off + i]);
        }
        return m;
    }

    @Override
    public double max(int n, double[] x, int off) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, x[off + i]);
        }
        return m;
    }

    @Override
    public float min(int n, float[] x, int off) {
        float m = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.min(m, x[off + i]);
        }
        return m;
    }

    @Override
    public double min(int n, double[] x, int off) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.min(m, x[off + i]);
        }
        return m;
    }

    @Override
    public int argmax(int n, float[] x, int off) {
        int best = 0;
        float m = x[off];
        for (int i = 0; i < n; i++) {
            float v = x[off + i];
            if (v != v) {
                return i;   // TORCH: the first NaN is the maximum
            }
            if (v > m) {
                m = v;
                best = i;
            }
        }
        return best;
    }

    @Override
    public int argmax(int n, double[] x, int off) {
        int best = 0;
        double m = x[off];
        for (int i = 0; i < n; i++) {
            double v = x[off + i];
            if (v != v) {
                return i;
            }
            if (v > m) {
                m = v;
                best = i;
            }
        }
        return best;
    }

    @Override
    public float dot(int n, float[] a, int aOff, float[] b, int bOff) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) a[aOff + i] * b[bOff + i];
        }
        return (float) s;
    }

    @Override
    public double dot(int n, double[] a, int aOff, double[] b, int bOff) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s = Math.fma(a[aOff + i], b[bOff + i], s);
        }
        return s;
    }

    /** The max shift: the row max, or 0 when it is infinite (so +inf rows give +inf and -inf rows -inf, not NaN). */
    static double shift(double m) {
        return Double.isInfinite(m) ? 0.0 : m;
    }

    @Override
    public void logSumExpRows(int rows, int cols, float[] x, int xOff, int ldx, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * ldx;
            double m = shift(max(cols, x, xo));
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += Math.exp(x[xo + j] - m);
            }
            out[outOff + r] = (float) (Math.log(s) + m);
        }
    }

    @Override
    public void logSumExpRows(int rows, int cols, double[] x, int xOff, int ldx, double[] out, int outOff) {
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * ldx;
            double m = shift(max(cols, x, xo));
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += Math.exp(x[xo + j] - m);
            }
            out[outOff + r] = Math.log(s) + m;
        }
    }

    @Override
    public void softmaxRows(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * ldx;
            int yo = yOff + r * ldy;
            double m = max(cols, x, xo);
            double s = 0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(x[xo + j] - m);
                s += e;
                y[yo + j] = (float) e;
            }
            for (int j = 0; j < cols; j++) {
                y[yo + j] = (float) (y[yo + j] / s);
            }
        }
    }

    @Override
    public void softmaxRows(int rows, int cols, double[] x, int xOff, int ldx, double[] y, int yOff, int ldy) {
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * ldx;
            int yo = yOff + r * ldy;
            double m = max(cols, x, xo);
            double s = 0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(x[xo + j] - m);
                s += e;
                y[yo + j] = e;
            }
            for (int j = 0; j < cols; j++) {
                y[yo + j] = y[yo + j] / s;
            }
        }
    }

    @Override
    public void logSoftmaxRows(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * ldx;
            int yo = yOff + r * ldy;
            double m = max(cols, x, xo);
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += Math.exp(x[xo + j] - m);
            }
            double lse = Math.log(s);
            for (int j = 0; j < cols; j++) {
                y[yo + j] = (float) (x[xo + j] - m - lse);
            }
        }
    }

    @Override
    public void logSoftmaxRows(int rows, int cols, double[] x, int xOff, int ldx, double[] y, int yOff, int ldy) {
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * ldx;
            int yo = yOff + r * ldy;
            double m = max(cols, x, xo);
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += Math.exp(x[xo + j] - m);
            }
            double lse = Math.log(s);
            for (int j = 0; j < cols; j++) {
                y[yo + j] = x[xo + j] - m - lse;
            }
        }
    }
}
