package jtorch.simd;

/**
 * 2-d max and average pooling over {@code planes} (= N·C) contiguous planes: input plane p is
 * {@code [H][W]} at {@code xOff + p·H·W}, output plane p is {@code [outH][outW]} at {@code yOff + p·outH·outW}.
 * outH/outW are given by the caller, so {@code ceil_mode} is the caller's choice.
 *
 * <p>Max pool (TORCH: {@code max_pool2d_with_indices}): padding counts as -inf; {@code argmax} receives the
 * index {@code h·W + w} within the input plane (torch's indices); an element wins if it is greater than the
 * running max or NaN, so a NaN in the window wins (the last NaN's index), and an all -inf window reports its
 * first in-image element. Backward scatters {@code gx[argmax] += gy} (the caller zeroes gx).
 *
 * <p>Average pool (TORCH: {@code avg_pool2d}): the window {@code [oh·sH - pH, +kH)} is clipped to
 * {@code H + pH}, its size taken as the pool size, then clipped to the image; the divisor is the pool size if
 * {@code countIncludePad}, else the clipped element count; a window with no image element outputs 0.
 * Backward adds {@code gy / divisor} to each element of the clipped window.
 *
 * <p>The 2×2 stride-2 float max pool has a vector fast path (see {@code VectorPool}).
 */
public final class Pool {
    private static final PoolKernels IMPL = Simd.choose(PoolKernels.class, "VectorPool", ScalarPool::new);

    private Pool() {}

    /** Max pool forward with argmax indices (see class comment). */
    public static void maxPool2dForward(int planes, float[] x, int xOff, int H, int W, int kH, int kW, int sH,
                                        int sW, int pH, int pW, int dH, int dW, int outH, int outW, float[] y,
                                        int yOff, int[] argmax, int aOff) {
        Checks.nonNegative("maxPool2dForward", "planes", planes);
        Checks.nonNegative("maxPool2dForward", "H", H);
        Checks.nonNegative("maxPool2dForward", "W", W);
        Checks.nonNegative("maxPool2dForward", "outH", outH);
        Checks.nonNegative("maxPool2dForward", "outW", outW);
        Checks.window("maxPool2dForward", kH, kW, sH, sW, pH, pW, dH, dW);
        Checks.span("maxPool2dForward", "x", x, "xOff", xOff, (long) planes * H * W);
        Checks.span("maxPool2dForward", "y", y, "yOff", yOff, (long) planes * outH * outW);
        Checks.span("maxPool2dForward", "argmax", argmax, "aOff", aOff, (long) planes * outH * outW);
        IMPL.maxPool2dForward(planes, x, xOff, H, W, kH, kW, sH, sW, pH, pW, dH, dW, outH, outW, y, yOff, argmax,
                aOff);
    }

    /** Max pool forward, double. */
    public static void maxPool2dForward(int planes, double[] x, int xOff, int H, int W, int kH, int kW, int sH,
                                        int sW, int pH, int pW, int dH, int dW, int outH, int outW, double[] y,
                                        int yOff, int[] argmax, int aOff) {
        Checks.nonNegative("maxPool2dForward", "planes", planes);
        Checks.nonNegative("maxPool2dForward", "H", H);
        Checks.nonNegative("maxPool2dForward", "W", W);
        Checks.nonNegative("maxPool2dForward", "outH", outH);
        Checks.nonNegative("maxPool2dForward", "outW", outW);
        Checks.window("maxPool2dForward", kH, kW, sH, sW, pH, pW, dH, dW);
        Checks.span("maxPool2dForward", "x", x, "xOff", xOff, (long) planes * H * W);
        Checks.span("maxPool2dForward", "y", y, "yOff", yOff, (long) planes * outH * outW);
        Checks.span("maxPool2dForward", "argmax", argmax, "aOff", aOff, (long) planes * outH * outW);
        IMPL.maxPool2dForward(planes, x, xOff, H, W, kH, kW, sH, sW, pH, pW, dH, dW, outH, outW, y, yOff, argmax,
                aOff);
    }

