package jtorch.nn.functional;

import jtorch.nn.Reduction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.autograd.GradCheck;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;
import jtorch.tensor.Generator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link GradCheck} (float64 central differences against backward) for every differentiable op of the
 * Tensor API and of {@link F}, on small random shapes. Inputs are kept away from kinks (0 for abs/relu,
 * the bounds of clamp) so the finite differences are meaningful.
 */
class GradCheckTest {
    private final Generator gen = new Generator(1234);
    private final List<DynamicTest> tests = new ArrayList<>();

    /** A float64 leaf of standard normals that requires grad. */
    private Tensor randn(int... shape) {
        return new Tensor(Creation.randn(gen, DType.FLOAT64, shape)).requiresGrad(true);
    }

    /** A float64 leaf uniform in [lo, hi) that requires grad. */
    private Tensor uniform(double lo, double hi, int... shape) {
        return new Tensor(Creation.uniform(gen, DType.FLOAT64, lo, hi, shape)).requiresGrad(true);
    }

    /** Standard normals moved at least 0.1 away from 0 (for kinks at 0). */
    private Tensor awayFromZero(int... shape) {
        Tensor x = new Tensor(Creation.randn(gen, DType.FLOAT64, shape));
        return x.add(x.sign().mul(0.1)).detach().requiresGrad(true);
    }

    /** A float64 constant uniform in [lo, hi) (weights, probability targets: no gradient checked). */
    private Tensor constant(double lo, double hi, int... shape) {
        return new Tensor(Creation.uniform(gen, DType.FLOAT64, lo, hi, shape));
    }

    private static Tensor longs(long... v) {
        return Torch.tensor(v);
    }

