package jtorch.autograd;

import jtorch.Tensor;
import jtorch.tensor.NdArray;

/**
 * Records ops into the autograd graph: wraps a result and, when any input needs a gradient, links a
 * node. Every differentiable op (in {@code jtorch} and {@code jtorch.nn.functional}) goes through here.
 */
public final class Graph {
    private Graph() {}

    /** True when an op on these inputs must be recorded. */
    public static boolean needsGrad(Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return false;
        }
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The result tensor of an op: a plain tensor, or one whose {@code gradFn} is a new node named
     * {@code name} running {@code backward}, with one edge per input (in order).
     *
     * <p>Contract: the gradients {@code backward} returns are handed over to the engine, which may make one a
     * leaf's {@code grad()} and add into it in place later (see {@link Engine}). A backward returns fresh results
     * or views of the gradient it received, never a tensor it keeps (a cached constant must be returned as a
     * copy).
     */
    public static Tensor record(String name, NdArray out, Node.Backward backward, Tensor... inputs) {
        if (!needsGrad(inputs)) {
            return new Tensor(out);
        }
        Node[] next = new Node[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            next[i] = inputs[i] == null ? null : inputs[i].gradEdge();
        }
        Node node = new Node(name, next, backward);
        if (Anomaly.isEnabled()) {
            AnomalyTrace.attach(node);
        }
        return Tensor.withGradFn(out, node);
    }
}
