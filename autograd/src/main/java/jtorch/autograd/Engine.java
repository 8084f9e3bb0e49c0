package jtorch.autograd;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;

/**
 * Runs backward over the graph: an explicit-stack walk counts, for every node reachable from the roots,
 * how many gradients will arrive; a node runs once all have arrived (so each runs once, in a
 * topological order), and its outputs are summed into the pending gradients of the nodes it feeds.
 * No recursion: graphs thousands of ops deep are fine.
 */
public final class Engine {
    private Engine() {}

    /**
     * Back-propagates {@code grads} from {@code roots}. With {@code capture == null} gradients accumulate
     * into leaves' {@code grad()}; otherwise the gradients reaching the nodes in {@code capture} (the
     * tensors of {@code Autograd.grad}) are returned in a map instead and nothing accumulates.
     */
    public static Map<Node, Tensor> run(Tensor[] roots, Tensor[] grads, boolean retainGraph, boolean createGraph,
                                        List<Node> capture) {
        Node[] rootNodes = new Node[roots.length];
        for (int i = 0; i < roots.length; i++) {
            rootNodes[i] = roots[i].gradEdge();
            if (rootNodes[i] == null) {
                throw new IllegalStateException("element " + i + " of tensors does not require grad and does not have"
                        + " a grad_fn");
            }
        }
        Map<Node, Integer> dependencies = countDependencies(rootNodes);
        Map<Node, Tensor> pending = new IdentityHashMap<>();
        for (int i = 0; i < roots.length; i++) {
            accumulate(pending, rootNodes[i], grads[i]);
        }
        Map<Node, Tensor> captured = capture == null ? null : new IdentityHashMap<>();
        ArrayDeque<Node> ready = new ArrayDeque<>();
        for (Node r : rootNodes) {
            if (dependencies.getOrDefault(r, 0) == 0 && !ready.contains(r)) {
                ready.push(r);
            }
        }
        boolean anomaly = Anomaly.isEnabled();
        try (GradMode.Scope ignored = GradMode.set(createGraph)) {
            while (!ready.isEmpty()) {
                Node node = ready.pop();
                Tensor grad = pending.remove(node);
                if (grad == null) {
                    // No gradient reached this node (its consumers gave none); its inputs still stop waiting.
                    release(node, retainGraph);
                    for (Node n : node.next()) {
                        if (n != null && dependencies.merge(n, -1, Integer::sum) == 0) {
                            ready.push(n);
                        }
                    }
                    continue;
                }
                grad = node.runPreHooks(grad);
                if (captured != null && capture.contains(node)) {
                    captured.merge(node, grad, (a, b) -> a.add(b));
                }
                if (node instanceof AccumulateGrad acc) {
                    if (capture == null) {
                        acc.variable().accumulateGrad(grad, createGraph);
                    }
                    continue;
                }
                Tensor[] inputGrads = node.apply(grad);
                if (anomaly) {
                    Anomaly.check(node, inputGrads);
                }
                release(node, retainGraph);
                Node[] next = node.next();
                for (int i = 0; i < next.length; i++) {
                    Node n = next[i];
                    if (n == null) {
                        continue;
                    }
                    if (i < inputGrads.length && inputGrads[i] != null) {
                        accumulate(pending, n, inputGrads[i]);
                    }
                    int left = dependencies.merge(n, -1, Integer::sum);
                    if (left == 0) {
                        ready.push(n);
                    }
                }
            }
        }
        return captured;
    }

    private static void release(Node node, boolean retainGraph) {
        if (!retainGraph) {
            node.release();
        }
    }

    private static void accumulate(Map<Node, Tensor> pending, Node node, Tensor grad) {
        pending.merge(node, grad, (a, b) -> a.add(b));
    }

    /** For every reachable node, the number of edges into it from reachable nodes. */
    private static Map<Node, Integer> countDependencies(Node[] roots) {
        Map<Node, Integer> deps = new IdentityHashMap<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        for (Node r : roots) {
            if (seen.put(r, Boolean.TRUE) == null) {
                stack.push(r);
            }
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (Node m : n.next()) {
                if (m == null) {
                    continue;
                }
                deps.merge(m, 1, Integer::sum);
                if (seen.put(m, Boolean.TRUE) == null) {
                    stack.push(m);
                }
            }
        }
        return deps;
    }
}
