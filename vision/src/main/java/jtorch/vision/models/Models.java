package jtorch.vision.models;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import jtorch.nn.Module;

/**
 * The classification model zoo ({@code torchvision.models}): one factory per model with torchvision's
 * name ({@code vgg16()}, {@code vgg16(VGG16_Weights.IMAGENET1K_V1)}, ...), {@link #listModels()} and
 * {@link #getModel(String)}.
 *
 * <p>A factory without weights builds a randomly initialized model, drawing from the default generator in
 * the order torchvision's constructor does. With weights it builds the model, then loads the checkpoint
 * from {@code $TORCH_HOME/hub/checkpoints/} (PyTorch's own cache), downloading it when absent (see
 * {@link Hub}).
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/_api.py">torchvision/models/_api.py</a>
 */
public final class Models {
    /** torchvision's {@code list_models(module=torchvision.models)}: the 80 ImageNet classification models. */
    private static final List<String> ALL = List.of(
            "alexnet", "convnext_base", "convnext_large", "convnext_small", "convnext_tiny", "densenet121",
            "densenet161", "densenet169", "densenet201", "efficientnet_b0", "efficientnet_b1", "efficientnet_b2",
            "efficientnet_b3", "efficientnet_b4", "efficientnet_b5", "efficientnet_b6", "efficientnet_b7",
            "efficientnet_v2_l", "efficientnet_v2_m", "efficientnet_v2_s", "googlenet", "inception_v3", "maxvit_t",
            "mnasnet0_5", "mnasnet0_75", "mnasnet1_0", "mnasnet1_3", "mobilenet_v2", "mobilenet_v3_large",
            "mobilenet_v3_small", "regnet_x_16gf", "regnet_x_1_6gf", "regnet_x_32gf", "regnet_x_3_2gf",
            "regnet_x_400mf", "regnet_x_800mf", "regnet_x_8gf", "regnet_y_128gf", "regnet_y_16gf", "regnet_y_1_6gf",
            "regnet_y_32gf", "regnet_y_3_2gf", "regnet_y_400mf", "regnet_y_800mf", "regnet_y_8gf", "resnet101",
            "resnet152", "resnet18", "resnet34", "resnet50", "resnext101_32x8d", "resnext101_64x4d",
            "resnext50_32x4d", "shufflenet_v2_x0_5", "shufflenet_v2_x1_0", "shufflenet_v2_x1_5",
            "shufflenet_v2_x2_0", "squeezenet1_0", "squeezenet1_1", "swin_b", "swin_s", "swin_t", "swin_v2_b",
            "swin_v2_s", "swin_v2_t", "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16", "vgg16_bn", "vgg19",
            "vgg19_bn", "vit_b_16", "vit_b_32", "vit_h_14", "vit_l_16", "vit_l_32", "wide_resnet101_2",
            "wide_resnet50_2");

    /** The models built so far; a name in {@link #ALL} but not here is "not implemented yet". */
    private static final Map<String, Supplier<Module>> BUILDERS = new TreeMap<>();

