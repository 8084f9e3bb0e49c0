package jtorch.serialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.AvgPool2d;
import jtorch.nn.BCELoss;
import jtorch.nn.BCEWithLogitsLoss;
import jtorch.nn.BatchNorm1d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.BatchNormBase;
import jtorch.nn.Conv2d;
import jtorch.nn.CrossEntropyLoss;
import jtorch.nn.Dropout;
import jtorch.nn.Flatten;
import jtorch.nn.GELU;
import jtorch.nn.Hardsigmoid;
import jtorch.nn.Hardswish;
import jtorch.nn.HuberLoss;
import jtorch.nn.Identity;
import jtorch.nn.L1Loss;
import jtorch.nn.LayerNorm;
import jtorch.nn.LeakyReLU;
import jtorch.nn.Linear;
import jtorch.nn.LogSoftmax;
import jtorch.nn.Loss;
import jtorch.nn.MSELoss;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Module;
import jtorch.nn.ModuleDict;
import jtorch.nn.ModuleList;
import jtorch.nn.NLLLoss;
import jtorch.nn.ReLU;
import jtorch.nn.ReLU6;
import jtorch.nn.Reduction;
import jtorch.nn.SiLU;
import jtorch.nn.SmoothL1Loss;
import jtorch.nn.Softmax;
import jtorch.tensor.DType;

/**
 * The factories of {@code jtorch.nn}'s built-in layers: each records the constructor arguments from the
 * layer's public fields (PyTorch's names) and calls the constructor that takes them all. Containers record
 * nothing: their children come back from the recorded tree.
 */
final class NnFactories {
    private NnFactories() {}

    static List<ModuleFactory> all() {
        List<ModuleFactory> f = new ArrayList<>();
        f.add(of(ModuleList.class, m -> cfg(), c -> new ModuleList()));
        f.add(of(ModuleDict.class, m -> cfg(), c -> new ModuleDict()));
        f.add(of(Identity.class, m -> cfg(), c -> new Identity()));
        f.add(of(Linear.class, m -> cfg("in_features", m.inFeatures, "out_features", m.outFeatures, "bias", m.bias != null),
                c -> new Linear(i(c, "in_features"), i(c, "out_features"), b(c, "bias"))));
        f.add(of(Conv2d.class, NnFactories::conv2dConfig, c -> new Conv2d(i(c, "in_channels"), i(c, "out_channels"),
                ints(c, "kernel_size"), ints(c, "stride"), ints(c, "padding"), ints(c, "dilation"), i(c, "groups"),
                b(c, "bias"), s(c, "padding_mode"))));
        f.add(of(MaxPool2d.class, m -> cfg("kernel_size", m.kernelSize, "stride", m.stride, "padding", m.padding,
                "dilation", m.dilation, "ceil_mode", m.ceilMode),
                c -> new MaxPool2d(ints(c, "kernel_size"), ints(c, "stride"), ints(c, "padding"), ints(c, "dilation"),
                        b(c, "ceil_mode"))));
        f.add(of(AvgPool2d.class, m -> cfg("kernel_size", m.kernelSize, "stride", m.stride, "padding", m.padding,
                "ceil_mode", m.ceilMode, "count_include_pad", m.countIncludePad),
                c -> new AvgPool2d(ints(c, "kernel_size"), ints(c, "stride"), ints(c, "padding"), b(c, "ceil_mode"),
                        b(c, "count_include_pad"))));
        f.add(of(AdaptiveAvgPool2d.class, m -> cfg("output_size", m.outputSize),
                c -> new AdaptiveAvgPool2d(ints(c, "output_size"))));
        f.add(of(Flatten.class, m -> cfg("start_dim", m.startDim, "end_dim", m.endDim),
                c -> new Flatten(i(c, "start_dim"), i(c, "end_dim"))));
        f.add(of(ReLU.class, m -> cfg("inplace", m.inplace), c -> new ReLU(b(c, "inplace"))));
        f.add(of(ReLU6.class, m -> cfg("inplace", m.inplace), c -> new ReLU6(b(c, "inplace"))));
        f.add(of(SiLU.class, m -> cfg("inplace", m.inplace), c -> new SiLU(b(c, "inplace"))));
        f.add(of(Hardswish.class, m -> cfg("inplace", m.inplace), c -> new Hardswish(b(c, "inplace"))));
        f.add(of(Hardsigmoid.class, m -> cfg("inplace", m.inplace), c -> new Hardsigmoid(b(c, "inplace"))));
        f.add(of(LeakyReLU.class, m -> cfg("negative_slope", m.negativeSlope, "inplace", m.inplace),
                c -> new LeakyReLU(d(c, "negative_slope"), b(c, "inplace"))));
        f.add(of(GELU.class, m -> cfg("approximate", m.approximate), c -> new GELU(s(c, "approximate"))));
        f.add(of(Softmax.class, m -> cfg("dim", m.dim), c -> new Softmax(optInt(c, "dim"))));
        f.add(of(LogSoftmax.class, m -> cfg("dim", m.dim), c -> new LogSoftmax(optInt(c, "dim"))));
        f.add(of(Dropout.class, m -> cfg("p", m.p, "inplace", m.inplace), c -> new Dropout(d(c, "p"), b(c, "inplace"))));
        f.add(of(BatchNorm1d.class, NnFactories::batchNormConfig, c -> new BatchNorm1d(i(c, "num_features"),
                d(c, "eps"), optDouble(c, "momentum"), b(c, "affine"), b(c, "track_running_stats"))));
        f.add(of(BatchNorm2d.class, NnFactories::batchNormConfig, c -> new BatchNorm2d(i(c, "num_features"),
                d(c, "eps"), optDouble(c, "momentum"), b(c, "affine"), b(c, "track_running_stats"))));
        f.add(of(LayerNorm.class, m -> cfg("normalized_shape", m.normalizedShape, "eps", m.eps,
                "elementwise_affine", m.elementwiseAffine),
                c -> new LayerNorm(ints(c, "normalized_shape"), d(c, "eps"), b(c, "elementwise_affine"))));
        f.addAll(losses());
        return f;
    }

