package jtorch.tensor;

import jtorch.simd.BinaryOp;
import jtorch.simd.CompareOp;
import jtorch.simd.Elementwise;
import jtorch.simd.UnaryOp;

/** Elementwise unary, binary, comparison and where on CPU storages. */
final class CpuElementwise {
    private CpuElementwise() {}

    static void unary(UnaryOp op, NdArray x, NdArray out) {
        Object xa = CpuStorage.arrayOf(x);
        Object ya = CpuStorage.arrayOf(out);
        DType t = x.dtype();
        Strided.forEach(out.shape(), x.strides(), x.offset(), out.strides(), out.offset(), (o0, o1, n, s0, s1) -> {
            switch (t) {
                case FLOAT32 -> {
                    if (s0 == 1 && s1 == 1) {
                        Elementwise.unary(op, n, (float[]) xa, o0, (float[]) ya, o1);
                    } else {
                        Elementwise.unaryStrided(op, new int[] {n}, (float[]) xa, o0, new int[] {s0}, (float[]) ya, o1,
                                new int[] {s1});
                    }
                }
                case FLOAT64 -> {
                    if (s0 == 1 && s1 == 1) {
                        Elementwise.unary(op, n, (double[]) xa, o0, (double[]) ya, o1);
                    } else {
                        Elementwise.unaryStrided(op, new int[] {n}, (double[]) xa, o0, new int[] {s0}, (double[]) ya,
                                o1, new int[] {s1});
                    }
                }
                case INT64 -> {
                    long[] in = (long[]) xa;
                    long[] y = (long[]) ya;
                    for (int i = 0; i < n; i++) {
                        y[o1 + i * s1] = ScalarMath.unary(op, in[o0 + i * s0]);
                    }
                }
                case BOOL -> throw new IllegalArgumentException(
                        "\"" + op.name().toLowerCase() + "\" not implemented for 'Bool'");
            }
        });
    }

    static void binary(BinaryOp op, NdArray a, NdArray b, NdArray out) {
        Object aa = CpuStorage.arrayOf(a);
        Object ba = CpuStorage.arrayOf(b);
        Object ya = CpuStorage.arrayOf(out);
        DType t = out.dtype();
        Strided.forEach(out.shape(), a.strides(), a.offset(), b.strides(), b.offset(), out.strides(), out.offset(),
                (o0, o1, o2, n, s0, s1, s2) -> {
                    switch (t) {
                        case FLOAT32 -> floatRun(op, (float[]) aa, o0, s0, (float[]) ba, o1, s1, (float[]) ya, o2, s2, n);
                        case FLOAT64 -> doubleRun(op, (double[]) aa, o0, s0, (double[]) ba, o1, s1, (double[]) ya, o2, s2,
                                n);
                        case INT64 -> {
                            long[] x = (long[]) aa;
                            long[] z = (long[]) ba;
                            long[] y = (long[]) ya;
                            for (int i = 0; i < n; i++) {
                                y[o2 + i * s2] = ScalarMath.binary(op, x[o0 + i * s0], z[o1 + i * s1]);
                            }
                        }
                        case BOOL -> {
                            boolean[] x = (boolean[]) aa;
                            boolean[] z = (boolean[]) ba;
                            boolean[] y = (boolean[]) ya;
                            for (int i = 0; i < n; i++) {
                                y[o2 + i * s2] = boolBinary(op, x[o0 + i * s0], z[o1 + i * s1]);
                            }
                        }
                    }
                });
    }

    /**
     * One run of a float binary op on the SIMD kernels: contiguous, one operand broadcast (stride 0) as a
     * scalar, or the strided form.
     */
    private static void floatRun(BinaryOp op, float[] a, int o0, int s0, float[] b, int o1, int s1, float[] y, int o2,
                                 int s2, int n) {
        if (s2 == 1 && s0 == 1 && s1 == 1) {
            Elementwise.binary(op, n, a, o0, b, o1, y, o2);
        } else if (s2 == 1 && s0 == 1 && s1 == 0) {
            Elementwise.binaryScalar(op, n, a, o0, b[o1], y, o2);
        } else if (s2 == 1 && s0 == 0 && s1 == 1 && swapped(op) != null) {
            Elementwise.binaryScalar(swapped(op), n, b, o1, a[o0], y, o2);
        } else {
            Elementwise.binaryStrided(op, new int[] {n}, a, o0, new int[] {s0}, b, o1, new int[] {s1}, y, o2,
                    new int[] {s2});
        }
    }

