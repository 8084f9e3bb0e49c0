package jtorch.simd;

/**
 * Argument validation at the public facades ({@link Elementwise}, {@link Reduce}, {@link Conv}, {@link Pool}):
 * a few integer comparisons per call, so the kernels behind them stay unchecked. Every problem is an
 * {@link IllegalArgumentException} naming the operation and the argument; never an
 * {@code ArrayIndexOutOfBoundsException} from inside a kernel.
 */
final class Checks {
    private Checks() {}

    static int length(String op, String name, Object array) {
        return switch (array) {
            case float[] a -> a.length;
            case double[] a -> a.length;
            case int[] a -> a.length;
            case long[] a -> a.length;
            case boolean[] a -> a.length;
            case null -> throw new IllegalArgumentException(op + ": " + name + " must not be null");
            default -> throw new IllegalArgumentException(op + ": " + name + " is not a primitive array");
        };
    }

    static void nonNegative(String op, String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(op + ": " + name + " must be >= 0, got " + value);
        }
    }

    static void positive(String op, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(op + ": " + name + " must be >= 1, got " + value);
        }
    }

    /** A batch of planar images and the padding around each: every size and padding {@code >= 0}. */
    static void images(String op, int images, int ch, int h, int w, int padH, int padW) {
        nonNegative(op, "images", images);
        nonNegative(op, "channels", ch);
        nonNegative(op, "height", h);
        nonNegative(op, "width", w);
        nonNegative(op, "padH", padH);
        nonNegative(op, "padW", padW);
    }

    /** {@code n >= 0}, and {@code n} elements from {@code off} lie inside {@code array}. */
    static void run(String op, int n, String name, Object array, String offName, int off) {
        nonNegative(op, "n", n);
        span(op, name, array, offName, off, n);
    }

    /** {@code count} elements from {@code off} lie inside {@code array} (count already known non-negative). */
    static void span(String op, String name, Object array, String offName, int off, long count) {
        int length = length(op, name, array);
        if (off < 0) {
            throw new IllegalArgumentException(op + ": " + offName + " must be >= 0, got " + off);
        }
        if (off + count > length) {
            throw new IllegalArgumentException(op + ": " + name + " is too short: " + count + " elements at " + offName
                    + "=" + off + " need " + (off + count) + ", but " + name + ".length=" + length);
        }
    }

    /** A strided run: {@code n} elements at {@code off + i·stride} lie inside {@code array}. */
    static void strided(String op, int n, String name, Object array, String offName, int off, int stride) {
        nonNegative(op, "n", n);
        int length = length(op, name, array);
        if (n == 0) {
            return;
        }
        long last = off + (long) (n - 1) * stride;
        if (off < 0 || off >= length || last < 0 || last >= length) {
            throw new IllegalArgumentException(op + ": " + n + " elements of " + name + " at " + offName + "=" + off
                    + " with stride " + stride + " reach index " + last + ", outside " + name + ".length=" + length);
        }
    }

    /** {@code rows x cols} row-major with leading dimension {@code ld} lies inside {@code array}. */
    static void matrix(String op, int rows, int cols, String name, Object array, String offName, int off,
                       String ldName, int ld) {
        nonNegative(op, "rows", rows);
        nonNegative(op, "cols", cols);
        if (rows > 1 && ld < cols) {
            throw new IllegalArgumentException(op + ": " + ldName + " must be >= cols=" + cols + ", got " + ld);
        }
        long needed = rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols;
        span(op, name, array, offName, off, needed);
    }

    /** An n-d strided operand: every index {@code off + Σ i[d]·strides[d]} over {@code shape} lies inside. */
    static void nd(String op, int[] shape, String name, Object array, String offName, int off, String stridesName,
                   int[] strides) {
        if (shape == null) {
            throw new IllegalArgumentException(op + ": shape must not be null");
        }
        if (strides == null || strides.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + stridesName + " must have one stride per dimension ("
                    + shape.length + "), got " + (strides == null ? "null" : strides.length));
        }
        int length = length(op, name, array);
        long lo = off;
        long hi = off;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0) {
                throw new IllegalArgumentException(op + ": shape[" + d + "] must be >= 0, got " + shape[d]);
            }
            if (shape[d] == 0) {
                return;
            }
            long reach = (long) (shape[d] - 1) * strides[d];
            if (reach < 0) {
                lo += reach;
            } else {
                hi += reach;
            }
        }
        if (lo < 0 || hi >= length) {
            throw new IllegalArgumentException(op + ": " + name + " indices from " + lo + " to " + hi + " (" + offName
                    + "=" + off + ", " + stridesName + ") fall outside " + name + ".length=" + length);
        }
    }

    /** Window geometry of im2col/col2im and pooling. */
    static void window(String op, int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW) {
        positive(op, "kH", kH);
        positive(op, "kW", kW);
        positive(op, "strideH", sH);
        positive(op, "strideW", sW);
        nonNegative(op, "padH", pH);
        nonNegative(op, "padW", pW);
        positive(op, "dilH", dH);
        positive(op, "dilW", dW);
    }
}
