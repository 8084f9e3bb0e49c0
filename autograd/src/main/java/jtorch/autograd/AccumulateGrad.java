package jtorch.autograd;

import jtorch.Tensor;

/** The sink of a leaf tensor's gradient: accumulates into {@code leaf.grad()} (PyTorch's AccumulateGrad). */
public final class AccumulateGrad extends Node {
    private final Tensor leaf;

    public AccumulateGrad(Tensor leaf) {
        super("AccumulateGrad", new Node[0], g -> new Tensor[0]);
        this.leaf = leaf;
    }

    public Tensor variable() {
        return leaf;
    }

    @Override
    void release() {
        // Nothing saved; an AccumulateGrad stays usable for the next graph through the same leaf.
    }
}
