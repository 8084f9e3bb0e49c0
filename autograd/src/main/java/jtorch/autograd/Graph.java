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
