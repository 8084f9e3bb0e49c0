package jtorch.tensor;

import jtorch.simd.Parallel;

/**
 * Walks the index space of one to three strided views of the same shape, handing the innermost run
 * (offsets, length, strides) to a body, so bodies can call a contiguous or strided kernel per run.
 *
 * <p>Dimensions are first coalesced: adjacent dims that are contiguous with each other in every operand
 * merge into one, and size-1 dims vanish, so a contiguous array is one run however many dims it has.
 */
final class Strided {
    /** Below this many elements a loop runs on the calling thread; above, outer runs spread over the pool. */
    static final int PARALLEL_GRAIN = 1 << 15;

    private Strided() {}

    interface Body1 {
        void run(int o0, int n, int s0);
    }

    interface Body2 {
        void run(int o0, int o1, int n, int s0, int s1);
    }

    interface Body3 {
        void run(int o0, int o1, int o2, int n, int s0, int s1, int s2);
    }

    /** Shape and per-operand strides after coalescing; rank >= 1. */
    record Layout(int[] shape, int[][] strides) {
        int inner() {
            return shape[shape.length - 1];
        }

        int outerCount() {
            int n = 1;
            for (int d = 0; d < shape.length - 1; d++) {
                n *= shape[d];
            }
            return n;
        }
    }

    static Layout coalesce(int[] shape, int[]... strides) {
        int rank = shape.length;
        int[] s = new int[Math.max(rank, 1)];
        int[][] st = new int[strides.length][Math.max(rank, 1)];
        int r = 0;
        for (int d = 0; d < rank; d++) {
            if (shape[d] == 1) {
                continue;
            }
            if (r > 0 && mergeable(s[r - 1], st, r - 1, strides, d, shape[d])) {
                s[r - 1] *= shape[d];
                for (int k = 0; k < strides.length; k++) {
                    st[k][r - 1] = strides[k][d];
                }
                continue;
            }
            s[r] = shape[d];
            for (int k = 0; k < strides.length; k++) {
                st[k][r] = strides[k][d];
            }
            r++;
        }
        if (r == 0) {
            s[0] = 1;
            for (int k = 0; k < strides.length; k++) {
                st[k][0] = 1;
            }
            r = 1;
        }
        int[] outShape = java.util.Arrays.copyOf(s, r);
        int[][] outStrides = new int[strides.length][];
        for (int k = 0; k < strides.length; k++) {
            outStrides[k] = java.util.Arrays.copyOf(st[k], r);
        }
        return new Layout(outShape, outStrides);
    }

    private static boolean mergeable(int prevSize, int[][] st, int prev, int[][] strides, int d, int size) {
        for (int k = 0; k < strides.length; k++) {
            if (st[k][prev] != strides[k][d] * size) {
                return false;
            }
        }
        return true;
    }

    static void forEach(int[] shape, int[] st0, int off0, Body1 body) {
        Layout l = coalesce(shape, st0);
        int[] s0 = l.strides()[0];
        int last = l.shape().length - 1;
        int inner = l.inner();
        run(l, numel(shape), (from, to) -> {
            int[] idx = new int[last];
            int o0 = start(l.shape(), s0, off0, idx, from);
            for (int i = from; i < to; i++) {
                body.run(o0, inner, s0[last]);
                o0 = advance(l.shape(), s0, idx, o0);
            }
        });
    }

    static void forEach(int[] shape, int[] st0, int off0, int[] st1, int off1, Body2 body) {
        Layout l = coalesce(shape, st0, st1);
        int[] s0 = l.strides()[0];
        int[] s1 = l.strides()[1];
        int last = l.shape().length - 1;
        int inner = l.inner();
        run(l, numel(shape), (from, to) -> {
            int[] idx0 = new int[last];
            int[] idx1 = new int[last];
            int o0 = start(l.shape(), s0, off0, idx0, from);
            int o1 = start(l.shape(), s1, off1, idx1, from);
            for (int i = from; i < to; i++) {
                body.run(o0, o1, inner, s0[last], s1[last]);
                o0 = advance(l.shape(), s0, idx0, o0);
                o1 = advance(l.shape(), s1, idx1, o1);
            }
        });
    }

    static void forEach(int[] shape, int[] st0, int off0, int[] st1, int off1, int[] st2, int off2, Body3 body) {
        Layout l = coalesce(shape, st0, st1, st2);
        int[] s0 = l.strides()[0];
        int[] s1 = l.strides()[1];
        int[] s2 = l.strides()[2];
        int last = l.shape().length - 1;
        int inner = l.inner();
        run(l, numel(shape), (from, to) -> {
            int[] idx0 = new int[last];
            int[] idx1 = new int[last];
            int[] idx2 = new int[last];
            int o0 = start(l.shape(), s0, off0, idx0, from);
            int o1 = start(l.shape(), s1, off1, idx1, from);
            int o2 = start(l.shape(), s2, off2, idx2, from);
            for (int i = from; i < to; i++) {
                body.run(o0, o1, o2, inner, s0[last], s1[last], s2[last]);
                o0 = advance(l.shape(), s0, idx0, o0);
                o1 = advance(l.shape(), s1, idx1, o1);
                o2 = advance(l.shape(), s2, idx2, o2);
            }
        });
    }

    private static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** Runs outer-run indices [0, outerCount) serially or over the pool, by total element count. */
    private static void run(Layout l, int numel, Parallel.RangeBody outer) {
        if (numel == 0) {
            return;
        }
        int outerCount = l.outerCount();
        if (numel < PARALLEL_GRAIN || outerCount == 1) {
            outer.run(0, outerCount);
        } else {
            int minChunk = Math.max(1, PARALLEL_GRAIN / Math.max(1, l.inner()));
            Parallel.forRange(0, outerCount, minChunk, outer);
        }
    }

    /** Offset of outer-run number {@code linear}; fills idx with its multi-index over the outer dims. */
    private static int start(int[] shape, int[] strides, int off, int[] idx, int linear) {
        int o = off;
        for (int d = idx.length - 1; d >= 0; d--) {
            int i = linear % shape[d];
            linear /= shape[d];
            idx[d] = i;
            o += i * strides[d];
        }
        return o;
    }

    /** Steps idx (over the outer dims) by one, returning the new offset. */
    private static int advance(int[] shape, int[] strides, int[] idx, int o) {
        for (int d = idx.length - 1; d >= 0; d--) {
            idx[d]++;
            o += strides[d];
            if (idx[d] < shape[d]) {
                return o;
            }
            o -= idx[d] * strides[d];
            idx[d] = 0;
        }
        return o;
    }
}
