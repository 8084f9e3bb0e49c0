package jtorch.tensor;

import jtorch.simd.Parallel;
import jtorch.simd.Reduce;

/** Reductions, arg-reductions and softmax on CPU storages. */
final class CpuReduce {
    private CpuReduce() {}

    private static int grain(int redCount) {
        return Math.max(1, Strided.PARALLEL_GRAIN / Math.max(1, redCount));
    }

    /** Softmax over the contiguous last dim: the SIMD row kernels, rows spread over the pool. */
    private static void softmaxRows(NdArray x, int n, boolean log, NdArray out) {
        int rows = x.numel() / n;
        Object xa = CpuStorage.arrayOf(x);
        Object ya = CpuStorage.arrayOf(out);
        Parallel.forRange(0, rows, grain(n), (from, to) -> {
            int xo = x.offset() + from * n;
            int yo = out.offset() + from * n;
            if (xa instanceof float[] xf) {
                if (log) {
                    Reduce.logSoftmaxRows(to - from, n, xf, xo, n, (float[]) ya, yo, n);
                } else {
                    Reduce.softmaxRows(to - from, n, xf, xo, n, (float[]) ya, yo, n);
                }
            } else if (log) {
                Reduce.logSoftmaxRows(to - from, n, (double[]) xa, xo, n, (double[]) ya, yo, n);
            } else {
                Reduce.softmaxRows(to - from, n, (double[]) xa, xo, n, (double[]) ya, yo, n);
            }
        });
    }

    static void reduce(ReduceOp op, NdArray x, NdArray out) {
        ReduceLayout l = new ReduceLayout(x, out.shape(), out.strides());
        Object xa = CpuStorage.arrayOf(x);
        Object ya = CpuStorage.arrayOf(out);
        DType xt = x.dtype();
        DType yt = out.dtype();
        if (op == ReduceOp.SUM && xt == DType.FLOAT32 && (yt == DType.FLOAT32 || yt == DType.FLOAT64)
                && l.reducedIsUnitRun()) {
            // Each output folds one contiguous run: the vector sum, with no offset table.
            Parallel.forRange(0, l.outCount, grain(l.redCount), (from, to) -> {
                for (int i = from; i < to; i++) {
                    double s = Reduce.sum(l.redCount, (float[]) xa, l.xOffset(x.offset(), i));
                    int yo = l.outOffset(out.offset(), i);
                    if (yt == DType.FLOAT32) {
                        ((float[]) ya)[yo] = (float) s;
                    } else {
                        ((double[]) ya)[yo] = s;
                    }
                }
            });
            return;
        }
        int[] red = l.reducedOffsets();
        Parallel.forRange(0, l.outCount, grain(l.redCount), (from, to) -> {
            for (int i = from; i < to; i++) {
                int xo = l.xOffset(x.offset(), i);
                int yo = l.outOffset(out.offset(), i);
                switch (yt) {
                    case FLOAT32 -> ((float[]) ya)[yo] = (float) foldDouble(op, xt, xa, xo, red);
                    case FLOAT64 -> ((double[]) ya)[yo] = foldDouble(op, xt, xa, xo, red);
                    case INT64 -> ((long[]) ya)[yo] = foldLong(op, xt, xa, xo, red);
                    case BOOL -> ((boolean[]) ya)[yo] = foldBool(op, xt, xa, xo, red);
                }
            }
        });
    }

