package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Strided/broadcast forms of both twins against a brute-force n-d walk. */
@Tag("parity")
class StridedTest {
    private static final ElementwiseKernels[] IMPLS = {new ScalarElementwise(), new VectorElementwise()};

    /** Row-major contiguous strides for shape. */
    private static int[] contiguous(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = acc;
            acc *= shape[d];
        }
        return s;
    }

    private static int numel(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Offset of flat index f of shape under strides. */
    private static int offset(int[] shape, int[] strides, int off, int f) {
        int o = off;
        for (int d = shape.length - 1; d >= 0; d--) {
            o += (f % shape[d]) * strides[d];
            f /= shape[d];
        }
        return o;
    }

    /** Broadcast strides: 0 where bcast[d] is true. */
    private static int[] broadcast(int[] shape, boolean... bcast) {
        int[] full = shape.clone();
        for (int d = 0; d < shape.length; d++) {
            if (bcast[d]) {
                full[d] = 1;
            }
        }
        int[] s = contiguous(full);
        for (int d = 0; d < shape.length; d++) {
            if (bcast[d]) {
                s[d] = 0;
            }
        }
        return s;
    }

    @Test
    void binaryBroadcastsEveryWay() {
        int[] shape = {3, 5, 17};
        int n = numel(shape);
        boolean[][] patterns = {
            {false, false, false}, {true, false, false}, {false, true, true}, {false, false, true},
            {true, true, false}, {true, true, true}
        };
        SplittableRandom rnd = new SplittableRandom(1);
        float[] a = TestArrays.floats(rnd, n + 3, -4f, 4f);
        float[] b = TestArrays.floats(rnd, n + 5, 0.5f, 4f);
        for (BinaryOp op : BinaryOp.values()) {
            for (boolean[] pa : patterns) {
                for (boolean[] pb : patterns) {
                    int[] as = broadcast(shape, pa);
                    int[] bs = broadcast(shape, pb);
                    int[] ys = contiguous(shape);
                    float[] expect = new float[n + 7];
                    for (int f = 0; f < n; f++) {
                        expect[7 + f] = ScalarMath.apply(op, a[offset(shape, as, 3, f)], b[offset(shape, bs, 5, f)]);
                    }
                    for (ElementwiseKernels k : IMPLS) {
                        float[] y = new float[n + 7];
                        k.binaryStrided(op, shape, a, 3, as, b, 5, bs, y, 7, ys);
                        assertThat(y).as("%s %s", op, k.getClass().getSimpleName()).containsExactly(expect);
                    }
                }
            }
        }
    }

    @Test
    void transposedViewsRankZeroAndEmpty() {
        int[] shape = {4, 3, 2, 5};
        int n = numel(shape);
        // x is a permuted view of a contiguous [5, 2, 3, 4] buffer.
        int[] xs = {1, 4, 12, 24};
        SplittableRandom rnd = new SplittableRandom(2);
        float[] x = TestArrays.floats(rnd, n + 1, -2f, 2f);
        double[] dx = TestArrays.doubles(rnd, n + 1, -2, 2);
        float[] expect = new float[n];
        float[] copy = new float[n];
        double[] dexpect = new double[n];
        for (int f = 0; f < n; f++) {
            expect[f] = ScalarMath.apply(UnaryOp.EXP, x[offset(shape, xs, 1, f)]);
            copy[f] = x[offset(shape, xs, 1, f)];
            dexpect[f] = ScalarMath.apply(UnaryOp.EXP, dx[offset(shape, xs, 1, f)]);
        }
        for (ElementwiseKernels k : IMPLS) {
            float[] y = new float[n];
            k.unaryStrided(UnaryOp.EXP, shape, x, 1, xs, y, 0, contiguous(shape));
            assertThat(y).containsExactly(expect);
            double[] dy = new double[n];
            k.unaryStrided(UnaryOp.EXP, shape, dx, 1, xs, dy, 0, contiguous(shape));
            assertThat(dy).containsExactly(dexpect);
            float[] r0 = new float[1];
            k.binaryStrided(BinaryOp.SUB, new int[0], new float[] {5f}, 0, new int[0], new float[] {2f}, 0,
                    new int[0], r0, 0, new int[0]);
            assertThat(r0[0]).isEqualTo(3f);
            k.binaryStrided(BinaryOp.ADD, new int[] {3, 0}, x, 0, new int[] {1, 1}, x, 0, new int[] {1, 1}, r0, 0,
                    new int[] {1, 1});
        }
        float[] y = new float[n];
        Elementwise.copyStrided(shape, x, 1, xs, y, 0, contiguous(shape));
        assertThat(y).containsExactly(copy);
        long[] lx = new long[n + 1];
        boolean[] bx = new boolean[n + 1];
        for (int i = 0; i < lx.length; i++) {
            lx[i] = i * 31L;
            bx[i] = i % 3 == 0;
        }
        long[] ly = new long[n];
        boolean[] by = new boolean[n];
        Elementwise.copyStrided(shape, lx, 1, xs, ly, 0, contiguous(shape));
        Elementwise.copyStrided(shape, bx, 1, xs, by, 0, contiguous(shape));
        for (int f = 0; f < n; f++) {
            assertThat(ly[f]).isEqualTo(lx[offset(shape, xs, 1, f)]);
            assertThat(by[f]).isEqualTo(bx[offset(shape, xs, 1, f)]);
        }
    }

    @Test
    void highRankAndDoubleBroadcast() {
        int[] shape = {2, 1, 3, 2, 1, 2, 3, 2, 5};
        int n = numel(shape);
        SplittableRandom rnd = new SplittableRandom(3);
        double[] a = TestArrays.doubles(rnd, n, -2, 2);
        double[] b = TestArrays.doubles(rnd, 5, -2, 2);
        int[] as = contiguous(shape);
        int[] bs = new int[shape.length];
        bs[shape.length - 1] = 1;
        for (ElementwiseKernels k : IMPLS) {
            double[] y = new double[n];
            k.binaryStrided(BinaryOp.RDIV, shape, a, 0, as, b, 0, bs, y, 0, as);
            for (int f = 0; f < n; f++) {
                assertThat(y[f]).isEqualTo(b[f % 5] / a[f]);
            }
            k.binaryStrided(BinaryOp.POW, shape, b, 0, bs, a, 0, as, y, 0, as);
            for (int f = 0; f < n; f++) {
                assertThat(Double.valueOf(y[f])).isEqualTo(Double.valueOf(Math.pow(b[f % 5], a[f])));
            }
        }
    }
}
