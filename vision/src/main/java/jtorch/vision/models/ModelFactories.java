package jtorch.vision.models;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jtorch.nn.Conv2d;
import jtorch.nn.Dropout;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.Sequential;
import jtorch.serialization.ModuleFactories;
import jtorch.serialization.ModuleFactory;

/**
 * Whole-model save and load of the zoo's models ({@code Torch.save(Models.vgg16(), p)}): one
 * {@link ModuleFactory} per model class. The models keep their options in private fields, so each config is
 * read back from the children the constructor built (the classifier's last Linear gives {@code num_classes});
 * the codec then recreates any child added or replaced after construction from the recorded tree.
 *
 * <p>Listed in {@code META-INF/services/jtorch.serialization.ModuleFactory}: the service loader constructs
 * this class (the VGG factory), and its static initialiser registers the others.
 */
public final class ModelFactories implements ModuleFactory {
    private static final ModuleFactory VGG_FACTORY = of(VGG.class,
            m -> Map.of("num_classes", linearOut(m, "classifier.6"), "dropout", dropoutP(m, "classifier.2")),
            // NOTE: features come back empty and are refilled from the record; init is skipped, the state dict overwrites it
            c -> new VGG(new Sequential(), i(c, "num_classes"), false, d(c, "dropout")));

    static {
        ModuleFactories.register(VGG_FACTORY);
        ModuleFactories.register(of(AlexNet.class,
                m -> Map.of("num_classes", linearOut(m, "classifier.6"), "dropout", dropoutP(m, "classifier.0")),
                c -> new AlexNet(i(c, "num_classes"), d(c, "dropout"))));
        ModuleFactories.register(of(ResNet.class, ModelFactories::resnetConfig, c -> new ResNet(
                ResNet.Block.valueOf((String) c.get("block")), ints(c, "layers"), i(c, "num_classes"),
                i(c, "groups"), i(c, "width_per_group"))));
        ModuleFactories.register(of(SqueezeNet.class, m -> Map.of(
                "version", ((Conv2d) m.getSubmodule("features.0")).outChannels == 96 ? "1_0" : "1_1",
                "num_classes", ((Conv2d) m.getSubmodule("classifier.1")).outChannels,
                "dropout", dropoutP(m, "classifier.0")),
                c -> new SqueezeNet((String) c.get("version"), i(c, "num_classes"), d(c, "dropout"))));
        ModuleFactories.register(of(MaxVit.class, m -> Map.of("input_size", m.inputSize,
                "stem_channels", m.stemChannels, "partition_size", m.partitionSize,
                "block_channels", m.blockChannels, "block_layers", m.blockLayers, "head_dim", m.headDim,
                "stochastic_depth_prob", m.stochasticDepthProb, "num_classes", m.numClasses),
                c -> new MaxVit(ints(c, "input_size"), i(c, "stem_channels"), i(c, "partition_size"),
                        ints(c, "block_channels"), ints(c, "block_layers"), i(c, "head_dim"),
                        d(c, "stochastic_depth_prob"), i(c, "num_classes"))));
    }

    @Override
    public String className() {
        return VGG_FACTORY.className();
    }

    @Override
    public Map<String, Object> config(Module module) {
        return VGG_FACTORY.config(module);
    }

    @Override
    public Module create(Map<String, Object> config) {
        return VGG_FACTORY.create(config);
    }

    /** ResNet's block type and stage sizes from its stages; groups and width from the first block's 3x3 conv. */
    private static Map<String, Object> resnetConfig(ResNet m) {
        Module first = m.getSubmodule("layer1.0");
        boolean bottleneck = first instanceof Bottleneck;
        Conv2d conv2 = (Conv2d) first.getSubmodule("conv2");
        int[] layers = new int[4];
        for (int k = 0; k < 4; k++) {
            layers[k] = m.getSubmodule("layer" + (k + 1)).namedChildren().size();
        }
        return Map.of("block", bottleneck ? "BOTTLENECK" : "BASIC", "layers", layers,
                "num_classes", linearOut(m, "fc"), "groups", conv2.groups,
                // NOTE: the first stage has planes = 64, so its width is width_per_group * groups
                "width_per_group", bottleneck ? conv2.outChannels / conv2.groups : 64);
    }

    private static int linearOut(Module m, String path) {
        return ((Linear) m.getSubmodule(path)).outFeatures;
    }

    private static double dropoutP(Module m, String path) {
        return ((Dropout) m.getSubmodule(path)).p;
    }

    @SuppressWarnings("unchecked")
    private static <M extends Module> ModuleFactory of(Class<M> cls, Function<M, Map<String, Object>> config,
            Function<Map<String, Object>, Module> create) {
        return new ModuleFactories.SimpleFactory(cls.getName(), m -> config.apply((M) m), create);
    }

    private static int i(Map<String, Object> c, String key) {
        return Math.toIntExact(((Number) c.get(key)).longValue());
    }

    private static double d(Map<String, Object> c, String key) {
        return ((Number) c.get(key)).doubleValue();
    }

    private static int[] ints(Map<String, Object> c, String key) {
        List<?> list = (List<?>) c.get(key);
        int[] out = new int[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.toIntExact(((Number) list.get(k)).longValue());
        }
        return out;
    }
}