    /** Folds in double: exact enough for float32 sums (one rounding at the end), NaN-propagating max/min. */
    private static double foldDouble(ReduceOp op, DType t, Object a, int base, int[] red) {
        double acc = switch (op) {
            case SUM -> 0.0;
            case PROD -> 1.0;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            default -> throw new IllegalArgumentException(op + " is not defined for floating point");
        };
        if (red.length == 0 && (op == ReduceOp.MAX || op == ReduceOp.MIN)) {
            throw new IllegalArgumentException("max(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        if (t == DType.FLOAT32) {
            float[] f = (float[]) a;
            for (int r : red) {
                acc = step(op, acc, f[base + r]);
            }
        } else {
            for (int r : red) {
                acc = step(op, acc, CpuCopy.readDouble(t, a, base + r));
            }
        }
        return acc;
    }

    private static double step(ReduceOp op, double acc, double v) {
        return switch (op) {
            case SUM -> acc + v;
            case PROD -> acc * v;
            case MAX -> (v > acc || Double.isNaN(v)) && !Double.isNaN(acc) ? v : acc;
            case MIN -> (v < acc || Double.isNaN(v)) && !Double.isNaN(acc) ? v : acc;
            default -> throw new AssertionError(op);
        };
    }

    private static long foldLong(ReduceOp op, DType t, Object a, int base, int[] red) {
        if (red.length == 0 && (op == ReduceOp.MAX || op == ReduceOp.MIN)) {
            throw new IllegalArgumentException("max(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        long acc = switch (op) {
            case SUM -> 0L;
            case PROD -> 1L;
            case MAX -> Long.MIN_VALUE;
            case MIN -> Long.MAX_VALUE;
            default -> throw new IllegalArgumentException(op + " is not defined for int64");
        };
        for (int r : red) {
            long v = t == DType.INT64 ? ((long[]) a)[base + r] : (((boolean[]) a)[base + r] ? 1L : 0L);
            acc = switch (op) {
                case SUM -> acc + v;
                case PROD -> acc * v;
                case MAX -> Math.max(acc, v);
                case MIN -> Math.min(acc, v);
                default -> throw new AssertionError(op);
            };
        }
        return acc;
    }

    private static boolean foldBool(ReduceOp op, DType t, Object a, int base, int[] red) {
        boolean all = op == ReduceOp.ALL || op == ReduceOp.MIN || op == ReduceOp.PROD;
        for (int r : red) {
            boolean v = t == DType.BOOL ? ((boolean[]) a)[base + r] : CpuCopy.readDouble(t, a, base + r) != 0;
            if (all && !v) {
                return false;
            }
            if (!all && v) {
                return true;
            }
        }
        return all;
    }

    static void argReduce(boolean max, NdArray x, int dim, NdArray out) {
        int n = x.size(dim);
        if (n == 0) {
            throw new IllegalArgumentException((max ? "argmax" : "argmin")
                    + "(): Expected reduction dim " + dim + " to have non-zero size.");
        }
        ReduceLayout l = new ReduceLayout(x, out.shape(), out.strides());
        int stride = x.stride(dim);
        Object xa = CpuStorage.arrayOf(x);
        long[] ya = (long[]) CpuStorage.arrayOf(out);
        DType t = x.dtype();
        Parallel.forRange(0, l.outCount, grain(n), (from, to) -> {
            for (int i = from; i < to; i++) {
                int xo = l.xOffset(x.offset(), i);
                int best = 0;
                double bv = CpuCopy.readDouble(t, xa, xo);
                for (int j = 1; j < n && !Double.isNaN(bv); j++) {
                    double v = CpuCopy.readDouble(t, xa, xo + j * stride);
                    // TORCH: NaN counts as the extreme; ties keep the first index.
                    if (Double.isNaN(v) || (max ? v > bv : v < bv)) {
                        best = j;
                        bv = v;
                    }
                }
                ya[l.outOffset(out.offset(), i)] = best;
            }
        });
    }

    static void softmax(NdArray x, int dim, boolean log, NdArray out) {
        int n = x.size(dim);
        if (dim == x.dim() - 1 && x.isContiguous() && out.isContiguous()) {
            softmaxRows(x, n, log, out);
            return;
        }
        int[] keep = x.shape();
        keep[dim] = 1;
        int[] outStridesKept = out.strides();
        ReduceLayout l = new ReduceLayout(x, keep, outStridesKept);
        int xs = x.stride(dim);
        int ys = out.stride(dim);
        Object xa = CpuStorage.arrayOf(x);
        Object ya = CpuStorage.arrayOf(out);
        boolean f32 = x.dtype() == DType.FLOAT32;
        Parallel.forRange(0, l.outCount, grain(n), (from, to) -> {
            double[] row = new double[n];
            for (int i = from; i < to; i++) {
                int xo = l.xOffset(x.offset(), i);
                int yo = l.outOffset(out.offset(), i);
                double m = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    row[j] = f32 ? ((float[]) xa)[xo + j * xs] : ((double[]) xa)[xo + j * xs];
                    m = Math.max(m, row[j]);
                }
                if (m == Double.NEGATIVE_INFINITY) {
                    m = 0;   // an all -inf row gives NaN as in PyTorch (exp(-inf - -inf)) only for softmax; keep finite shift
                }
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += Math.exp(row[j] - m);
                }
                double lse = Math.log(s);
                for (int j = 0; j < n; j++) {
                    double v = log ? row[j] - m - lse : Math.exp(row[j] - m) / s;
                    if (f32) {
                        ((float[]) ya)[yo + j * ys] = (float) v;
                    } else {
                        ((double[]) ya)[yo + j * ys] = v;
                    }
                }
            }
        });
    }
}
