package jtorch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.functional.F;
import jtorch.tensor.DType;
import org.junit.jupiter.api.Test;

/** ReLU(inplace=true): in place when autograd does not record, out of place (input untouched) when it does. */
class ReLUInplaceTest {
    /** Exact, but 0 and -0 compare equal (the sign of a rectified zero is not specified). */
    private static final org.assertj.core.data.Offset<Float> EXACT = within(0f);
    private static final float[] VALUES = {0.5f, -1.5f, 2f, -0f, 0f, -3f, 7f, -0.25f, 1e-30f, -1e-30f, 4f, -4f};

    private static Tensor x() {
        return Torch.tensor(VALUES.clone(), 3, 4);
    }

    private static float[] relu(float[] v) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.max(0f, v[i]);
        }
        return r;
    }

    @Test
    void withoutGradModeItOverwritesAndReturnsItsInput() {
        Tensor x = x();
        Tensor y;
        try (var ng = Torch.noGrad()) {
            y = new ReLU(true).forward(x);
        }
        assertThat(y).isSameAs(x);
        assertThat(x.toFloatArray()).containsExactly(relu(VALUES), EXACT);
    }

    @Test
    void whileRecordingItLeavesTheInputAndGradientsAlone() {
        Tensor x = x().requiresGrad(true);
        Tensor y = new ReLU(true).forward(x);
        assertThat(y).isNotSameAs(x);
        assertThat(x.toFloatArray()).containsExactly(VALUES);
        assertThat(y.toFloatArray()).containsExactly(relu(VALUES), EXACT);
        y.mul(Torch.tensor(new float[] {3f}, 1)).sum().backward();
        float[] g = x.grad().toFloatArray();
        for (int i = 0; i < VALUES.length; i++) {
            assertThat(g[i]).as("grad %d", i).isEqualTo(VALUES[i] > 0 ? 3f : 0f);
        }
        // Grad mode on, input not requiring grad: still out of place (something recorded may have saved it).
        Tensor plain = x();
        assertThat(F.relu(plain, true)).isNotSameAs(plain);
        assertThat(plain.toFloatArray()).containsExactly(VALUES);
    }

    @Test
    void aStridedViewIsRectifiedWhereItLiesOnly() {
        Tensor base = x();
        Tensor view = base.t().narrow(0, 1, 2);   // columns 1 and 2 of base, transposed
        try (var ng = Torch.noGrad()) {
            assertThat(F.relu(view, true)).isSameAs(view);
        }
        float[] want = VALUES.clone();
        for (int r = 0; r < 3; r++) {
            for (int c = 1; c <= 2; c++) {
                want[r * 4 + c] = Math.max(0f, want[r * 4 + c]);
            }
        }
        assertThat(base.toFloatArray()).containsExactly(want, EXACT);
    }

    @Test
    void outOfPlaceWhenNotAskedOrNotFloatingPoint() {
        Tensor x = x();
        Tensor ints = Torch.tensor(new long[] {-2, 3, -1});
        try (var ng = Torch.noGrad()) {
            assertThat(new ReLU().forward(x)).isNotSameAs(x);
            Tensor r = F.relu(ints, true);
            assertThat(r).isNotSameAs(ints);
            assertThat(r.dtype()).isEqualTo(DType.INT64);
            assertThat(r.toLongArray()).containsExactly(0, 3, 0);
        }
        assertThat(x.toFloatArray()).containsExactly(VALUES);
        assertThat(ints.toLongArray()).containsExactly(-2, 3, -1);
    }
}
