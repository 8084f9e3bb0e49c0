package jtorch.nn.functional;

import jtorch.nn.Reduction;
import java.util.Map;
import java.util.function.Function;
import jtorch.Tensor;

/** The dispatcher of {@link TorchReferenceTest}: one entry per {@code __metadata__.op}, each computing the forward. */
final class ReferenceOps {
    private ReferenceOps() {}

    private static final Map<String, Function<ReferenceCase, Tensor>> OPS = Map.ofEntries(
            Map.entry("add", c -> c.input("a").add(c.input("b"))),
            Map.entry("sub", c -> c.input("a").sub(c.input("b"))),
            Map.entry("mul", c -> c.input("a").mul(c.input("b"))),
            Map.entry("div", c -> c.input("a").div(c.input("b"))),
            Map.entry("matmul", c -> c.input("a").matmul(c.input("b"))),
            Map.entry("sum", ReferenceOps::sum),
            Map.entry("mean", ReferenceOps::mean),
            Map.entry("amax", c -> c.input("input").amax(c.integer("dim"), c.bool("keepdim"))),
            Map.entry("exp", c -> unary(c, Tensor::exp)),
            Map.entry("relu", c -> unary(c, F::relu)),
            Map.entry("relu6", c -> unary(c, F::relu6)),
            Map.entry("sigmoid", c -> unary(c, F::sigmoid)),
            Map.entry("tanh", c -> unary(c, F::tanh)),
            Map.entry("silu", c -> unary(c, F::silu)),
            Map.entry("gelu", c -> unary(c, x -> F.gelu(x, c.meta("approximate", "none")))),
            Map.entry("elu", c -> unary(c, x -> F.elu(x, c.real("alpha", 1.0)))),
            Map.entry("leaky_relu", c -> unary(c, x -> F.leakyRelu(x, c.real("negative_slope", 0.01)))),
            Map.entry("hardswish", c -> unary(c, F::hardswish)),
            Map.entry("hardsigmoid", c -> unary(c, F::hardsigmoid)),
            Map.entry("softmax", c -> F.softmax(c.input("input"), c.integer("dim"))),
            Map.entry("log_softmax", c -> F.logSoftmax(c.input("input"), c.integer("dim"))),
            Map.entry("linear", c -> F.linear(c.input("input"), c.input("weight"), c.optionalInput("bias"))),
            Map.entry("conv2d", c -> F.conv2d(c.input("input"), c.input("weight"), c.optionalInput("bias"),
                    c.ints("stride"), c.ints("padding"), c.ints("dilation"), c.integer("groups"))),
            Map.entry("max_pool2d", c -> F.maxPool2d(c.input("input"), c.ints("kernel_size"), c.ints("stride"),
                    c.ints("padding"), c.ints("dilation"), c.bool("ceil_mode"))),
            Map.entry("avg_pool2d", c -> F.avgPool2d(c.input("input"), c.ints("kernel_size"), c.ints("stride"),
                    c.ints("padding"), c.bool("ceil_mode"), c.bool("count_include_pad"))),
            Map.entry("adaptive_avg_pool2d", c -> F.adaptiveAvgPool2d(c.input("input"), c.ints("output_size"))),
            Map.entry("adaptive_max_pool2d", c -> F.adaptiveMaxPool2d(c.input("input"), c.ints("output_size"))),
            Map.entry("batch_norm2d", ReferenceOps::batchNorm),
            Map.entry("l1_loss", c -> F.l1Loss(c.input("input"), c.constant("target"), reduction(c))),
            Map.entry("mse_loss", c -> F.mseLoss(c.input("input"), c.constant("target"), reduction(c))),
            Map.entry("smooth_l1_loss", c -> F.smoothL1Loss(c.input("input"), c.constant("target"), reduction(c),
                    c.real("beta", 1.0))),
            Map.entry("huber_loss", c -> F.huberLoss(c.input("input"), c.constant("target"), reduction(c),
                    c.real("delta", 1.0))),
            Map.entry("binary_cross_entropy", c -> F.binaryCrossEntropy(c.input("input"), c.constant("target"),
                    c.optionalConstant("weight"), reduction(c))),
            Map.entry("binary_cross_entropy_with_logits", c -> F.binaryCrossEntropyWithLogits(c.input("input"),
                    c.constant("target"), c.optionalConstant("weight"), c.optionalConstant("pos_weight"), reduction(c))),
            Map.entry("cross_entropy", c -> F.crossEntropy(c.input("input"), c.constant("target"),
                    c.optionalConstant("weight"), Long.parseLong(c.meta("ignore_index", "-100")), reduction(c),
                    c.real("label_smoothing", 0.0))),
            Map.entry("nll_loss", c -> F.nllLoss(c.input("input"), c.constant("target"), c.optionalConstant("weight"),
                    Long.parseLong(c.meta("ignore_index", "-100")), reduction(c))));

    /** The forward of the case's op, or an AssertionError for an op the dispatcher does not know. */
    static Tensor forward(ReferenceCase c) {
        Function<ReferenceCase, Tensor> op = OPS.get(c.op());
        if (op == null) {
            throw new AssertionError(c.name + ": no dispatcher entry for op '" + c.op() + "'");
        }
        return op.apply(c);
    }

    /** An elementwise activation; the generator records a (meaningless) {@code dim} on each of these cases. */
    private static Tensor unary(ReferenceCase c, Function<Tensor, Tensor> f) {
        c.ignoreMeta("dim");
        return f.apply(c.input("input"));
    }

    private static Tensor sum(ReferenceCase c) {
        int[] dims = c.dimsOrNull("dim");
        boolean keepdim = c.bool("keepdim");
        Tensor x = c.input("input");
        return dims == null ? x.sum() : x.sum(dims, keepdim);
    }

    private static Tensor mean(ReferenceCase c) {
        int[] dims = c.dimsOrNull("dim");
        boolean keepdim = c.bool("keepdim");
        Tensor x = c.input("input");
        return dims == null ? x.mean() : x.mean(dims, keepdim);
    }

    private static Tensor batchNorm(ReferenceCase c) {
        Tensor runningMean = c.constant("running_mean");
        Tensor runningVar = c.constant("running_var");
        Tensor out = F.batchNorm(c.input("input"), runningMean, runningVar, c.input("weight"), c.input("bias"),
                c.bool("training"), c.real("momentum", 0.1), c.real("eps", 1e-5));
        c.extraOutputs.put("running_mean_after", runningMean);
        c.extraOutputs.put("running_var_after", runningVar);
        return out;
    }

    private static Reduction reduction(ReferenceCase c) {
        return Reduction.of(c.meta("reduction"));
    }
}
