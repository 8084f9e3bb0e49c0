package jtorch.tensor;

/**
 * Per-thread scratch buffers reused across calls (im2col columns, partial sums), so a training step
 * allocates no temporary arrays once warm. Contents are garbage on return; callers overwrite what they use.
 */
final class Scratch {
    private static final ThreadLocal<float[][]> FLOATS = ThreadLocal.withInitial(() -> new float[8][]);
    private static final ThreadLocal<double[][]> DOUBLES = ThreadLocal.withInitial(() -> new double[2][]);

    private Scratch() {}

    /**
     * A float buffer of at least n elements in this thread's slot {@code slot}: 0 and 1 for the GEMM routes,
     * 2 to 5 for direct convolution ({@link CpuConvDirect}: the calling thread keeps the packed weights in 2;
     * per-image chunks, on whichever thread runs them, use 4-5; the whole-batch paths, whose parallel parts use
     * no scratch, use 3-4 on the calling thread; {@link CpuConvPlanar}: packed weights in 2 and the padded batch in
     * 3 on the calling thread, weight-gradient partial sums in 4 on each thread; {@link CpuConvWinograd}: packed
     * weights in 2 and transformed weights in 6 on the calling thread; with few tiles the padded batch in 3, the
     * NHWC output in 4, all transformed tiles in 5 and their products in 7 on the calling thread; in bands, a band's
     * NHWC input and output rows in 3 and 4, its transformed tiles in 5 and products in 7 on each thread;
     * {@link CpuConvWinograd5x5}: packed weights in 2 and transformed weights in 6 on the calling thread, a chunk
     * of images' NHWC input and output in 3 and 4, transformed tiles in 5 and products in 7 on each thread).
     */
    static float[] floats(int slot, int n) {
        float[][] s = FLOATS.get();
        if (s[slot] == null || s[slot].length < n) {
            s[slot] = new float[n];
        }
        return s[slot];
    }

    static double[] doubles(int slot, int n) {
        double[][] s = DOUBLES.get();
        if (s[slot] == null || s[slot].length < n) {
            s[slot] = new double[n];
        }
        return s[slot];
    }

    /** A float[] or double[] buffer matching {@code dtype}. */
    static Object of(DType dtype, int slot, int n) {
        return dtype == DType.FLOAT64 ? doubles(slot, n) : floats(slot, n);
    }
}