    static {
        BUILDERS.put("alexnet", Models::alexnet);
        BUILDERS.put("vgg11", Models::vgg11);
        BUILDERS.put("vgg11_bn", Models::vgg11_bn);
        BUILDERS.put("vgg13", Models::vgg13);
        BUILDERS.put("vgg13_bn", Models::vgg13_bn);
        BUILDERS.put("vgg16", Models::vgg16);
        BUILDERS.put("vgg16_bn", Models::vgg16_bn);
        BUILDERS.put("vgg19", Models::vgg19);
        BUILDERS.put("vgg19_bn", Models::vgg19_bn);
        BUILDERS.put("resnet18", Models::resnet18);
        BUILDERS.put("resnet34", Models::resnet34);
        BUILDERS.put("resnet50", Models::resnet50);
        BUILDERS.put("resnet101", Models::resnet101);
        BUILDERS.put("resnet152", Models::resnet152);
        BUILDERS.put("resnext50_32x4d", Models::resnext50_32x4d);
        BUILDERS.put("resnext101_32x8d", Models::resnext101_32x8d);
        BUILDERS.put("resnext101_64x4d", Models::resnext101_64x4d);
        BUILDERS.put("wide_resnet50_2", Models::wide_resnet50_2);
        BUILDERS.put("wide_resnet101_2", Models::wide_resnet101_2);
        BUILDERS.put("squeezenet1_0", Models::squeezenet1_0);
        BUILDERS.put("squeezenet1_1", Models::squeezenet1_1);
        BUILDERS.put("mobilenet_v2", Models::mobilenet_v2);
        BUILDERS.put("mobilenet_v3_large", Models::mobilenet_v3_large);
        BUILDERS.put("mobilenet_v3_small", Models::mobilenet_v3_small);
        BUILDERS.put("mnasnet0_5", Models::mnasnet0_5);
        BUILDERS.put("mnasnet0_75", Models::mnasnet0_75);
        BUILDERS.put("mnasnet1_0", Models::mnasnet1_0);
        BUILDERS.put("mnasnet1_3", Models::mnasnet1_3);
        BUILDERS.put("shufflenet_v2_x0_5", Models::shufflenet_v2_x0_5);
        BUILDERS.put("shufflenet_v2_x1_0", Models::shufflenet_v2_x1_0);
        BUILDERS.put("shufflenet_v2_x1_5", Models::shufflenet_v2_x1_5);
        BUILDERS.put("shufflenet_v2_x2_0", Models::shufflenet_v2_x2_0);
        BUILDERS.put("densenet121", Models::densenet121);
        BUILDERS.put("densenet161", Models::densenet161);
        BUILDERS.put("densenet169", Models::densenet169);
        BUILDERS.put("densenet201", Models::densenet201);
        BUILDERS.put("googlenet", Models::googlenet);
        BUILDERS.put("inception_v3", Models::inception_v3);
        BUILDERS.put("efficientnet_b0", Models::efficientnet_b0);
        BUILDERS.put("efficientnet_b1", Models::efficientnet_b1);
        BUILDERS.put("efficientnet_b2", Models::efficientnet_b2);
        BUILDERS.put("efficientnet_b3", Models::efficientnet_b3);
        BUILDERS.put("efficientnet_b4", Models::efficientnet_b4);
        BUILDERS.put("efficientnet_b5", Models::efficientnet_b5);
        BUILDERS.put("efficientnet_b6", Models::efficientnet_b6);
        BUILDERS.put("efficientnet_b7", Models::efficientnet_b7);
        BUILDERS.put("efficientnet_v2_s", Models::efficientnet_v2_s);
        BUILDERS.put("efficientnet_v2_m", Models::efficientnet_v2_m);
        BUILDERS.put("efficientnet_v2_l", Models::efficientnet_v2_l);
        BUILDERS.put("regnet_y_400mf", Models::regnet_y_400mf);
        BUILDERS.put("regnet_y_800mf", Models::regnet_y_800mf);
        BUILDERS.put("regnet_y_1_6gf", Models::regnet_y_1_6gf);
        BUILDERS.put("regnet_y_3_2gf", Models::regnet_y_3_2gf);
        BUILDERS.put("regnet_y_8gf", Models::regnet_y_8gf);
        BUILDERS.put("regnet_y_16gf", Models::regnet_y_16gf);
        BUILDERS.put("regnet_y_32gf", Models::regnet_y_32gf);
        BUILDERS.put("regnet_y_128gf", Models::regnet_y_128gf);
        BUILDERS.put("regnet_x_400mf", Models::regnet_x_400mf);
        BUILDERS.put("regnet_x_800mf", Models::regnet_x_800mf);
        BUILDERS.put("regnet_x_1_6gf", Models::regnet_x_1_6gf);
        BUILDERS.put("regnet_x_3_2gf", Models::regnet_x_3_2gf);
        BUILDERS.put("regnet_x_8gf", Models::regnet_x_8gf);
        BUILDERS.put("regnet_x_16gf", Models::regnet_x_16gf);
        BUILDERS.put("regnet_x_32gf", Models::regnet_x_32gf);
        BUILDERS.put("convnext_tiny", Models::convnext_tiny);
        BUILDERS.put("convnext_small", Models::convnext_small);
        BUILDERS.put("convnext_base", Models::convnext_base);
        BUILDERS.put("convnext_large", Models::convnext_large);
        BUILDERS.put("vit_b_16", Models::vit_b_16);
        BUILDERS.put("vit_b_32", Models::vit_b_32);
        BUILDERS.put("vit_l_16", Models::vit_l_16);
        BUILDERS.put("vit_l_32", Models::vit_l_32);
        BUILDERS.put("vit_h_14", Models::vit_h_14);
        BUILDERS.put("swin_t", Models::swin_t);
        BUILDERS.put("swin_s", Models::swin_s);
        BUILDERS.put("swin_b", Models::swin_b);
        BUILDERS.put("swin_v2_t", Models::swin_v2_t);
        BUILDERS.put("swin_v2_s", Models::swin_v2_s);
        BUILDERS.put("swin_v2_b", Models::swin_v2_b);
        BUILDERS.put("maxvit_t", Models::maxvit_t);
    }

    private Models() {}

