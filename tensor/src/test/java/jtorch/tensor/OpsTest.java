package jtorch.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;
import jtorch.simd.BinaryOp;
import jtorch.simd.CompareOp;
import jtorch.simd.UnaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpsTest {
    private static NdArray f(float[] v, int... shape) {
        return NdArray.wrap(v, shape);
    }

    private static NdArray random(long seed, int... shape) {
        return Creation.randn(new Generator(seed), DType.FLOAT32, shape);
    }

    @Test
    void broadcastingBinaryOps() {
        NdArray a = f(new float[] {1, 2, 3}, 3, 1);
        NdArray b = f(new float[] {10, 20}, 2);
        NdArray s = Ops.binary(BinaryOp.ADD, a, b);
        assertThat(s.shape()).containsExactly(3, 2);
        assertThat(s.toFloatArray()).containsExactly(11, 21, 12, 22, 13, 23);
        assertThat(Ops.binary(BinaryOp.SUB, a, b).toFloatArray()).containsExactly(-9, -19, -8, -18, -7, -17);
        assertThat(Ops.binary(BinaryOp.DIV, b, 4.0).toFloatArray()).containsExactly(2.5f, 5f);
        assertThatThrownBy(() -> Ops.binary(BinaryOp.ADD, f(new float[3], 3), f(new float[4], 4)))
                .hasMessage("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0");
    }

    @Test
    void typePromotionFollowsTorch() {
        NdArray i = NdArray.wrap(new long[] {1, 2, 3}, 3);
        NdArray fl = f(new float[] {0.5f, 0.5f, 0.5f}, 3);
        assertThat(Ops.binary(BinaryOp.ADD, i, fl).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Ops.binary(BinaryOp.ADD, i, 2.0).dtype()).isEqualTo(DType.INT64);
        assertThat(Ops.binary(BinaryOp.ADD, i, 2.5).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Ops.binary(BinaryOp.DIV, i, i).dtype()).isEqualTo(DType.FLOAT32);   // true division
        // A 0-d float64 tensor does not promote a dimensioned float32 one...
        assertThat(Ops.binary(BinaryOp.MUL, fl, NdArray.scalar(DType.FLOAT64, 2)).dtype()).isEqualTo(DType.FLOAT32);
        // ...but a 0-d float tensor lifts an integer tensor to the default float type.
        assertThat(Ops.binary(BinaryOp.MUL, i, NdArray.scalar(DType.FLOAT64, 2)).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Ops.binary(BinaryOp.MUL, fl, fl.to(DType.FLOAT64)).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Ops.unary(UnaryOp.EXP, i).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Ops.unary(UnaryOp.NEG, i).toLongArray()).containsExactly(-1, -2, -3);
    }

    @Test
    void compareAndWhere() {
        NdArray a = f(new float[] {1, 5, Float.NaN}, 3);
        NdArray gt = Ops.compare(CompareOp.GT, a, 2.0);
        assertThat((boolean[]) gt.toArray()).containsExactly(false, true, false);
        NdArray w = Ops.where(gt, a, NdArray.scalar(0f));
        assertThat(w.toFloatArray()).containsExactly(0, 5, 0);
        assertThatThrownBy(() -> Ops.where(a, a, a)).hasMessageContaining("where expected condition to be a boolean tensor");
    }

    @Test
    void reductionsOverDims() {
        NdArray x = Creation.arange(DType.FLOAT32, 0, 24, 1).reshape(2, 3, 4);
        assertThat(Ops.sum(x, null, false).item()).isEqualTo(276.0);
        NdArray s = Ops.sum(x, new int[] {0, 2}, true);
        assertThat(s.shape()).containsExactly(1, 3, 1);
        assertThat(s.toFloatArray()).containsExactly(60, 92, 124);
        NdArray m = Ops.mean(x, new int[] {-1}, false);
        assertThat(m.shape()).containsExactly(2, 3);
        assertThat(m.toFloatArray()).containsExactly(1.5f, 5.5f, 9.5f, 13.5f, 17.5f, 21.5f);
        NdArray mx = Ops.reduce(ReduceOp.MAX, x, new int[] {1}, false);
        assertThat(mx.toFloatArray()).containsExactly(8, 9, 10, 11, 20, 21, 22, 23);
        // A permuted (non-contiguous) input reduces the same.
        assertThat(Ops.sum(x.permute(2, 0, 1), new int[] {0}, false).toFloatArray())
                .containsExactly(Ops.sum(x, new int[] {2}, false).toFloatArray());
        assertThat(Ops.sum(NdArray.wrap(new boolean[] {true, true, false}, 3), null, false).dtype()).isEqualTo(DType.INT64);
        assertThatThrownBy(() -> Ops.mean(NdArray.wrap(new long[] {1}, 1), null, false))
                .hasMessageContaining("mean(): could not infer output dtype");
    }

    @Test
    void maxPropagatesNaNAndArgmaxTakesFirst() {
        NdArray x = f(new float[] {1, 3, 3, Float.NaN, 2, 7}, 2, 3);
        assertThat(Ops.reduce(ReduceOp.MAX, x, new int[] {1}, false).toFloatArray()).containsExactly(3f, Float.NaN);
        assertThat(Ops.argReduce(true, x, 1, false).toLongArray()).containsExactly(1, 0);
        assertThat(Ops.argReduce(true, x, null, false).toLongArray()).containsExactly(3);
        assertThat(Ops.argReduce(false, f(new float[] {4, 1, 1}, 3), 0, true).shape()).containsExactly(1);
    }

    @Test
    void softmaxRowsSumToOne() {
        NdArray x = random(3, 4, 7);
        NdArray p = Ops.softmax(x, 1, false);
        float[] sums = Ops.sum(p, new int[] {1}, false).toFloatArray();
        for (float s : sums) {
            assertThat(s).isCloseTo(1f, offset(1e-6f));
        }
        NdArray lp = Ops.softmax(x, 0, true);
        float[] e = Ops.sum(Ops.unary(UnaryOp.EXP, lp), new int[] {0}, false).toFloatArray();
        for (float s : e) {
            assertThat(s).isCloseTo(1f, offset(1e-6f));
        }
    }

    /** Naive triple loop in double: the reference for every matmul layout. */
    private static float[] naive(NdArray a, NdArray b) {
        int m = a.size(0);
        int k = a.size(1);
        int n = b.size(1);
        float[] out = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < k; q++) {
                    s += a.select(0, i).select(0, q).item() * b.select(0, q).select(0, j).item();
                }
                out[i * n + j] = (float) s;
            }
        }
        return out;
    }

    private static void assertClose(float[] actual, float[] expected, float tol) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], offset(tol * (1 + Math.abs(expected[i]))));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void matmulMatchesNaiveForPlainAndTransposedViews(boolean transposed) {
        NdArray a = transposed ? random(1, 9, 5).t() : random(1, 5, 9);
        NdArray b = transposed ? random(2, 4, 9).t() : random(2, 9, 4);
        NdArray c = Ops.matmul(a, b);
        assertThat(c.shape()).containsExactly(5, 4);
        assertClose(c.toFloatArray(), naive(a, b), 1e-5f);
    }

    @Test
    void matmulBatchBroadcastAndVectors() {
        NdArray a = random(1, 2, 1, 3, 4);
        NdArray b = random(2, 5, 4, 2);
        NdArray c = Ops.matmul(a, b);
        assertThat(c.shape()).containsExactly(2, 5, 3, 2);
        assertClose(c.select(0, 1).select(0, 3).toFloatArray(), naive(a.select(0, 1).select(0, 0), b.select(0, 3)), 1e-5f);
        NdArray v = random(3, 4);
        assertThat(Ops.matmul(random(4, 3, 4), v).shape()).containsExactly(3);
        assertThat(Ops.matmul(v, random(5, 4, 6)).shape()).containsExactly(6);
        assertThat(Ops.matmul(v, v).dim()).isZero();
        assertThat(Ops.matmul(NdArray.wrap(new long[] {1, 2, 3, 4}, 2, 2), NdArray.wrap(new long[] {1, 1}, 2))
                .toLongArray()).containsExactly(3, 7);
    }

    @Test
    void matmulErrorsUseTorchWording() {
        assertThatThrownBy(() -> Ops.matmul(random(1, 4, 1024), random(2, 512, 64)))
                .hasMessage("mat1 and mat2 shapes cannot be multiplied (4x1024 and 512x64)");
        assertThatThrownBy(() -> Ops.matmul(NdArray.scalar(1f), random(1, 3)))
                .hasMessage("both arguments to matmul need to be at least 1D, but they are 0D and 1D");
        assertThatThrownBy(() -> Ops.bmm(random(1, 2, 3, 4), random(1, 2, 5, 4)))
                .hasMessage("Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 5].");
    }

    @Test
    void largeMatmulUsesGemm() {
        SplittableRandom r = new SplittableRandom(5);
        int m = 67;
        int k = 129;
        int n = 70;
        float[] av = new float[m * k];
        float[] bv = new float[k * n];
        for (int i = 0; i < av.length; i++) {
            av[i] = (float) r.nextDouble(-1, 1);
        }
        for (int i = 0; i < bv.length; i++) {
            bv[i] = (float) r.nextDouble(-1, 1);
        }
        NdArray a = f(av, m, k);
        NdArray b = f(bv, k, n);
        float[] c = Ops.matmul(a, b).toFloatArray();
        float[] ref = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < k; q++) {
                    s += (double) av[i * k + q] * bv[q * n + j];
                }
                ref[i * n + j] = (float) s;
            }
        }
        assertClose(c, ref, 1e-5f);
    }

    @Test
    void catAndStack() {
        NdArray a = Creation.arange(DType.FLOAT32, 0, 4, 1).reshape(2, 2);
        NdArray b = Creation.arange(DType.FLOAT32, 4, 6, 1).reshape(1, 2);
        assertThat(Ops.cat(List.of(a, b), 0).toFloatArray()).containsExactly(0, 1, 2, 3, 4, 5);
        NdArray st = Ops.stack(List.of(a, a), 1);
        assertThat(st.shape()).containsExactly(2, 2, 2);
        assertThat(st.toFloatArray()).containsExactly(0, 1, 0, 1, 2, 3, 2, 3);
        assertThatThrownBy(() -> Ops.cat(List.of(a, b), 1)).hasMessage(
                "Sizes of tensors must match except in dimension 1. Expected size 2 but got size 1 for tensor number 1 in the list.");
        assertThatThrownBy(() -> Ops.stack(List.of(a, b), 0)).hasMessageContaining("stack expects each tensor to be equal size");
    }

    @Test
    void indexSelectGatherScatterAdd() {
        NdArray x = Creation.arange(DType.FLOAT32, 0, 6, 1).reshape(2, 3);
        NdArray idx = NdArray.wrap(new long[] {2, 0}, 2);
        assertThat(Ops.indexSelect(x, 1, idx).toFloatArray()).containsExactly(2, 0, 5, 3);
        NdArray g = NdArray.wrap(new long[] {0, 0, 1, 0}, 2, 2);
        assertThat(Ops.gather(x, 1, g).toFloatArray()).containsExactly(0, 0, 4, 3);
        NdArray acc = Ops.scatterAdd(NdArray.zeros(DType.FLOAT32, 2, 3), 1, g, NdArray.wrap(new float[] {1, 2, 3, 4}, 2, 2));
        assertThat(acc.toFloatArray()).containsExactly(3, 0, 0, 4, 3, 0);
        assertThatThrownBy(() -> Ops.indexSelect(x, 0, NdArray.wrap(new long[] {2}, 1)))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("index out of range in self");
        assertThatThrownBy(() -> Ops.gather(x, 1, NdArray.wrap(new long[] {7, 0, 0, 0}, 2, 2)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 7 is out of bounds for dimension 1 with size 3");
    }

    @Test
    void largeElementwiseRunsInParallelAndMatchesSerial() {
        NdArray a = random(11, 300, 257);
        NdArray b = random(12, 257);
        NdArray c = Ops.binary(BinaryOp.MUL, a, b);
        float[] av = a.toFloatArray();
        float[] bv = b.toFloatArray();
        float[] cv = c.toFloatArray();
        for (int i = 0; i < cv.length; i++) {
            assertThat(cv[i]).isEqualTo(av[i] * bv[i % 257]);
        }
    }
}