    /** gx[plane][argmax] += gy; accumulates. */
    public static void maxPool2dBackward(int planes, float[] gy, int gyOff, int[] argmax, int aOff, int outH,
                                         int outW, float[] gx, int gxOff, int H, int W) {
        Checks.nonNegative("maxPool2dBackward", "planes", planes);
        Checks.nonNegative("maxPool2dBackward", "H", H);
        Checks.nonNegative("maxPool2dBackward", "W", W);
        Checks.nonNegative("maxPool2dBackward", "outH", outH);
        Checks.nonNegative("maxPool2dBackward", "outW", outW);
        Checks.span("maxPool2dBackward", "gy", gy, "gyOff", gyOff, (long) planes * outH * outW);
        Checks.span("maxPool2dBackward", "argmax", argmax, "aOff", aOff, (long) planes * outH * outW);
        Checks.span("maxPool2dBackward", "gx", gx, "gxOff", gxOff, (long) planes * H * W);
        IMPL.maxPool2dBackward(planes, gy, gyOff, argmax, aOff, outH, outW, gx, gxOff, H, W);
    }

    /**
     * The backward of the 2x2, stride-2, unpadded max pool over planes of exactly {@code 2·outH x 2·outW}, into a
     * zeroed gx: the same result as {@link #maxPool2dBackward}. Planes in whole 16-output blocks (outW 1, 2, 4, 8
     * or 16) take a vector kernel that writes every gx element in order, its window's gradient where it is the
     * window's argmax and 0 elsewhere, instead of scattering; other planes are scattered.
     *
     * <p>PERF: the CIFAR network's first pooling ([64,32,32,32]) 0.36 -> 0.16 ms on one core, zero-fill and scatter
     * against the ordered write (docs/convolution.md, the planar route).
     */
    public static void maxPool2x2Backward(int planes, float[] gy, int gyOff, int[] argmax, int aOff, int outH,
                                          int outW, float[] gx, int gxOff) {
        Checks.nonNegative("maxPool2x2Backward", "planes", planes);
        Checks.nonNegative("maxPool2x2Backward", "outH", outH);
        Checks.nonNegative("maxPool2x2Backward", "outW", outW);
        long outs = (long) planes * outH * outW;
        Checks.span("maxPool2x2Backward", "gy", gy, "gyOff", gyOff, outs);
        Checks.span("maxPool2x2Backward", "argmax", argmax, "aOff", aOff, outs);
        Checks.span("maxPool2x2Backward", "gx", gx, "gxOff", gxOff, 4 * outs);
        IMPL.maxPool2x2Backward(planes, gy, gyOff, argmax, aOff, outH, outW, gx, gxOff);
    }

    /** gx[plane][argmax] += gy; accumulates. */
    public static void maxPool2dBackward(int planes, double[] gy, int gyOff, int[] argmax, int aOff, int outH,
                                         int outW, double[] gx, int gxOff, int H, int W) {
        Checks.nonNegative("maxPool2dBackward", "planes", planes);
        Checks.nonNegative("maxPool2dBackward", "H", H);
        Checks.nonNegative("maxPool2dBackward", "W", W);
        Checks.nonNegative("maxPool2dBackward", "outH", outH);
        Checks.nonNegative("maxPool2dBackward", "outW", outW);
        Checks.span("maxPool2dBackward", "gy", gy, "gyOff", gyOff, (long) planes * outH * outW);
        Checks.span("maxPool2dBackward", "argmax", argmax, "aOff", aOff, (long) planes * outH * outW);
        Checks.span("maxPool2dBackward", "gx", gx, "gxOff", gxOff, (long) planes * H * W);
        IMPL.maxPool2dBackward(planes, gy, gyOff, argmax, aOff, outH, outW, gx, gxOff, H, W);
    }