    /**
     * The names of torchvision's classification models, sorted ({@code list_models()}); printing the list
     * gives Python's spelling, {@code ['alexnet', 'convnext_base', ...]}.
     */
    public static List<String> listModels() {
        return new PyList(ALL);
    }

    /** Whether {@link #getModel(String)} can build {@code name} in this version of jtorch. */
    public static boolean isImplemented(String name) {
        return BUILDERS.containsKey(name);
    }

    /**
     * Builds the model called {@code name} with random weights ({@code get_model(name)}).
     *
     * @throws IllegalArgumentException for a name torchvision does not have
     * @throws UnsupportedOperationException for a torchvision model jtorch does not build yet
     */
    public static Module getModel(String name) {
        Supplier<Module> builder = BUILDERS.get(name);
        if (builder != null) {
            return builder.get();
        }
        if (ALL.contains(name)) {
            throw new UnsupportedOperationException("model '" + name + "' is not implemented yet in jtorch");
        }
        throw new IllegalArgumentException("Unknown model " + name);
    }

    /** Loads {@code weights} into {@code model} (strict), or leaves it as built when {@code weights} is null. */
    static <M extends Module> M withWeights(M model, WeightsEnum weights) {
        if (weights != null) {
            model.loadStateDict(weights.getStateDict(true));
        }
        return model;
    }

    // ---------------------------------------------------------------- AlexNet

    public static AlexNet alexnet() {
        return alexnet(null);
    }

    public static AlexNet alexnet(AlexNet_Weights weights) {
        return withWeights(new AlexNet(), weights);
    }

    // ---------------------------------------------------------------- VGG

    private static VGG vgg(int[] cfg, boolean batchNorm, WeightsEnum weights) {
        // TORCH: with weights torchvision passes init_weights=False; the checkpoint overwrites everything.
        return withWeights(new VGG(VGG.makeLayers(cfg, batchNorm), 1000, weights == null, 0.5), weights);
    }

    public static VGG vgg11() {
        return vgg11(null);
    }

    public static VGG vgg11(VGG11_Weights weights) {
        return vgg(VGG.CFG_A, false, weights);
    }

    public static VGG vgg11_bn() {
        return vgg11_bn(null);
    }

    public static VGG vgg11_bn(VGG11_BN_Weights weights) {
        return vgg(VGG.CFG_A, true, weights);
    }

    public static VGG vgg13() {
        return vgg13(null);
    }

    public static VGG vgg13(VGG13_Weights weights) {
        return vgg(VGG.CFG_B, false, weights);
    }

    public static VGG vgg13_bn() {
        return vgg13_bn(null);
    }

    public static VGG vgg13_bn(VGG13_BN_Weights weights) {
        return vgg(VGG.CFG_B, true, weights);
    }

    public static VGG vgg16() {
        return vgg16(null);
    }

    public static VGG vgg16(VGG16_Weights weights) {
        return vgg(VGG.CFG_D, false, weights);
    }

    public static VGG vgg16_bn() {
        return vgg16_bn(null);
    }

    public static VGG vgg16_bn(VGG16_BN_Weights weights) {
        return vgg(VGG.CFG_D, true, weights);
    }

    public static VGG vgg19() {
        return vgg19(null);
    }

    public static VGG vgg19(VGG19_Weights weights) {
        return vgg(VGG.CFG_E, false, weights);
    }

    public static VGG vgg19_bn() {
        return vgg19_bn(null);
    }

    public static VGG vgg19_bn(VGG19_BN_Weights weights) {
        return vgg(VGG.CFG_E, true, weights);
    }

    // ---------------------------------------------------------------- ResNet, ResNeXt, Wide ResNet

    private static ResNet resnet(ResNet.Block block, int[] layers, int groups, int widthPerGroup, WeightsEnum weights) {
        return withWeights(new ResNet(block, layers, 1000, groups, widthPerGroup), weights);
    }

    public static ResNet resnet18() {
        return resnet18(null);
    }

    public static ResNet resnet18(ResNet18_Weights weights) {
        return resnet(ResNet.Block.BASIC, new int[] {2, 2, 2, 2}, 1, 64, weights);
    }

    public static ResNet resnet34() {
        return resnet34(null);
    }

    public static ResNet resnet34(ResNet34_Weights weights) {
        return resnet(ResNet.Block.BASIC, new int[] {3, 4, 6, 3}, 1, 64, weights);
    }

    public static ResNet resnet50() {
        return resnet50(null);
    }

    public static ResNet resnet50(ResNet50_Weights weights) {
        return resnet(ResNet.Block.BOTTLENECK, new int[] {3, 4, 6, 3}, 1, 64, weights);
    }

    public static ResNet resnet101() {
        return resnet101(null);
    }