    private void check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        tests.add(DynamicTest.dynamicTest(name, () -> {
            try {
                GradCheck.check(f, inputs);
            } catch (AssertionError e) {
                throw new AssertionError(name + ": " + e.getMessage(), e);
            }
        }));
    }

    @org.junit.jupiter.api.Test
    void gradCheckCatchesAWrongBackward() {
        // y = 2x recorded with the backward of y = x: GradCheck must reject it.
        Function<Tensor[], Tensor> wrong = x -> jtorch.autograd.Graph.record("WrongBackward0",
                x[0].detach().mul(2.0).data(), g -> new Tensor[] {g}, x[0]);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> GradCheck.check(wrong, randn(3)));
    }

    @TestFactory
    Stream<DynamicTest> tensorOps() {
        check("add broadcast", x -> x[0].add(x[1]), randn(2, 1, 3), randn(4, 1));
        check("sub broadcast", x -> x[0].sub(x[1]), randn(3, 4), randn(4));
        check("mul broadcast", x -> x[0].mul(x[1]), randn(1), randn(2, 3));
        check("div broadcast", x -> x[0].div(x[1]), randn(2, 3), uniform(0.5, 2.0, 3));
        check("scalar ops", x -> x[0].add(2.0).mul(3.0).sub(1.0).div(4.0).rsub(1.0), randn(2, 3));
        check("pow scalar", x -> x[0].pow(3.0), randn(2, 3));
        check("pow tensor", x -> x[0].pow(x[1]), uniform(0.5, 2.0, 2, 3), randn(3));
        check("maximum", x -> x[0].maximum(x[1]), randn(2, 3), randn(2, 3));
        check("minimum", x -> x[0].minimum(x[1]), randn(2, 3), randn(3));
        check("neg", x -> x[0].neg(), randn(4));
        check("exp", x -> x[0].exp(), randn(2, 3));
        check("log", x -> x[0].log(), uniform(0.5, 3.0, 2, 3));
        check("sqrt", x -> x[0].sqrt(), uniform(0.5, 3.0, 5));
        check("rsqrt", x -> x[0].rsqrt(), uniform(0.5, 3.0, 5));
        check("abs", x -> x[0].abs(), awayFromZero(2, 3));
        check("reciprocal", x -> x[0].reciprocal(), uniform(0.5, 3.0, 5));
        check("square", x -> x[0].square(), randn(5));
        check("sigmoid", x -> x[0].sigmoid(), randn(2, 3));
        check("tanh", x -> x[0].tanh(), randn(2, 3));
        check("relu", x -> x[0].relu(), awayFromZero(2, 3));
        check("log1p", x -> x[0].log1p(), uniform(0.0, 2.0, 5));
        check("sin cos", x -> x[0].sin().add(x[0].cos()), randn(5));
        check("clamp", x -> x[0].clamp(-0.5, 0.5), awayFromZero(3, 3).mul(3.0).detach().requiresGrad(true));
        check("where", x -> x[0].where(x[0].gt(0.0), x[1]), awayFromZero(2, 3), randn(3));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> reductionsAndViews() {
        check("sum all", x -> x[0].sum(), randn(2, 3));
        check("sum dims keepdim", x -> x[0].sum(new int[] {0, 2}, true), randn(2, 3, 2));
        check("sum dim", x -> x[0].sum(1, false), randn(2, 3, 2));
        check("mean all", x -> x[0].mean(), randn(2, 3));
        check("mean dim", x -> x[0].mean(-1, false), randn(2, 3, 2));
        check("amax", x -> x[0].amax(1, false), randn(3, 4));
        check("amin keepdim", x -> x[0].amin(0, true), randn(3, 4));
        check("max all", x -> x[0].max(), randn(3, 4));
        check("softmax", x -> x[0].softmax(1), randn(2, 4, 2));
        check("logSoftmax", x -> x[0].logSoftmax(-1), randn(3, 4));
        check("view reshape", x -> x[0].view(6, 2).reshape(3, 4), randn(2, 3, 2));
        check("permute transpose t", x -> x[0].permute(2, 0, 1).transpose(0, 1).reshape(6, 2).t(), randn(2, 3, 2));
        check("expand", x -> x[0].expand(3, 2, 4), randn(2, 1));
        check("squeeze unsqueeze", x -> x[0].squeeze().unsqueeze(0).squeeze(0), randn(2, 1, 3));
        check("flatten", x -> x[0].flatten(1, 2), randn(2, 3, 2));
        check("narrow select", x -> x[0].narrow(1, 1, 2).select(0, 1), randn(2, 4, 3));
        check("contiguous clone", x -> x[0].t().contiguous().clone(), randn(3, 2));
        check("cat", x -> Torch.cat(List.of(x[0], x[1]), 1), randn(2, 2), randn(2, 3));
        check("stack", x -> Torch.stack(List.of(x[0], x[1]), 0), randn(2, 3), randn(2, 3));
        check("indexSelect", x -> x[0].indexSelect(1, longs(2, 0, 2)), randn(2, 3));
        check("gather", x -> x[0].gather(1, Torch.tensor(new long[] {0, 2, 1, 1}).reshape(2, 2)), randn(2, 3));
        check("flatten F", x -> F.flatten(x[0], 1), randn(2, 3, 2));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> matmulAndLinear() {
        check("mm", x -> x[0].mm(x[1]), randn(3, 4), randn(4, 2));
        check("matmul batched broadcast", x -> x[0].matmul(x[1]), randn(2, 1, 3, 4), randn(2, 4, 2));
        check("matmul vec mat", x -> x[0].matmul(x[1]), randn(4), randn(4, 3));
        check("matmul mat vec", x -> x[0].matmul(x[1]), randn(3, 4), randn(4));
        check("dot", x -> x[0].matmul(x[1]), randn(5), randn(5));
        check("bmm", x -> x[0].bmm(x[1]), randn(2, 3, 4), randn(2, 4, 2));
        check("linear bias", x -> F.linear(x[0], x[1], x[2]), randn(3, 4), randn(2, 4), randn(2));
        check("linear no bias", x -> F.linear(x[0], x[1]), randn(3, 4), randn(2, 4));
        check("linear 3-D", x -> F.linear(x[0], x[1], x[2]), randn(2, 3, 4), randn(2, 4), randn(2));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> convolutionAndPooling() {
        check("conv2d", x -> F.conv2d(x[0], x[1], x[2]), randn(2, 2, 5, 5), randn(3, 2, 3, 3), randn(3));
        check("conv2d stride padding", x -> F.conv2d(x[0], x[1], null, 2, 1), randn(1, 2, 5, 6), randn(2, 2, 3, 3));
        check("conv2d dilation", x -> F.conv2d(x[0], x[1], x[2], new int[] {1}, new int[] {2}, new int[] {2}, 1),
                randn(1, 2, 6, 6), randn(2, 2, 3, 3), randn(2));
        check("conv2d groups", x -> F.conv2d(x[0], x[1], x[2], new int[] {1, 2}, new int[] {0, 1}, new int[] {1}, 2),
                randn(1, 4, 5, 5), randn(4, 2, 2, 3), randn(4));
        check("conv2d unbatched", x -> F.conv2d(x[0], x[1], null), randn(2, 4, 4), randn(1, 2, 3, 3));
        check("maxPool2d", x -> F.maxPool2d(x[0], 2), randn(1, 2, 4, 4));
        check("maxPool2d stride padding dilation ceil", x -> F.maxPool2d(x[0], new int[] {3}, new int[] {2},
                new int[] {1}, new int[] {2}, true), randn(1, 2, 7, 7));
        check("avgPool2d", x -> F.avgPool2d(x[0], 2), randn(1, 2, 4, 4));
        check("avgPool2d ceil pad exclude", x -> F.avgPool2d(x[0], new int[] {3}, new int[] {2}, new int[] {1}, true,
                false), randn(1, 2, 6, 5));
        check("adaptiveAvgPool2d uneven", x -> F.adaptiveAvgPool2d(x[0], new int[] {3, 2}), randn(1, 2, 5, 5));
        check("adaptiveAvgPool2d even", x -> F.adaptiveAvgPool2d(x[0], 2), randn(1, 2, 4, 4));
        check("adaptiveMaxPool2d", x -> F.adaptiveMaxPool2d(x[0], new int[] {2, 3}), randn(1, 2, 5, 5));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> activations() {
        Tensor x = randn(3, 4).mul(4.0).detach().requiresGrad(true);   // spans the kinks at ±3 and 6
        check("relu", t -> F.relu(t[0]), awayFromZero(3, 4));
        check("relu6", t -> F.relu6(t[0]), x);
        check("hardtanh", t -> F.hardtanh(t[0], -2.0, 1.5), x);
        check("leakyRelu", t -> F.leakyRelu(t[0], 0.2), awayFromZero(3, 4));
        check("elu", t -> F.elu(t[0], 1.3), awayFromZero(3, 4));
        check("gelu", t -> F.gelu(t[0]), x);
        check("gelu tanh", t -> F.gelu(t[0], "tanh"), x);
        check("silu", t -> F.silu(t[0]), x);
        check("hardswish", t -> F.hardswish(t[0]), x);
        check("hardsigmoid", t -> F.hardsigmoid(t[0]), x);
        check("sigmoid", t -> F.sigmoid(t[0]), x);
        check("tanh", t -> F.tanh(t[0]), x);
        check("softmax", t -> F.softmax(t[0], 0), x);
        check("logSoftmax", t -> F.logSoftmax(t[0], 1), x);
        check("dropout (reseeded)", t -> {
            Torch.manualSeed(7);
            return F.dropout(t[0], 0.4, true);
        }, x);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> normalizationAndPadding() {
        Tensor rm = new Tensor(Creation.zeros(DType.FLOAT64, 3));
        Tensor rv = new Tensor(Creation.ones(DType.FLOAT64, 3));
        check("batchNorm training", t -> F.batchNorm(t[0], rm, rv, t[1], t[2], true, 0.1, 1e-5),
                randn(4, 3, 2, 2), randn(3), randn(3));
        check("batchNorm training 2-D no affine", t -> F.batchNorm(t[0], null, null, null, null, true, 0.1, 1e-5),
                randn(5, 3));
        check("batchNorm eval", t -> F.batchNorm(t[0], rm, rv, t[1], t[2], false, 0.1, 1e-5),
                randn(2, 3, 2), randn(3), randn(3));
        check("layerNorm", t -> F.layerNorm(t[0], new int[] {2, 3}, t[1], t[2], 1e-5),
                randn(2, 2, 3), randn(2, 3), randn(2, 3));
        check("layerNorm no affine", t -> F.layerNorm(t[0], new int[] {4}), randn(3, 4));
        check("pad constant", t -> F.pad(t[0], new int[] {1, 2, 0, 1}, "constant", 0.5), randn(2, 2, 3));
        check("pad negative", t -> F.pad(t[0], new int[] {-1, 1}), randn(2, 4));
        check("pad reflect", t -> F.pad(t[0], new int[] {2, 1, 1, 1}, "reflect"), randn(1, 3, 4));
        check("pad replicate", t -> F.pad(t[0], new int[] {2, 1}, "replicate"), randn(2, 3));
        check("pad circular", t -> F.pad(t[0], new int[] {1, 2}, "circular"), randn(2, 3));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> losses() {
        for (Reduction r : Reduction.values()) {
            check("l1Loss " + r, t -> F.l1Loss(t[0], t[1], r), randn(2, 3), randn(2, 3));
            check("mseLoss " + r, t -> F.mseLoss(t[0], t[1], r), randn(2, 3), randn(2, 3));
            check("mseLoss broadcast " + r, t -> F.mseLoss(t[0], t[1], r), randn(2, 3), randn(3));
            check("smoothL1Loss " + r, t -> F.smoothL1Loss(t[0], t[1], r, 0.5), randn(2, 3), randn(2, 3));
            check("huberLoss " + r, t -> F.huberLoss(t[0], t[1], r, 0.7), randn(2, 3), randn(2, 3));
            check("binaryCrossEntropy " + r, t -> F.binaryCrossEntropy(t[0], t[1], t[2], r),
                    uniform(0.05, 0.95, 2, 3), uniform(0.0, 1.0, 2, 3), constant(0.5, 1.5, 3));
            check("binaryCrossEntropyWithLogits " + r,
                    t -> F.binaryCrossEntropyWithLogits(t[0], t[1], t[2], t[3], r),
                    randn(2, 3), uniform(0.0, 1.0, 2, 3), constant(0.5, 1.5, 3), constant(0.5, 2.0, 3));
            check("nllLoss weight ignore " + r, t -> F.nllLoss(t[0], longs(1, -100, 2, 0), t[1], -100, r),
                    randn(4, 3), constant(0.5, 1.5, 3));
            check("crossEntropy " + r, t -> F.crossEntropy(t[0], longs(1, 0, 2, 2), null, -100, r),
                    randn(4, 3));
            check("crossEntropy weight ignore " + r,
                    t -> F.crossEntropy(t[0], longs(1, 0, 2, 1), t[1], 1, r), randn(4, 3), constant(0.5, 1.5, 3));
            check("crossEntropy label smoothing " + r,
                    t -> F.crossEntropy(t[0], longs(1, 0, 2, -100), t[1], -100, r, 0.2),
                    randn(4, 3), constant(0.5, 1.5, 3));
            check("crossEntropy probabilities " + r,
                    t -> F.crossEntropy(t[0], t[1], t[2], -100, r, 0.1),
                    randn(3, 4), constant(0.0, 1.0, 3, 4), constant(0.5, 1.5, 4));
            check("crossEntropy K-dim " + r,
                    t -> F.crossEntropy(t[0], longs(0, 2, 1, 1, 2, 0).reshape(1, 2, 3), null, -100, r),
                    randn(1, 3, 2, 3));
            check("crossEntropy 1-D input " + r, t -> F.crossEntropy(t[0], longs(2).reshape(), null, -100, r),
                    randn(4));
        }
        return tests.stream();
    }
}