    private static void doubleRun(BinaryOp op, double[] a, int o0, int s0, double[] b, int o1, int s1, double[] y,
                                  int o2, int s2, int n) {
        if (s2 == 1 && s0 == 1 && s1 == 1) {
            Elementwise.binary(op, n, a, o0, b, o1, y, o2);
        } else if (s2 == 1 && s0 == 1 && s1 == 0) {
            Elementwise.binaryScalar(op, n, a, o0, b[o1], y, o2);
        } else if (s2 == 1 && s0 == 0 && s1 == 1 && swapped(op) != null) {
            Elementwise.binaryScalar(swapped(op), n, b, o1, a[o0], y, o2);
        } else {
            Elementwise.binaryStrided(op, new int[] {n}, a, o0, new int[] {s0}, b, o1, new int[] {s1}, y, o2,
                    new int[] {s2});
        }
    }

    /** The op with operands exchanged ({@code a op b == b swapped(op) a}), or null when there is none. */
    private static BinaryOp swapped(BinaryOp op) {
        return switch (op) {
            case ADD, MUL, MAX, MIN -> op;
            case SUB -> BinaryOp.RSUB;
            case RSUB -> BinaryOp.SUB;
            case DIV -> BinaryOp.RDIV;
            case RDIV -> BinaryOp.DIV;
            case POW -> null;
        };
    }

    /** Bool arithmetic as PyTorch: add is logical or, mul is logical and; others are errors. */
    private static boolean boolBinary(BinaryOp op, boolean x, boolean z) {
        return switch (op) {
            case ADD, MAX -> x | z;
            case MUL, MIN -> x & z;
            default -> throw new IllegalArgumentException("\"" + op.name().toLowerCase() + "\" not implemented for 'Bool'");
        };
    }

    static void compare(CompareOp op, NdArray a, NdArray b, NdArray out) {
        Object aa = CpuStorage.arrayOf(a);
        Object ba = CpuStorage.arrayOf(b);
        boolean[] y = (boolean[]) CpuStorage.arrayOf(out);
        DType t = a.dtype();
        Strided.forEach(out.shape(), a.strides(), a.offset(), b.strides(), b.offset(), out.strides(), out.offset(),
                (o0, o1, o2, n, s0, s1, s2) -> {
                    switch (t) {
                        case FLOAT32, FLOAT64, BOOL -> {
                            for (int i = 0; i < n; i++) {
                                y[o2 + i * s2] = ScalarMath.compare(op, CpuCopy.readDouble(t, aa, o0 + i * s0),
                                        CpuCopy.readDouble(t, ba, o1 + i * s1));
                            }
                        }
                        case INT64 -> {
                            long[] x = (long[]) aa;
                            long[] z = (long[]) ba;
                            for (int i = 0; i < n; i++) {
                                y[o2 + i * s2] = ScalarMath.compare(op, x[o0 + i * s0], z[o1 + i * s1]);
                            }
                        }
                    }
                });
    }

    static void where(NdArray cond, NdArray a, NdArray b, NdArray out) {
        boolean[] c = (boolean[]) CpuStorage.arrayOf(cond);
        // Two passes keep each pass a 3-operand walk: out = a where cond, then out = b where !cond.
        Object aa = CpuStorage.arrayOf(a);
        Object ba = CpuStorage.arrayOf(b);
        Object ya = CpuStorage.arrayOf(out);
        int[] outStrides = out.strides();
        Strided.forEach(out.shape(), cond.strides(), cond.offset(), a.strides(), a.offset(), outStrides, out.offset(),
                (o0, o1, o2, n, s0, s1, s2) -> {
                    for (int i = 0; i < n; i++) {
                        if (c[o0 + i * s0]) {
                            System.arraycopy(aa, o1 + i * s1, ya, o2 + i * s2, 1);
                        }
                    }
                });
        Strided.forEach(out.shape(), cond.strides(), cond.offset(), b.strides(), b.offset(), outStrides, out.offset(),
                (o0, o1, o2, n, s0, s1, s2) -> {
                    for (int i = 0; i < n; i++) {
                        if (!c[o0 + i * s0]) {
                            System.arraycopy(ba, o1 + i * s1, ya, o2 + i * s2, 1);
                        }
                    }
                });
    }
}