    public static ResNet resnet101(ResNet101_Weights weights) {
        return resnet(ResNet.Block.BOTTLENECK, new int[] {3, 4, 23, 3}, 1, 64, weights);
    }

    public static ResNet resnet152() {
        return resnet152(null);
    }

    public static ResNet resnet152(ResNet152_Weights weights) {
        return resnet(ResNet.Block.BOTTLENECK, new int[] {3, 8, 36, 3}, 1, 64, weights);
    }

    public static ResNet resnext50_32x4d() {
        return resnext50_32x4d(null);
    }

    public static ResNet resnext50_32x4d(ResNeXt50_32X4D_Weights weights) {
        return resnet(ResNet.Block.BOTTLENECK, new int[] {3, 4, 6, 3}, 32, 4, weights);
    }

    public static ResNet resnext101_32x8d() {
        return resnext101_32x8d(null);
    }

    public static ResNet resnext101_32x8d(ResNeXt101_32X8D_Weights weights) {
        return resnet(ResNet.Block.BOTTLENECK, new int[] {3, 4, 23, 3}, 32, 8, weights);
    }

    public static ResNet resnext101_64x4d() {
        return resnext101_64x4d(null);
    }

    public static ResNet resnext101_64x4d(ResNeXt101_64X4D_Weights weights) {
        return resnet(ResNet.Block.BOTTLENECK, new int[] {3, 4, 23, 3}, 64, 4, weights);
    }

    public static ResNet wide_resnet50_2() {
        return wide_resnet50_2(null);
    }

    public static ResNet wide_resnet50_2(Wide_ResNet50_2_Weights weights) {
        return resnet(ResNet.Block.BOTTLENECK, new int[] {3, 4, 6, 3}, 1, 128, weights);
    }

    public static ResNet wide_resnet101_2() {
        return wide_resnet101_2(null);
    }

    public static ResNet wide_resnet101_2(Wide_ResNet101_2_Weights weights) {
        return resnet(ResNet.Block.BOTTLENECK, new int[] {3, 4, 23, 3}, 1, 128, weights);
    }

    // ---------------------------------------------------------------- SqueezeNet

    public static SqueezeNet squeezenet1_0() {
        return squeezenet1_0(null);
    }

    public static SqueezeNet squeezenet1_0(SqueezeNet1_0_Weights weights) {
        return withWeights(new SqueezeNet("1_0", 1000, 0.5), weights);
    }

    public static SqueezeNet squeezenet1_1() {
        return squeezenet1_1(null);
    }

    public static SqueezeNet squeezenet1_1(SqueezeNet1_1_Weights weights) {
        return withWeights(new SqueezeNet("1_1", 1000, 0.5), weights);
    }

    // ---------------------------------------------------------------- MobileNet

    public static MobileNetV2 mobilenet_v2() {
        return mobilenet_v2(null);
    }

    public static MobileNetV2 mobilenet_v2(MobileNet_V2_Weights weights) {
        return withWeights(new MobileNetV2(), weights);
    }

    public static MobileNetV3 mobilenet_v3_large() {
        return mobilenet_v3_large(null);
    }

    public static MobileNetV3 mobilenet_v3_large(MobileNet_V3_Large_Weights weights) {
        return withWeights(new MobileNetV3(MobileNetV3.LARGE, 1280, 1000, 0.2), weights);
    }

    public static MobileNetV3 mobilenet_v3_small() {
        return mobilenet_v3_small(null);
    }

    public static MobileNetV3 mobilenet_v3_small(MobileNet_V3_Small_Weights weights) {
        return withWeights(new MobileNetV3(MobileNetV3.SMALL, 1024, 1000, 0.2), weights);
    }

    // ---------------------------------------------------------------- MNASNet

    public static MNASNet mnasnet0_5() {
        return mnasnet0_5(null);
    }

    public static MNASNet mnasnet0_5(MNASNet0_5_Weights weights) {
        return withWeights(new MNASNet(0.5), weights);
    }

    public static MNASNet mnasnet0_75() {
        return mnasnet0_75(null);
    }

    public static MNASNet mnasnet0_75(MNASNet0_75_Weights weights) {
        return withWeights(new MNASNet(0.75), weights);
    }

    public static MNASNet mnasnet1_0() {
        return mnasnet1_0(null);
    }

    public static MNASNet mnasnet1_0(MNASNet1_0_Weights weights) {
        return withWeights(new MNASNet(1.0), weights);
    }

    public static MNASNet mnasnet1_3() {
        return mnasnet1_3(null);
    }

    public static MNASNet mnasnet1_3(MNASNet1_3_Weights weights) {
        return withWeights(new MNASNet(1.3), weights);
    }

