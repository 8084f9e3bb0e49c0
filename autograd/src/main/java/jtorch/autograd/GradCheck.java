package jtorch.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jtorch.Tensor;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;

/**
 * {@code torch.autograd.gradcheck}: compares the analytical Jacobian (one backward per output element)
 * with central finite differences {@code (f(x + eps) − f(x − eps)) / 2·eps}, for every input that
 * requires grad, elementwise within {@code atol + rtol·|numerical|}. Inputs that require grad must be
 * float64 (float32 differences are too coarse); other inputs (targets, indices) pass through unchanged.
 * Defaults as PyTorch's: eps 1e-6, atol 1e-5, rtol 1e-3.
 */
public final class GradCheck {
    public static final double EPS = 1e-6;
    public static final double ATOL = 1e-5;
    public static final double RTOL = 1e-3;

    private GradCheck() {}

    /** Checks {@code f} at {@code inputs} with the default tolerances; throws AssertionError naming the first mismatch. */
    public static void check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(f, EPS, ATOL, RTOL, inputs);
    }

    public static void check(Function<Tensor[], Tensor> f, double eps, double atol, double rtol, Tensor... inputs) {
        List<Integer> differentiable = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            Tensor x = inputs[i];
            if (x != null && x.requiresGrad()) {
                if (x.dtype() != DType.FLOAT64) {
                    throw new IllegalArgumentException("gradcheck expects float64 inputs, but input " + i + " is "
                            + x.dtype());
                }
                differentiable.add(i);
            }
        }
        if (differentiable.isEmpty()) {
            throw new IllegalArgumentException("gradcheck expects at least one input tensor to require gradient");
        }
        Tensor out = f.apply(inputs);
        int outN = out.numel();
        for (int i : differentiable) {
            double[][] analytical = analytical(out, inputs[i], outN);
            double[][] numerical = numerical(f, inputs, i, eps, outN);
            compare(i, analytical, numerical, atol, rtol);
        }
    }

    /** Row r: the gradient of output element r with respect to the input, from one backward pass. */
    private static double[][] analytical(Tensor out, Tensor input, int outN) {
        if (out.gradFn() == null) {
            throw new AssertionError("gradcheck: the output does not require grad (grad_fn is None)");
        }
        double[][] jac = new double[outN][];
        Node target = input.gradEdge();
        for (int r = 0; r < outN; r++) {
            double[] seed = new double[outN];
            seed[r] = 1.0;
            Tensor g = new Tensor(NdArray.wrap(seed, out.shape()).to(out.dtype()));
            Map<Node, Tensor> got = Engine.run(new Tensor[] {out}, new Tensor[] {g}, true, false, List.of(target));
            Tensor grad = got.get(target);
            if (grad != null && !java.util.Arrays.equals(grad.shape(), input.shape())) {
                throw new AssertionError("gradcheck: gradient has shape " + java.util.Arrays.toString(grad.shape())
                        + " but its input has shape " + java.util.Arrays.toString(input.shape()));
            }
            jac[r] = grad == null ? new double[input.numel()] : grad.contiguous().toDoubleArray();
        }
        return jac;
    }

    /** Column c: the central difference of the outputs for input element c. */
    private static double[][] numerical(Function<Tensor[], Tensor> f, Tensor[] inputs, int which, double eps,
                                        int outN) {
        Tensor x = inputs[which];
        double[] base = x.contiguous().toDoubleArray();
        int n = base.length;
        double[][] jac = new double[outN][n];
        try (GradMode.Scope ignored = GradMode.set(false)) {
            for (int c = 0; c < n; c++) {
                double[] plus = evaluate(f, inputs, which, base, c, eps);
                double[] minus = evaluate(f, inputs, which, base, c, -eps);
                for (int r = 0; r < outN; r++) {
                    jac[r][c] = (plus[r] - minus[r]) / (2 * eps);
                }
            }
        }
        return jac;
    }

    private static double[] evaluate(Function<Tensor[], Tensor> f, Tensor[] inputs, int which, double[] base, int c,
                                     double delta) {
        double[] v = base.clone();
        v[c] += delta;
        Tensor[] args = inputs.clone();
        args[which] = new Tensor(NdArray.wrap(v, inputs[which].shape()));
        return f.apply(args).contiguous().toDoubleArray();
    }

    private static void compare(int input, double[][] analytical, double[][] numerical, double atol, double rtol) {
        for (int r = 0; r < analytical.length; r++) {
            for (int c = 0; c < analytical[r].length; c++) {
                double a = analytical[r][c];
                double n = numerical[r][c];
                if (!(Math.abs(a - n) <= atol + rtol * Math.abs(n))) {
                    throw new AssertionError("Jacobian mismatch for output " + r + " with respect to input " + input
                            + " element " + c + ": numerical " + n + ", analytical " + a);
                }
            }
        }
    }
}