    /** Average pool forward (see class comment). */
    public static void avgPool2dForward(int planes, float[] x, int xOff, int H, int W, int kH, int kW, int sH,
                                        int sW, int pH, int pW, int outH, int outW, boolean countIncludePad,
                                        float[] y, int yOff) {
        Checks.nonNegative("avgPool2dForward", "planes", planes);
        Checks.nonNegative("avgPool2dForward", "H", H);
        Checks.nonNegative("avgPool2dForward", "W", W);
        Checks.nonNegative("avgPool2dForward", "outH", outH);
        Checks.nonNegative("avgPool2dForward", "outW", outW);
        Checks.window("avgPool2dForward", kH, kW, sH, sW, pH, pW, 1, 1);
        Checks.span("avgPool2dForward", "x", x, "xOff", xOff, (long) planes * H * W);
        Checks.span("avgPool2dForward", "y", y, "yOff", yOff, (long) planes * outH * outW);
        IMPL.avgPool2dForward(planes, x, xOff, H, W, kH, kW, sH, sW, pH, pW, outH, outW, countIncludePad, y, yOff);
    }

    /** Average pool forward, double. */
    public static void avgPool2dForward(int planes, double[] x, int xOff, int H, int W, int kH, int kW, int sH,
                                        int sW, int pH, int pW, int outH, int outW, boolean countIncludePad,
                                        double[] y, int yOff) {
        Checks.nonNegative("avgPool2dForward", "planes", planes);
        Checks.nonNegative("avgPool2dForward", "H", H);
        Checks.nonNegative("avgPool2dForward", "W", W);
        Checks.nonNegative("avgPool2dForward", "outH", outH);
        Checks.nonNegative("avgPool2dForward", "outW", outW);
        Checks.window("avgPool2dForward", kH, kW, sH, sW, pH, pW, 1, 1);
        Checks.span("avgPool2dForward", "x", x, "xOff", xOff, (long) planes * H * W);
        Checks.span("avgPool2dForward", "y", y, "yOff", yOff, (long) planes * outH * outW);
        IMPL.avgPool2dForward(planes, x, xOff, H, W, kH, kW, sH, sW, pH, pW, outH, outW, countIncludePad, y, yOff);
    }

    /** Average pool backward; accumulates into gx. */
    public static void avgPool2dBackward(int planes, float[] gy, int gyOff, int H, int W, int kH, int kW, int sH,
                                         int sW, int pH, int pW, int outH, int outW, boolean countIncludePad,
                                         float[] gx, int gxOff) {
        Checks.nonNegative("avgPool2dBackward", "planes", planes);
        Checks.nonNegative("avgPool2dBackward", "H", H);
        Checks.nonNegative("avgPool2dBackward", "W", W);
        Checks.nonNegative("avgPool2dBackward", "outH", outH);
        Checks.nonNegative("avgPool2dBackward", "outW", outW);
        Checks.window("avgPool2dBackward", kH, kW, sH, sW, pH, pW, 1, 1);
        Checks.span("avgPool2dBackward", "gy", gy, "gyOff", gyOff, (long) planes * outH * outW);
        Checks.span("avgPool2dBackward", "gx", gx, "gxOff", gxOff, (long) planes * H * W);
        IMPL.avgPool2dBackward(planes, gy, gyOff, H, W, kH, kW, sH, sW, pH, pW, outH, outW, countIncludePad, gx,
                gxOff);
    }

    /** Average pool backward, double; accumulates into gx. */
    public static void avgPool2dBackward(int planes, double[] gy, int gyOff, int H, int W, int kH, int kW, int sH,
                                         int sW, int pH, int pW, int outH, int outW, boolean countIncludePad,
                                         double[] gx, int gxOff) {
        Checks.nonNegative("avgPool2dBackward", "planes", planes);
        Checks.nonNegative("avgPool2dBackward", "H", H);
        Checks.nonNegative("avgPool2dBackward", "W", W);
        Checks.nonNegative("avgPool2dBackward", "outH", outH);
        Checks.nonNegative("avgPool2dBackward", "outW", outW);
        Checks.window("avgPool2dBackward", kH, kW, sH, sW, pH, pW, 1, 1);
        Checks.span("avgPool2dBackward", "gy", gy, "gyOff", gyOff, (long) planes * outH * outW);
        Checks.span("avgPool2dBackward", "gx", gx, "gxOff", gxOff, (long) planes * H * W);
        IMPL.avgPool2dBackward(planes, gy, gyOff, H, W, kH, kW, sH, sW, pH, pW, outH, outW, countIncludePad, gx,
                gxOff);
    }
}