    // ---------------------------------------------------------------- ShuffleNet V2

    public static ShuffleNetV2 shufflenet_v2_x0_5() {
        return shufflenet_v2_x0_5(null);
    }

    public static ShuffleNetV2 shufflenet_v2_x0_5(ShuffleNet_V2_X0_5_Weights weights) {
        return withWeights(new ShuffleNetV2(new int[] {4, 8, 4}, new int[] {24, 48, 96, 192, 1024}, 1000), weights);
    }

    public static ShuffleNetV2 shufflenet_v2_x1_0() {
        return shufflenet_v2_x1_0(null);
    }

    public static ShuffleNetV2 shufflenet_v2_x1_0(ShuffleNet_V2_X1_0_Weights weights) {
        return withWeights(new ShuffleNetV2(new int[] {4, 8, 4}, new int[] {24, 116, 232, 464, 1024}, 1000), weights);
    }

    public static ShuffleNetV2 shufflenet_v2_x1_5() {
        return shufflenet_v2_x1_5(null);
    }

    public static ShuffleNetV2 shufflenet_v2_x1_5(ShuffleNet_V2_X1_5_Weights weights) {
        return withWeights(new ShuffleNetV2(new int[] {4, 8, 4}, new int[] {24, 176, 352, 704, 1024}, 1000), weights);
    }

    public static ShuffleNetV2 shufflenet_v2_x2_0() {
        return shufflenet_v2_x2_0(null);
    }

    public static ShuffleNetV2 shufflenet_v2_x2_0(ShuffleNet_V2_X2_0_Weights weights) {
        return withWeights(new ShuffleNetV2(new int[] {4, 8, 4}, new int[] {24, 244, 488, 976, 2048}, 1000), weights);
    }

    // ---------------------------------------------------------------- DenseNet

    public static DenseNet densenet121() {
        return densenet121(null);
    }

    public static DenseNet densenet121(DenseNet121_Weights weights) {
        return withWeights(new DenseNet(32, new int[] {6, 12, 24, 16}, 64), weights);
    }

    public static DenseNet densenet161() {
        return densenet161(null);
    }

    public static DenseNet densenet161(DenseNet161_Weights weights) {
        return withWeights(new DenseNet(48, new int[] {6, 12, 36, 24}, 96), weights);
    }

    public static DenseNet densenet169() {
        return densenet169(null);
    }

    public static DenseNet densenet169(DenseNet169_Weights weights) {
        return withWeights(new DenseNet(32, new int[] {6, 12, 32, 32}, 64), weights);
    }

    public static DenseNet densenet201() {
        return densenet201(null);
    }

    public static DenseNet densenet201(DenseNet201_Weights weights) {
        return withWeights(new DenseNet(32, new int[] {6, 12, 48, 32}, 64), weights);
    }

    // ---------------------------------------------------------------- GoogLeNet, Inception v3

    public static GoogLeNet googlenet() {
        return googlenet(null);
    }

    public static GoogLeNet googlenet(GoogLeNet_Weights weights) {
        return withWeights(new GoogLeNet(), weights);
    }

    public static Inception3 inception_v3() {
        return inception_v3(null);
    }

    public static Inception3 inception_v3(Inception_V3_Weights weights) {
        return withWeights(new Inception3(), weights);
    }

    // ---------------------------------------------------------------- EfficientNet

    public static EfficientNet efficientnet_b0() {
        return efficientnet_b0(null);
    }

    public static EfficientNet efficientnet_b0(EfficientNet_B0_Weights weights) {
        return withWeights(new EfficientNet(EfficientNet.bConfig(1.0, 1.0), 0.2, 0.2, 1000, EfficientNet.batchNorm(1e-5, 0.1), -1), weights);
    }

    public static EfficientNet efficientnet_b1() {
        return efficientnet_b1(null);
    }

    public static EfficientNet efficientnet_b1(EfficientNet_B1_Weights weights) {
        return withWeights(new EfficientNet(EfficientNet.bConfig(1.0, 1.1), 0.2, 0.2, 1000, EfficientNet.batchNorm(1e-5, 0.1), -1), weights);
    }

    public static EfficientNet efficientnet_b2() {
        return efficientnet_b2(null);
    }

    public static EfficientNet efficientnet_b2(EfficientNet_B2_Weights weights) {
        return withWeights(new EfficientNet(EfficientNet.bConfig(1.1, 1.2), 0.3, 0.2, 1000, EfficientNet.batchNorm(1e-5, 0.1), -1), weights);
    }

    public static EfficientNet efficientnet_b3() {
        return efficientnet_b3(null);
    }

