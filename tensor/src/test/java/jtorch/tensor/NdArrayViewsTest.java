package jtorch.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NdArrayViewsTest {
    private static NdArray range(int... shape) {
        return Creation.arange(DType.FLOAT32, 0, Shape.numel(shape), 1).reshape(shape);
    }

    @Test
    void viewSharesStorageAndInfersOneDim() {
        NdArray x = range(2, 6);
        NdArray v = x.view(3, -1);
        assertThat(v.shape()).containsExactly(3, 4);
        assertThat(v.storage()).isSameAs(x.storage());
        assertThat(v.toFloatArray()).containsExactly(x.toFloatArray());
        assertThatThrownBy(() -> x.view(5, -1)).hasMessage("shape '[5, -1]' is invalid for input of size 12");
        assertThatThrownBy(() -> x.view(-1, -1)).hasMessage("only one dimension can be inferred");
    }

    @Test
    void viewOfTransposeFailsButReshapeCopies() {
        NdArray t = range(2, 3).t();
        assertThat(t.isContiguous()).isFalse();
        assertThatThrownBy(() -> t.view(6)).hasMessageContaining("view size is not compatible");
        NdArray r = t.reshape(6);
        assertThat(r.toFloatArray()).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(r.storage()).isNotSameAs(t.storage());
    }

    @Test
    void viewKeepsStridesWhereItCan() {
        // A [4, 6] slice of columns 0..2 viewed as [2, 2, 3]: splitting the row dim is stride-compatible.
        NdArray x = range(4, 6).narrow(1, 0, 3);
        NdArray v = x.view(2, 2, 3);
        assertThat(v.strides()).containsExactly(12, 6, 1);
        assertThat(v.toFloatArray()).containsExactly(x.toFloatArray());
    }

    @Test
    void permuteTransposeAndContiguous() {
        NdArray x = range(2, 3, 4);
        NdArray p = x.permute(2, 0, 1);
        assertThat(p.shape()).containsExactly(4, 2, 3);
        assertThat(p.strides()).containsExactly(1, 12, 4);
        NdArray c = p.contiguous();
        assertThat(c.isContiguous()).isTrue();
        assertThat(c.toFloatArray()[0]).isEqualTo(0f);
        assertThat(c.toFloatArray()[1]).isEqualTo(4f);
        assertThat(x.transpose(0, 2).shape()).containsExactly(4, 3, 2);
        assertThatThrownBy(() -> x.permute(0, 0, 1)).hasMessage("permute(): duplicate dims are not allowed.");
        assertThatThrownBy(() -> x.permute(0, 1)).hasMessage("number of dims don't match in permute");
        assertThatThrownBy(() -> x.t()).hasMessage("t() expects a tensor with <= 2 dimensions, but self is 3D");
    }

    @Test
    void expandBroadcastsWithZeroStride() {
        NdArray x = range(3, 1);
        NdArray e = x.expand(2, 3, 4);
        assertThat(e.strides()).containsExactly(0, 1, 0);
        assertThat(e.contiguous().toFloatArray()).containsExactly(
                0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
        assertThatThrownBy(() -> x.expand(2, 2)).hasMessageContaining(
                "The expanded size of the tensor (2) must match the existing size (3) at non-singleton dimension 0");
    }

    @Test
    void expandedRunsOfEveryDtypeCopyAsFills() {
        assertThat(NdArray.wrap(new double[] {1.5, -2}, 2, 1).expand(2, 3).contiguous().toDoubleArray())
                .containsExactly(1.5, 1.5, 1.5, -2, -2, -2);
        assertThat(NdArray.wrap(new long[] {7, 9}, 2, 1).expand(2, 3).contiguous().toLongArray())
                .containsExactly(7, 7, 7, 9, 9, 9);
        assertThat((boolean[]) NdArray.wrap(new boolean[] {true, false}, 2, 1).expand(2, 3).contiguous().toArray())
                .containsExactly(true, true, true, false, false, false);
        // A scalar expanded over a whole tensor (the gradient of sum()) is one fill.
        assertThat(NdArray.wrap(new float[] {3f}).expand(2, 2).contiguous().toFloatArray())
                .containsExactly(3f, 3f, 3f, 3f);
    }

    @Test
    void narrowSliceSelect() {
        NdArray x = range(4, 5);
        assertThat(x.narrow(1, 1, 2).toFloatArray()).containsExactly(1, 2, 6, 7, 11, 12, 16, 17);
        assertThat(x.slice(0, 0, 4, 2).toFloatArray()).containsExactly(0, 1, 2, 3, 4, 10, 11, 12, 13, 14);
        assertThat(x.slice(1, -2, 100, 1).shape()).containsExactly(4, 2);
        assertThat(x.select(1, -1).toFloatArray()).containsExactly(4, 9, 14, 19);
        assertThatThrownBy(() -> x.select(0, 4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 4 is out of bounds for dimension 0 with size 4");
        assertThatThrownBy(() -> x.narrow(0, 3, 2)).hasMessage("start (3) + length (2) exceeds dimension size (4).");
        assertThatThrownBy(() -> x.size(2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("Dimension out of range (expected to be in range of [-2, 1], but got 2)");
    }

    @Test
    void squeezeUnsqueezeFlatten() {
        NdArray x = range(1, 3, 1, 2);
        assertThat(x.squeeze().shape()).containsExactly(3, 2);
        assertThat(x.squeeze(0).shape()).containsExactly(3, 1, 2);
        assertThat(x.squeeze(1).shape()).containsExactly(1, 3, 1, 2);
        assertThat(x.unsqueeze(-1).shape()).containsExactly(1, 3, 1, 2, 1);
        assertThat(x.flatten(1, 3).shape()).containsExactly(1, 6);
        assertThat(NdArray.scalar(3f).flatten(0, -1).shape()).containsExactly(1);
    }

    @Test
    void viewsOutsideStorageAreRejected() {
        Storage s = CpuStorage.allocate(DType.FLOAT32, 6);
        assertThatThrownBy(() -> new NdArray(s, new int[] {2, 4}, new int[] {4, 1}, 0))
                .hasMessageContaining("extends past its storage of 6 elements");
        assertThat(new NdArray(s, new int[] {0, 4}, new int[] {4, 1}, 6).numel()).isZero();
    }

    @Test
    void dtypeConversionFollowsTorchCasts() {
        NdArray f = NdArray.wrap(new float[] {-1.7f, 0f, 2.5f, Float.NaN}, 4);
        assertThat(f.to(DType.INT64).toLongArray()).containsExactly(-1, 0, 2, 0);
        assertThat((boolean[]) f.to(DType.BOOL).toArray()).containsExactly(true, false, true, true);
        assertThat(NdArray.wrap(new long[] {3, -2}, 2).to(DType.FLOAT64).toDoubleArray()).containsExactly(3.0, -2.0);
        assertThat(f.to(DType.FLOAT32)).isSameAs(f);
    }

    @Test
    void wrapChecksElementCount() {
        assertThatThrownBy(() -> NdArray.wrap(new float[5], 2, 3)).hasMessage("shape '[2, 3]' is invalid for input of size 5");
        assertThatThrownBy(() -> NdArray.wrap(new int[3], 3)).hasMessageContaining("Unsupported array type int[]");
    }
}
