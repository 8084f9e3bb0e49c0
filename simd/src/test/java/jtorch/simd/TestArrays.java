package jtorch.simd;

import java.util.SplittableRandom;

/** Random inputs and ulp distances shared by the kernel tests. */
final class TestArrays {
    /** Awkward sizes: below, at and just past the lane counts of every width. */
    static final int[] SIZES = {1, 3, 15, 17, 33, 257, 1023};

    private TestArrays() {}

    static float[] floats(SplittableRandom rnd, int n, float lo, float hi) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = lo + (hi - lo) * (float) rnd.nextDouble();
        }
        return a;
    }

    static double[] doubles(SplittableRandom rnd, int n, double lo, double hi) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = lo + (hi - lo) * rnd.nextDouble();
        }
        return a;
    }

    static boolean[] booleans(SplittableRandom rnd, int n) {
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextBoolean();
        }
        return a;
    }

    /** Distance in representable floats; 0 when both are NaN; MAX_VALUE when exactly one is NaN. */
    static long ulps(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        return Math.abs(ordered(a) - ordered(b));
    }

    private static long ordered(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits < 0 ? -(long) (bits & 0x7fffffff) : bits;
    }
}
