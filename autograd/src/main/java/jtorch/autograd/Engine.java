package jtorch.autograd;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jtorch.Tensor;
import jtorch.tensor.NdArray;

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
        // Storages a leaf may take as its gradient without a copy: not a root gradient (the caller's), and
        // each taken once. PERF: copying every first gradient moved VGG16's 553 MB of gradients twice more
        // per training step (allocation, zeroing and copy) than taking them.
        Set<Object> pinned = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Tensor g : grads) {
            pinned.add(g.data().storage());
        }
        Set<Object> adopted = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean hooksSeen = false;
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
                // A hook may keep the gradient it sees (and retainGrad's does): from the first one on, copy.
                hooksSeen |= node.hasPreHooks();
                grad = node.runPreHooks(grad);
                if (captured != null && capture.contains(node)) {
                    captured.merge(node, grad, (a, b) -> a.add(b));
                }
                if (node instanceof AccumulateGrad acc) {
                    if (capture == null) {
                        Tensor leaf = acc.variable();
                        if (!createGraph && !retainGraph && !hooksSeen && leaf.grad() == null
                                && ownsStorage(grad, pinned, adopted, pending)) {
                            adopted.add(grad.data().storage());
                            leaf.adoptGrad(grad);
                        } else {
                            leaf.accumulateGrad(grad, createGraph);
                        }
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

    /**
     * Whether {@code grad} alone holds its storage as far as this backward pass knows: contiguous over the whole
     * storage (not a view into a larger buffer), not a root gradient, not already some leaf's gradient, and not
     * shared with a gradient still pending for another node (an add passes one gradient to both operands).
     * Gradients reach here only from backward functions and sums; with retainGraph the graph's saved tensors
     * live on, so the engine copies then.
     */
    private static boolean ownsStorage(Tensor grad, Set<Object> pinned, Set<Object> adopted,
                                       Map<Node, Tensor> pending) {
        NdArray d = grad.data();
        Object st = d.storage();
        if (!d.isContiguous() || d.offset() != 0 || d.storage().size() != d.numel() || pinned.contains(st)
                || adopted.contains(st)) {
            return false;
        }
        for (Tensor other : pending.values()) {
            if (other.data().storage() == st) {
                return false;
            }
        }
        return true;
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
