package jtorch.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import org.junit.jupiter.api.Test;

/**
 * The engine hands a leaf its first gradient without copying when nothing else can reach that gradient's
 * storage. Every case here would go wrong if it took a storage that is shared: a later in-place
 * accumulation into one leaf's gradient would show up in another tensor.
 */
class GradAdoptionTest {
    private static Tensor leaf(float... v) {
        return Torch.tensor(v).requiresGrad(true);
    }

    @Test
    void twoLeavesFedOneGradientKeepSeparateGradients() {
        Tensor a = leaf(1, 2);
        Tensor b = leaf(3, 4);
        // MulBackward gives one fresh gradient; AddBackward passes that same tensor to both leaves.
        a.add(b).mul(Torch.tensor(new float[] {2, 3})).backward(Torch.tensor(new float[] {1, 1}));
        assertThat(a.grad().data().storage()).isNotSameAs(b.grad().data().storage());
        a.add(b).mul(Torch.tensor(new float[] {2, 3})).backward(Torch.tensor(new float[] {1, 1}));
        assertThat(a.grad().toFloatArray()).containsExactly(4, 6);
        assertThat(b.grad().toFloatArray()).containsExactly(4, 6);
    }

    @Test
    void theCallersRootGradientIsNeverTaken() {
        Tensor a = leaf(1, 2);
        Tensor g = Torch.tensor(new float[] {5, 7});
        a.add(Torch.tensor(new float[] {1, 1})).backward(g);   // AddBackward passes g itself through
        a.add(Torch.tensor(new float[] {1, 1})).backward(Torch.tensor(new float[] {1, 1}));
        assertThat(a.grad().toFloatArray()).containsExactly(6, 8);
        assertThat(g.toFloatArray()).containsExactly(5, 7);
    }

    @Test
    void aGradientAHookKeptIsCopied() {
        Tensor a = leaf(1, 2);
        List<Tensor> seen = new ArrayList<>();
        // MulBackward makes a fresh gradient; the hook on AddBackward sees it, and AddBackward passes that same
        // tensor on to the leaf.
        Tensor mid = a.add(Torch.tensor(new float[] {0, 0}));
        mid.registerHook(gr -> {
            seen.add(gr);
            return null;
        });
        mid.mul(Torch.tensor(new float[] {3, 3})).backward(Torch.tensor(new float[] {1, 1}));
        a.mul(Torch.tensor(new float[] {3, 3})).backward(Torch.tensor(new float[] {1, 1}));
        assertThat(a.grad().toFloatArray()).containsExactly(6, 6);
        assertThat(seen.get(0).toFloatArray()).containsExactly(3, 3);
    }

    @Test
    void retainedGraphsCopy() {
        Tensor a = leaf(1, 2);
        Tensor out = a.mul(Torch.tensor(new float[] {2, 2}));
        out.backward(Torch.tensor(new float[] {1, 1}), true);
        out.backward(Torch.tensor(new float[] {1, 1}));
        assertThat(a.grad().toFloatArray()).containsExactly(4, 4);
    }

    @Test
    void laterGradientsAddIntoTheFirst() {
        Tensor a = leaf(1, 2);
        a.mul(Torch.tensor(new float[] {2, 5})).backward(Torch.tensor(new float[] {1, 1}));
        Tensor first = a.grad();
        a.mul(Torch.tensor(new float[] {2, 5})).backward(Torch.tensor(new float[] {1, 1}));
        assertThat(a.grad()).isSameAs(first);
        assertThat(a.grad().toFloatArray()).containsExactly(4, 10);
    }
}