    /** Losses: the reduction and options; a weight buffer is recorded by shape and dtype (the state dict fills it). */
    private static List<ModuleFactory> losses() {
        List<ModuleFactory> f = new ArrayList<>();
        f.add(of(L1Loss.class, NnFactories::lossConfig, c -> new L1Loss(red(c))));
        f.add(of(MSELoss.class, NnFactories::lossConfig, c -> new MSELoss(red(c))));
        f.add(of(HuberLoss.class, m -> with(lossConfig(m), "delta", m.delta), c -> new HuberLoss(red(c), d(c, "delta"))));
        f.add(of(SmoothL1Loss.class, m -> with(lossConfig(m), "beta", m.beta), c -> new SmoothL1Loss(red(c), d(c, "beta"))));
        f.add(of(BCELoss.class, m -> with(lossConfig(m), "weight", like(m.weight())),
                c -> new BCELoss(blank(c, "weight"), red(c))));
        f.add(of(BCEWithLogitsLoss.class,
                m -> with(with(lossConfig(m), "weight", like(m.weight())), "pos_weight", like(m.posWeight())),
                c -> new BCEWithLogitsLoss(blank(c, "weight"), red(c), blank(c, "pos_weight"))));
        f.add(of(NLLLoss.class, m -> with(with(lossConfig(m), "weight", like(m.weight())), "ignore_index", m.ignoreIndex),
                c -> new NLLLoss(blank(c, "weight"), l(c, "ignore_index"), red(c))));
        f.add(of(CrossEntropyLoss.class, m -> with(with(with(lossConfig(m), "weight", like(m.weight())),
                "ignore_index", m.ignoreIndex), "label_smoothing", m.labelSmoothing),
                c -> new CrossEntropyLoss(blank(c, "weight"), l(c, "ignore_index"), red(c), d(c, "label_smoothing"))));
        return f;
    }

    private static Map<String, Object> conv2dConfig(Conv2d m) {
        return cfg("in_channels", m.inChannels, "out_channels", m.outChannels, "kernel_size", m.kernelSize,
                "stride", m.stride, "padding", m.padding, "dilation", m.dilation, "groups", m.groups,
                "bias", m.bias != null, "padding_mode", m.paddingMode);
    }

    private static Map<String, Object> batchNormConfig(BatchNormBase m) {
        return cfg("num_features", m.numFeatures, "eps", m.eps, "momentum", m.momentum, "affine", m.affine,
                "track_running_stats", m.trackRunningStats);
    }

    private static Map<String, Object> lossConfig(Loss m) {
        return cfg("reduction", m.reduction.toString());
    }

    /** A tensor's shape and dtype, so that {@link #blank} can make a placeholder the state dict overwrites. */
    private static Map<String, Object> like(Tensor t) {
        return t == null ? null : cfg("shape", t.shape(), "dtype", t.dtype().name());
    }

    private static Tensor blank(Map<String, Object> c, String key) {
        if (!(c.get(key) instanceof Map<?, ?> m)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) m;
        return Torch.zeros(DType.valueOf(s(t, "dtype")), ints(t, "shape"));
    }

    @SuppressWarnings("unchecked")
    private static <M extends Module> ModuleFactory of(Class<M> cls, Function<M, Map<String, Object>> config,
            Function<Map<String, Object>, Module> create) {
        return new ModuleFactories.SimpleFactory(cls.getName(), m -> config.apply((M) m), create);
    }

    /** A config from name/value pairs, in order (null values allowed, unlike {@code Map.of}). */
    private static Map<String, Object> cfg(Object... kv) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            c.put((String) kv[k], kv[k + 1]);
        }
        return c;
    }

    private static Map<String, Object> with(Map<String, Object> c, String key, Object value) {
        c.put(key, value);
        return c;
    }

    private static Reduction red(Map<String, Object> c) {
        return Reduction.of(s(c, "reduction"));
    }

    static Object get(Map<String, Object> c, String key) {
        if (!c.containsKey(key)) {
            throw new IllegalStateException("module config lacks '" + key + "': " + c);
        }
        return c.get(key);
    }

    static int i(Map<String, Object> c, String key) {
        return Math.toIntExact(l(c, key));
    }

    static long l(Map<String, Object> c, String key) {
        return ((Number) get(c, key)).longValue();
    }

    static double d(Map<String, Object> c, String key) {
        return ((Number) get(c, key)).doubleValue();
    }

    static boolean b(Map<String, Object> c, String key) {
        return (Boolean) get(c, key);
    }

    static String s(Map<String, Object> c, String key) {
        return (String) get(c, key);
    }

    static Integer optInt(Map<String, Object> c, String key) {
        Object v = get(c, key);
        return v == null ? null : i(c, key);
    }

    static Double optDouble(Map<String, Object> c, String key) {
        Object v = get(c, key);
        return v == null ? null : d(c, key);
    }

    static int[] ints(Map<String, Object> c, String key) {
        List<?> list = (List<?>) get(c, key);
        int[] out = new int[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.toIntExact(((Number) list.get(k)).longValue());
        }
        return out;
    }
}