    public static EfficientNet efficientnet_b3(EfficientNet_B3_Weights weights) {
        return withWeights(new EfficientNet(EfficientNet.bConfig(1.2, 1.4), 0.3, 0.2, 1000, EfficientNet.batchNorm(1e-5, 0.1), -1), weights);
    }

    public static EfficientNet efficientnet_b4() {
        return efficientnet_b4(null);
    }

    public static EfficientNet efficientnet_b4(EfficientNet_B4_Weights weights) {
        return withWeights(new EfficientNet(EfficientNet.bConfig(1.4, 1.8), 0.4, 0.2, 1000, EfficientNet.batchNorm(1e-5, 0.1), -1), weights);
    }

    public static EfficientNet efficientnet_b5() {
        return efficientnet_b5(null);
    }

    public static EfficientNet efficientnet_b5(EfficientNet_B5_Weights weights) {
        return withWeights(new EfficientNet(EfficientNet.bConfig(1.6, 2.2), 0.4, 0.2, 1000, EfficientNet.batchNorm(0.001, 0.01), -1), weights);
    }

    public static EfficientNet efficientnet_b6() {
        return efficientnet_b6(null);
    }

    public static EfficientNet efficientnet_b6(EfficientNet_B6_Weights weights) {
        return withWeights(new EfficientNet(EfficientNet.bConfig(1.8, 2.6), 0.5, 0.2, 1000, EfficientNet.batchNorm(0.001, 0.01), -1), weights);
    }

    public static EfficientNet efficientnet_b7() {
        return efficientnet_b7(null);
    }

    public static EfficientNet efficientnet_b7(EfficientNet_B7_Weights weights) {
        return withWeights(new EfficientNet(EfficientNet.bConfig(2.0, 3.1), 0.5, 0.2, 1000, EfficientNet.batchNorm(0.001, 0.01), -1), weights);
    }

    public static EfficientNet efficientnet_v2_s() {
        return efficientnet_v2_s(null);
    }

    public static EfficientNet efficientnet_v2_s(EfficientNet_V2_S_Weights weights) {
        return withWeights(new EfficientNet(EfficientNet.V2_S, 0.2, 0.2, 1000, EfficientNet.batchNorm(0.001, 0.1), 1280), weights);
    }

    public static EfficientNet efficientnet_v2_m() {
        return efficientnet_v2_m(null);
    }

    public static EfficientNet efficientnet_v2_m(EfficientNet_V2_M_Weights weights) {
        return withWeights(new EfficientNet(EfficientNet.V2_M, 0.3, 0.2, 1000, EfficientNet.batchNorm(0.001, 0.1), 1280), weights);
    }

    public static EfficientNet efficientnet_v2_l() {
        return efficientnet_v2_l(null);
    }

    public static EfficientNet efficientnet_v2_l(EfficientNet_V2_L_Weights weights) {
        return withWeights(new EfficientNet(EfficientNet.V2_L, 0.4, 0.2, 1000, EfficientNet.batchNorm(0.001, 0.1), 1280), weights);
    }

    // ---------------------------------------------------------------- RegNet

    public static RegNet regnet_y_400mf() {
        return regnet_y_400mf(null);
    }

