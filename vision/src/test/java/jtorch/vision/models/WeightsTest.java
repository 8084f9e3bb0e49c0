package jtorch.vision.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code *_Weights} enums: one per model, file names torch.hub can hash-check, and the category names. */
class WeightsTest {

    /** The weights enum of each model in {@link Models#listModels()}, found by torchvision's naming. */
    private static Map<String, Class<?>> enumsByModel() {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (String model : Models.listModels()) {
            String cls = switch (model) {
                case "alexnet" -> "AlexNet";
                case "googlenet" -> "GoogLeNet";
                case "inception_v3" -> "Inception_V3";
                case "maxvit_t" -> "MaxVit_T";
                case "mobilenet_v2" -> "MobileNet_V2";
                case "mobilenet_v3_large" -> "MobileNet_V3_Large";
                case "mobilenet_v3_small" -> "MobileNet_V3_Small";
                case "wide_resnet50_2" -> "Wide_ResNet50_2";
                case "wide_resnet101_2" -> "Wide_ResNet101_2";
                default -> {
                    if (model.startsWith("convnext_")) {
                        yield "ConvNeXt_" + cap(model.substring(9));
                    } else if (model.startsWith("densenet")) {
                        yield "DenseNet" + model.substring(8);
                    } else if (model.startsWith("efficientnet_")) {
                        yield "EfficientNet_" + model.substring(13).toUpperCase();
                    } else if (model.startsWith("mnasnet")) {
                        yield "MNASNet" + model.substring(7);
                    } else if (model.startsWith("regnet_")) {
                        yield "RegNet_" + model.substring(7).toUpperCase();
                    } else if (model.startsWith("resnext")) {
                        yield "ResNeXt" + model.substring(7).toUpperCase();
                    } else if (model.startsWith("resnet")) {
                        yield "ResNet" + model.substring(6);
                    } else if (model.startsWith("shufflenet_v2_")) {
                        yield "ShuffleNet_V2_" + model.substring(14).toUpperCase();
                    } else if (model.startsWith("squeezenet")) {
                        yield "SqueezeNet" + model.substring(10);
                    } else if (model.startsWith("swin_")) {
                        yield "Swin_" + model.substring(5).toUpperCase();
                    } else if (model.startsWith("vgg")) {
                        yield model.toUpperCase();
                    } else if (model.startsWith("vit_")) {
                        yield "ViT_" + model.substring(4).toUpperCase();
                    }
                    throw new AssertionError("no naming rule for " + model);
                }
            };
            try {
                out.put(model, Class.forName("jtorch.vision.models." + cls + "_Weights"));
            } catch (ClassNotFoundException e) {
                throw new AssertionError("model " + model + " has no weights enum " + cls + "_Weights", e);
            }
        }
        return out;
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<WeightsEnum> allConstants() {
        List<WeightsEnum> all = new ArrayList<>();
        for (Class<?> c : enumsByModel().values()) {
            for (Object constant : c.getEnumConstants()) {
                all.add((WeightsEnum) constant);
            }
        }
        return all;
    }

    @Test
    void everyModelHasAWeightsEnumWithADefault() throws Exception {
        Map<String, Class<?>> enums = enumsByModel();
        assertThat(enums).hasSize(80);
        for (Class<?> c : enums.values()) {
            assertThat(c.isEnum()).as(c.getName()).isTrue();
            assertThat(WeightsEnum.class.isAssignableFrom(c)).as(c.getName()).isTrue();
            assertThat(c.getEnumConstants()).as(c.getName()).isNotEmpty();
            Object dflt = c.getField("DEFAULT").get(null);
            assertThat(List.<Object>of(c.getEnumConstants())).as(c.getName()).contains(dflt);
        }
        assertThat(allConstants()).hasSize(115);
        assertThat(RegNet_Y_128GF_Weights.values()).extracting(Enum::name)
                .containsExactly("IMAGENET1K_SWAG_E2E_V1", "IMAGENET1K_SWAG_LINEAR_V1");
        assertThat(RegNet_Y_128GF_Weights.DEFAULT).isSameAs(RegNet_Y_128GF_Weights.IMAGENET1K_SWAG_E2E_V1);
        assertThat(ViT_H_14_Weights.IMAGENET1K_SWAG_E2E_V1.fileName()).isEqualTo("vit_h_14_swag-80465313.pth");
        assertThat(ViT_H_14_Weights.IMAGENET1K_SWAG_E2E_V1.weights().minSize()).containsExactly(518, 518);
        assertThat(Swin_V2_B_Weights.IMAGENET1K_V1.fileName()).isEqualTo("swin_v2_b-781e5279.pth");
        assertThat(ResNet50_Weights.IMAGENET1K_V2.fileName()).isEqualTo("resnet50-11ad3fa6.pth");
    }

    /** torch.hub's rule: the cache name is the URL's last segment, and its hash prefix the hex after the last '-'. */
    @Test
    void fileNamesFollowTorchHubsRule() {
        for (WeightsEnum w : allConstants()) {
            String url = w.url();
            String label = w.getClass().getSimpleName() + "." + w.name();
            assertThat(url).as(label).startsWith("https://download.pytorch.org/models/").endsWith(".pth");
            String file = url.substring(url.lastIndexOf('/') + 1);
            assertThat(w.fileName()).as(label).isEqualTo(file);
            String stem = file.substring(0, file.length() - ".pth".length());
            String prefix = stem.substring(stem.lastIndexOf('-') + 1);
            assertThat(prefix).as(label).matches("[0-9a-f]{8,10}");
            assertThat(Hub.hashPrefix(file)).as(label).isEqualTo(prefix);
            assertThat(w.weights().numParams()).as(label).isPositive();
            assertThat(w.meta()).as(label).containsKeys("num_params", "min_size", "recipe", "acc@1", "acc@5");
        }
    }

    @Test
    void imagenetCategories() {
        List<String> names = ResNet50_Weights.DEFAULT.weights().categories();
        assertThat(names).hasSize(1000).doesNotHaveDuplicates();
        assertThat(names.get(0)).isEqualTo("tench");
        assertThat(names.get(1)).isEqualTo("goldfish");
        assertThat(names.get(207)).isEqualTo("golden retriever");
        assertThat(names.get(281)).isEqualTo("tabby");
        assertThat(names.get(999)).isEqualTo("toilet tissue");
        assertThat(names).allSatisfy(n -> assertThat(n).isNotBlank().isEqualTo(n.strip()));
    }
}
