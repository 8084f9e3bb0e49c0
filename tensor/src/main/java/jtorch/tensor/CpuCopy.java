package jtorch.tensor;

/** Strided copy with dtype conversion, and fill, on CPU storages. */
final class CpuCopy {
    private CpuCopy() {}

    static void copy(NdArray src, NdArray dst) {
        if (!java.util.Arrays.equals(src.shape(), dst.shape())) {
            throw new IllegalArgumentException("copy: shapes differ: " + Shape.str(src.shape()) + " vs " + Shape.str(dst.shape()));
        }
        Object s = ((CpuStorage) src.storage()).array();
        Object d = ((CpuStorage) dst.storage()).array();
        DType st = src.dtype();
        DType dt = dst.dtype();
        Strided.forEach(dst.shape(), src.strides(), src.offset(), dst.strides(), dst.offset(),
                (o0, o1, n, s0, s1) -> {
                    if (st == dt && s0 == 1 && s1 == 1) {
                        System.arraycopy(s, o0, d, o1, n);
                    } else if (st == dt && s0 == 0 && s1 == 1) {
                        broadcastRun(s, o0, d, o1, n);   // an expanded source: sum()'s gradient, a scalar
                    } else {
                        convertRun(st, s, o0, s0, dt, d, o1, s1, n);
                    }
                });
    }

    /** Fills n contiguous destination elements with the one source element at o0 (same dtype). */
    private static void broadcastRun(Object s, int o0, Object d, int o1, int n) {
        switch (s) {
            case float[] in -> java.util.Arrays.fill((float[]) d, o1, o1 + n, in[o0]);
            case double[] in -> java.util.Arrays.fill((double[]) d, o1, o1 + n, in[o0]);
            case long[] in -> java.util.Arrays.fill((long[]) d, o1, o1 + n, in[o0]);
            case boolean[] in -> java.util.Arrays.fill((boolean[]) d, o1, o1 + n, in[o0]);
            default -> throw new IllegalStateException("unexpected storage array " + s.getClass());
        }
    }

    /** Copies n elements with strides, converting as PyTorch's casts do (floats to int64 truncate; x != 0 to bool). */
    private static void convertRun(DType st, Object s, int o0, int s0, DType dt, Object d, int o1, int s1, int n) {
        switch (dt) {
            case FLOAT32 -> {
                float[] out = (float[]) d;
                switch (st) {
                    case FLOAT32 -> {
                        float[] in = (float[]) s;
                        for (int i = 0; i < n; i++) {
                            out[o1 + i * s1] = in[o0 + i * s0];
                        }
                    }
                    case FLOAT64 -> {
                        double[] in = (double[]) s;
                        for (int i = 0; i < n; i++) {
                            out[o1 + i * s1] = (float) in[o0 + i * s0];
                        }
                    }
                    case INT64 -> {
                        long[] in = (long[]) s;
                        for (int i = 0; i < n; i++) {
                            out[o1 + i * s1] = (float) in[o0 + i * s0];
                        }
                    }
                    case BOOL -> {
                        boolean[] in = (boolean[]) s;
                        for (int i = 0; i < n; i++) {
                            out[o1 + i * s1] = in[o0 + i * s0] ? 1f : 0f;
                        }
                    }
                }
            }
            case FLOAT64 -> {
                double[] out = (double[]) d;
                for (int i = 0; i < n; i++) {
                    out[o1 + i * s1] = readDouble(st, s, o0 + i * s0);
                }
            }
            case INT64 -> {
                long[] out = (long[]) d;
                if (st == DType.INT64) {
                    long[] in = (long[]) s;
                    for (int i = 0; i < n; i++) {
                        out[o1 + i * s1] = in[o0 + i * s0];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        out[o1 + i * s1] = (long) readDouble(st, s, o0 + i * s0);
                    }
                }
            }
            case BOOL -> {
                boolean[] out = (boolean[]) d;
                for (int i = 0; i < n; i++) {
                    out[o1 + i * s1] = readBool(st, s, o0 + i * s0);
                }
            }
        }
    }

    static double readDouble(DType t, Object a, int i) {
        return switch (t) {
            case FLOAT32 -> ((float[]) a)[i];
            case FLOAT64 -> ((double[]) a)[i];
            case INT64 -> ((long[]) a)[i];
            case BOOL -> ((boolean[]) a)[i] ? 1.0 : 0.0;
        };
    }

    private static boolean readBool(DType t, Object a, int i) {
        return switch (t) {
            case FLOAT32 -> ((float[]) a)[i] != 0f;
            case FLOAT64 -> ((double[]) a)[i] != 0.0;
            case INT64 -> ((long[]) a)[i] != 0L;
            case BOOL -> ((boolean[]) a)[i];
        };
    }

    static void fill(NdArray dst, double value) {
        Object d = ((CpuStorage) dst.storage()).array();
        DType t = dst.dtype();
        Strided.forEach(dst.shape(), dst.strides(), dst.offset(), (o, n, s) -> {
            switch (t) {
                case FLOAT32 -> {
                    float v = (float) value;
                    float[] a = (float[]) d;
                    if (s == 1) {
                        java.util.Arrays.fill(a, o, o + n, v);
                    } else {
                        for (int i = 0; i < n; i++) {
                            a[o + i * s] = v;
                        }
                    }
                }
                case FLOAT64 -> {
                    double[] a = (double[]) d;
                    for (int i = 0; i < n; i++) {
                        a[o + i * s] = value;
                    }
                }
                case INT64 -> {
                    long v = (long) value;
                    long[] a = (long[]) d;
                    for (int i = 0; i < n; i++) {
                        a[o + i * s] = v;
                    }
                }
                case BOOL -> {
                    boolean v = value != 0;
                    boolean[] a = (boolean[]) d;
                    for (int i = 0; i < n; i++) {
                        a[o + i * s] = v;
                    }
                }
            }
        });
    }
}