    public static RegNet regnet_y_400mf(RegNet_Y_400MF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(16, 48, 27.89, 2.09, 8, 0.25), 1000, 32), weights);
    }

    public static RegNet regnet_y_800mf() {
        return regnet_y_800mf(null);
    }

    public static RegNet regnet_y_800mf(RegNet_Y_800MF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(14, 56, 38.84, 2.4, 16, 0.25), 1000, 32), weights);
    }

    public static RegNet regnet_y_1_6gf() {
        return regnet_y_1_6gf(null);
    }

    public static RegNet regnet_y_1_6gf(RegNet_Y_1_6GF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(27, 48, 20.71, 2.65, 24, 0.25), 1000, 32), weights);
    }

    public static RegNet regnet_y_3_2gf() {
        return regnet_y_3_2gf(null);
    }

    public static RegNet regnet_y_3_2gf(RegNet_Y_3_2GF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(21, 80, 42.63, 2.66, 24, 0.25), 1000, 32), weights);
    }

    public static RegNet regnet_y_8gf() {
        return regnet_y_8gf(null);
    }

    public static RegNet regnet_y_8gf(RegNet_Y_8GF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(17, 192, 76.82, 2.19, 56, 0.25), 1000, 32), weights);
    }

    public static RegNet regnet_y_16gf() {
        return regnet_y_16gf(null);
    }

    public static RegNet regnet_y_16gf(RegNet_Y_16GF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(18, 200, 106.23, 2.48, 112, 0.25), 1000, 32), weights);
    }

    public static RegNet regnet_y_32gf() {
        return regnet_y_32gf(null);
    }

    public static RegNet regnet_y_32gf(RegNet_Y_32GF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(20, 232, 115.89, 2.53, 232, 0.25), 1000, 32), weights);
    }

    public static RegNet regnet_y_128gf() {
        return regnet_y_128gf(null);
    }

    public static RegNet regnet_y_128gf(RegNet_Y_128GF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(27, 456, 160.83, 2.52, 264, 0.25), 1000, 32), weights);
    }

    public static RegNet regnet_x_400mf() {
        return regnet_x_400mf(null);
    }

    public static RegNet regnet_x_400mf(RegNet_X_400MF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(22, 24, 24.48, 2.54, 16, 0.0), 1000, 32), weights);
    }

    public static RegNet regnet_x_800mf() {
        return regnet_x_800mf(null);
    }

    public static RegNet regnet_x_800mf(RegNet_X_800MF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(16, 56, 35.73, 2.28, 16, 0.0), 1000, 32), weights);
    }

    public static RegNet regnet_x_1_6gf() {
        return regnet_x_1_6gf(null);
    }

    public static RegNet regnet_x_1_6gf(RegNet_X_1_6GF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(18, 80, 34.01, 2.25, 24, 0.0), 1000, 32), weights);
    }

    public static RegNet regnet_x_3_2gf() {
        return regnet_x_3_2gf(null);
    }

    public static RegNet regnet_x_3_2gf(RegNet_X_3_2GF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(25, 88, 26.31, 2.25, 48, 0.0), 1000, 32), weights);
    }

    public static RegNet regnet_x_8gf() {
        return regnet_x_8gf(null);
    }

    public static RegNet regnet_x_8gf(RegNet_X_8GF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(23, 80, 49.56, 2.88, 120, 0.0), 1000, 32), weights);
    }

    public static RegNet regnet_x_16gf() {
        return regnet_x_16gf(null);
    }

    public static RegNet regnet_x_16gf(RegNet_X_16GF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(22, 216, 55.59, 2.1, 128, 0.0), 1000, 32), weights);
    }

    public static RegNet regnet_x_32gf() {
        return regnet_x_32gf(null);
    }

    public static RegNet regnet_x_32gf(RegNet_X_32GF_Weights weights) {
        return withWeights(new RegNet(RegNet.BlockParams.fromInitParams(23, 320, 69.86, 2.0, 168, 0.0), 1000, 32), weights);
    }

    // ---------------------------------------------------------------- ConvNeXt

    public static ConvNeXt convnext_tiny() {
        return convnext_tiny(null);
    }

    public static ConvNeXt convnext_tiny(ConvNeXt_Tiny_Weights weights) {
        return withWeights(new ConvNeXt(ConvNeXt.TINY, 0.1, 1e-6, 1000), weights);
    }

    public static ConvNeXt convnext_small() {
        return convnext_small(null);
    }

    public static ConvNeXt convnext_small(ConvNeXt_Small_Weights weights) {
        return withWeights(new ConvNeXt(ConvNeXt.SMALL, 0.4, 1e-6, 1000), weights);
    }

    public static ConvNeXt convnext_base() {
        return convnext_base(null);
    }

    public static ConvNeXt convnext_base(ConvNeXt_Base_Weights weights) {
        return withWeights(new ConvNeXt(ConvNeXt.BASE, 0.5, 1e-6, 1000), weights);
    }

    public static ConvNeXt convnext_large() {
        return convnext_large(null);
    }

    public static ConvNeXt convnext_large(ConvNeXt_Large_Weights weights) {
        return withWeights(new ConvNeXt(ConvNeXt.LARGE, 0.5, 1e-6, 1000), weights);
    }

    // ---------------------------------------------------------------- Vision Transformer

    public static VisionTransformer vit_b_16() {
        return vit_b_16(null);
    }

    /** With weights, the image size is the weights' {@code min_size} (384 for SWAG end-to-end ViT-B/16), as torchvision does. */
    public static VisionTransformer vit_b_16(ViT_B_16_Weights weights) {
        return withWeights(new VisionTransformer(weights == null ? 224 : weights.weights().minSize()[0], 16, 12, 12, 768, 3072, 1000), weights);
    }

    public static VisionTransformer vit_b_32() {
        return vit_b_32(null);
    }

    /** With weights, the image size is the weights' {@code min_size} (384 for SWAG end-to-end ViT-B/16), as torchvision does. */
    public static VisionTransformer vit_b_32(ViT_B_32_Weights weights) {
        return withWeights(new VisionTransformer(weights == null ? 224 : weights.weights().minSize()[0], 32, 12, 12, 768, 3072, 1000), weights);
    }

    public static VisionTransformer vit_l_16() {
        return vit_l_16(null);
    }

    /** With weights, the image size is the weights' {@code min_size} (384 for SWAG end-to-end ViT-B/16), as torchvision does. */
    public static VisionTransformer vit_l_16(ViT_L_16_Weights weights) {
        return withWeights(new VisionTransformer(weights == null ? 224 : weights.weights().minSize()[0], 16, 24, 16, 1024, 4096, 1000), weights);
    }

    public static VisionTransformer vit_l_32() {
        return vit_l_32(null);
    }

    /** With weights, the image size is the weights' {@code min_size} (384 for SWAG end-to-end ViT-B/16), as torchvision does. */
    public static VisionTransformer vit_l_32(ViT_L_32_Weights weights) {
        return withWeights(new VisionTransformer(weights == null ? 224 : weights.weights().minSize()[0], 32, 24, 16, 1024, 4096, 1000), weights);
    }

    public static VisionTransformer vit_h_14() {
        return vit_h_14(null);
    }

    /** With weights, the image size is the weights' {@code min_size} (384 for SWAG end-to-end ViT-B/16), as torchvision does. */
    public static VisionTransformer vit_h_14(ViT_H_14_Weights weights) {
        return withWeights(new VisionTransformer(weights == null ? 224 : weights.weights().minSize()[0], 14, 32, 16, 1280, 5120, 1000), weights);
    }

    // ---------------------------------------------------------------- Swin Transformer

    public static SwinTransformer swin_t() {
        return swin_t(null);
    }

    public static SwinTransformer swin_t(Swin_T_Weights weights) {
        return withWeights(new SwinTransformer(4, 96, new int[] {2, 2, 6, 2}, new int[] {3, 6, 12, 24}, 7, 0.2, 1000, false), weights);
    }

    public static SwinTransformer swin_s() {
        return swin_s(null);
    }

    public static SwinTransformer swin_s(Swin_S_Weights weights) {
        return withWeights(new SwinTransformer(4, 96, new int[] {2, 2, 18, 2}, new int[] {3, 6, 12, 24}, 7, 0.3, 1000, false), weights);
    }

    public static SwinTransformer swin_b() {
        return swin_b(null);
    }

    public static SwinTransformer swin_b(Swin_B_Weights weights) {
        return withWeights(new SwinTransformer(4, 128, new int[] {2, 2, 18, 2}, new int[] {4, 8, 16, 32}, 7, 0.5, 1000, false), weights);
    }

    public static SwinTransformer swin_v2_t() {
        return swin_v2_t(null);
    }

    public static SwinTransformer swin_v2_t(Swin_V2_T_Weights weights) {
        return withWeights(new SwinTransformer(4, 96, new int[] {2, 2, 6, 2}, new int[] {3, 6, 12, 24}, 8, 0.2, 1000, true), weights);
    }

    public static SwinTransformer swin_v2_s() {
        return swin_v2_s(null);
    }

    public static SwinTransformer swin_v2_s(Swin_V2_S_Weights weights) {
        return withWeights(new SwinTransformer(4, 96, new int[] {2, 2, 18, 2}, new int[] {3, 6, 12, 24}, 8, 0.3, 1000, true), weights);
    }

    public static SwinTransformer swin_v2_b() {
        return swin_v2_b(null);
    }

    public static SwinTransformer swin_v2_b(Swin_V2_B_Weights weights) {
        return withWeights(new SwinTransformer(4, 128, new int[] {2, 2, 18, 2}, new int[] {4, 8, 16, 32}, 8, 0.5, 1000, true), weights);
    }

    // ---------------------------------------------------------------- MaxViT

    public static MaxVit maxvit_t() {
        return maxvit_t(null);
    }

    /** MaxViT-T for 224×224 inputs (the input size is part of the architecture, see {@link MaxVit}). */
    public static MaxVit maxvit_t(MaxVit_T_Weights weights) {
        return withWeights(new MaxVit(new int[] {224, 224}, 64, 7, new int[] {64, 128, 256, 512},
                new int[] {2, 2, 5, 2}, 32, 0.2, 1000), weights);
    }


    /** An unmodifiable list of names that prints as Python prints a list of strings. */
    private static final class PyList extends AbstractList<String> {
        private final List<String> names;

        PyList(List<String> names) {
            this.names = names;
        }

        @Override
        public String get(int index) {
            return names.get(index);
        }

        @Override
        public int size() {
            return names.size();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append('\'').append(names.get(i)).append('\'');
            }
            return sb.append(']').toString();
        }
    }
}
