package jtorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jtorch.autograd.Autograd;
import org.junit.jupiter.api.Test;

class AutogradTest {
    @Test
    void backwardAccumulatesIntoLeaves() {
        Tensor x = Torch.tensor(new float[] {1, 2, 3}).requiresGrad(true);
        Tensor y = Torch.tensor(new float[] {4, 5, 6}).requiresGrad(true);
        Tensor loss = x.mul(y).sum();
        assertThat(loss.toString()).isEqualTo("tensor(32., grad_fn=<SumBackward0>)");
        loss.backward();
        assertThat(x.grad().toFloatArray()).containsExactly(4, 5, 6);
        assertThat(y.grad().toFloatArray()).containsExactly(1, 2, 3);
        // Forgetting zero_grad accumulates, as in PyTorch.
        x.mul(y).sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(8, 10, 12);
    }

    @Test
    void leafPrintsRequiresGrad() {
        assertThat(Torch.tensor(new float[] {1, 2}).requiresGrad(true).toString())
                .isEqualTo("tensor([1., 2.], requires_grad=True)");
    }

    @Test
    void secondBackwardThroughFreedGraphFails() {
        Tensor x = Torch.tensor(new float[] {1, 2}).requiresGrad(true);
        Tensor loss = x.exp().sum();
        loss.backward();
        assertThatThrownBy(loss::backward).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Trying to backward through the graph a second time");
        Tensor kept = x.exp().sum();
        kept.backward(null, true);
        kept.backward();   // retained: works once more
    }

    @Test
    void errorsMatchTorch() {
        Tensor x = Torch.tensor(new float[] {1, 2});
        assertThatThrownBy(x::backward).hasMessage("element 0 of tensors does not require grad and does not have a grad_fn");
        Tensor y = Torch.tensor(new float[] {1, 2}).requiresGrad(true).mul(2.0);
        assertThatThrownBy(y::backward).hasMessage("grad can be implicitly created only for scalar outputs");
        assertThatThrownBy(() -> Torch.tensor(new long[] {1}).requiresGrad(true))
                .hasMessage("only Tensors of floating point dtype can require gradients");
    }

    @Test
    void sharedSubexpressionGetsBothGradients() {
        Tensor x = Torch.tensor(new float[] {3}).requiresGrad(true);
        Tensor y = x.mul(x).add(x);   // dy/dx = 2x + 1
        y.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(7);
    }

    @Test
    void broadcastGradientsSumBack() {
        Tensor a = Torch.ones(2, 3).requiresGrad(true);
        Tensor b = Torch.ones(3).requiresGrad(true);
        a.add(b).mul(2.0).sum().backward();
        assertThat(b.grad().shape()).containsExactly(3);
        assertThat(b.grad().toFloatArray()).containsExactly(4, 4, 4);
        assertThat(a.grad().toFloatArray()).containsOnly(2f);
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = Torch.ones(2).requiresGrad(true);
        try (var ignored = Torch.noGrad()) {
            Tensor y = x.mul(2.0);
            assertThat(y.requiresGrad()).isFalse();
            assertThat(y.gradFn()).isNull();
        }
        assertThat(x.mul(2.0).gradFn().name()).isEqualTo("MulBackward1");
    }

    @Test
    void hooksSeeAndReplaceGradients() {
        Tensor x = Torch.ones(2).requiresGrad(true);
        Tensor y = x.mul(3.0);
        y.registerHook(g -> g.mul(10.0));
        y.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(30, 30);
    }

    @Test
    void autogradGradReturnsWithoutAccumulating() {
        Tensor x = Torch.tensor(new float[] {2}).requiresGrad(true);
        Tensor y = x.pow(3.0);
        List<Tensor> g = Autograd.grad(List.of(y.sum()), List.of(x));
        assertThat(g.getFirst().toFloatArray()).containsExactly(12);
        assertThat(x.grad()).isNull();
    }

    @Test
    void deepGraphDoesNotOverflowTheStack() {
        Tensor x = Torch.ones(1).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) {
            y = y.add(1.0);
        }
        y.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(1);
    }

    @Test
    void gradFnNamesFollowTorch() {
        Tensor a = Torch.ones(2, 2).requiresGrad(true);
        assertThat(a.matmul(a).gradFn().name()).isEqualTo("MmBackward0");
        assertThat(a.view(4).gradFn().name()).isEqualTo("ViewBackward0");
        assertThat(a.mean().gradFn().name()).isEqualTo("MeanBackward0");
        assertThat(a.sum(0, false).gradFn().name()).isEqualTo("SumBackward1");
        assertThat(a.add(a).gradFn().name()).isEqualTo("AddBackward0");
        assertThat(a.logSoftmax(1).gradFn().name()).isEqualTo("LogSoftmaxBackward0");
    }
}
