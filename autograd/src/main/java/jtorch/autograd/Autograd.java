package jtorch.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.tensor.NdArray;

/** {@code torch.autograd}: gradients without accumulation, and anomaly detection. */
public final class Autograd {
    private Autograd() {}

    /** Gradients of the sum of scalar {@code outputs} with respect to {@code inputs}; leaves' grad is untouched. */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs) {
        return grad(outputs, inputs, null, false, false);
    }

    /**
     * {@code torch.autograd.grad}: {@code gradOutputs} (null for ones) seed each output; with
     * {@code createGraph} the result can itself be differentiated. An input the outputs do not depend on
     * is an error, as in PyTorch with {@code allow_unused=False}.
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs,
                                    boolean retainGraph, boolean createGraph) {
        Tensor[] roots = outputs.toArray(Tensor[]::new);
        Tensor[] seeds = new Tensor[roots.length];
        for (int i = 0; i < roots.length; i++) {
            Tensor seed = gradOutputs == null ? null : gradOutputs.get(i);
            if (seed == null) {
                if (roots[i].numel() != 1) {
                    throw new IllegalStateException("grad can be implicitly created only for scalar outputs");
                }
                NdArray ones = NdArray.zeros(roots[i].data().backend(), roots[i].dtype(), roots[i].shape());
                ones.backend().fill(ones, 1.0);
                seed = new Tensor(ones);
            }
            seeds[i] = seed;
        }
        List<Node> targets = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Node n = inputs.get(i).gradEdge();
            if (n == null) {
                throw new IllegalStateException("One of the differentiated Tensors does not require grad");
            }
            targets.add(n);
        }
        Map<Node, Tensor> got = Engine.run(roots, seeds, retainGraph || createGraph, createGraph, targets);
        List<Tensor> result = new ArrayList<>();
        for (Node n : targets) {
            Tensor g = got.get(n);
            if (g == null) {
                throw new IllegalStateException("One of the differentiated Tensors appears to not have been used in the"
                        + " graph. Set allow_unused=True if this is the desired behavior.");
            }
            result.add(g);
        }
        return result;
    }

    /**
     * Enables anomaly detection on this thread until closed ({@code torch.autograd.detect_anomaly}): a backward
     * that produces NaN or Inf throws an {@link ArithmeticException} naming the op and where it was created.
     * {@snippet :
     * try (var anomaly = Autograd.detectAnomaly()) {
     *     loss.backward();   // throws "Function 'SqrtBackward0' returned nan values in its 0th output. ..."
     * }
     * }
     */
    public static Anomaly.Scope detectAnomaly() {
        return Anomaly.enable();
    }
}
