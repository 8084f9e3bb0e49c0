package jtorch.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import jtorch.Tensor;

/**
 * One recorded op in the autograd graph: PyTorch's {@code grad_fn}. It knows, for each input, the node
 * its gradient flows to ({@code null} where that input needs no gradient), and a backward function
 * that maps the gradient of the output to gradients of the inputs. The backward function holds the
 * saved tensors; {@link #release()} drops it, which is how a graph is freed after backward.
 */
public class Node {
    /**
     * Maps the output's gradient to one gradient per input (null entries for inputs needing none). The results
     * belong to the engine from then on (see {@link Graph#record}).
     */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(Tensor gradOutput);
    }

    private final String name;
    private final Node[] next;
    private Backward backward;
    private List<UnaryOperator<Tensor>> preHooks;
    private StackTraceElement[] creationTrace;

    public Node(String name, Node[] next, Backward backward) {
        this.name = name;
        this.next = next;
        this.backward = backward;
    }

    /** PyTorch's class name for this node, e.g. {@code AddmmBackward0}. */
    public String name() {
        return name;
    }

    /** The nodes the inputs' gradients flow to, in input order (PyTorch's {@code next_functions}). */
    public List<Node> nextFunctions() {
        return java.util.Arrays.asList(next.clone());
    }

    Node[] next() {
        return next;
    }

    /** Runs backward; throws PyTorch's message when the graph was already freed. */
    Tensor[] apply(Tensor gradOutput) {
        Backward b = backward;
        if (b == null) {
            throw new IllegalStateException("Trying to backward through the graph a second time (or directly access"
                    + " saved tensors after they have already been freed). Saved intermediate values of the graph are"
                    + " freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to"
                    + " backward through the graph a second time or if you need to access saved tensors after calling"
                    + " backward.");
        }
        return b.apply(gradOutput);
    }

    /** Drops the saved tensors: a later backward through this node fails. */
    void release() {
        backward = null;
    }

    /** Adds a hook run on the gradient arriving at this node before backward uses it. */
    public void registerPreHook(UnaryOperator<Tensor> hook) {
        if (preHooks == null) {
            preHooks = new ArrayList<>();
        }
        preHooks.add(hook);
    }

    boolean hasPreHooks() {
        return preHooks != null;
    }

    Tensor runPreHooks(Tensor grad) {
        if (preHooks != null) {
            for (UnaryOperator<Tensor> h : preHooks) {
                Tensor r = h.apply(grad);
                if (r != null) {
                    grad = r;
                }
            }
        }
        return grad;
    }

    /** Where the op was created, kept only under anomaly detection. */
    public StackTraceElement[] creationTrace() {
        return creationTrace;
    }

    public void setTrace(StackTraceElement[] trace) {
        this.creationTrace = trace;
    }

    @Override
    public String toString() {
        return "<" + name + ">";
    }
}
