package jtorch.vision.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.autograd.GradMode;
import jtorch.nn.Identity;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.Sequential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning's first step, {@code model.fc = nn.Linear(512, 10)}: a child replaced after construction
 * ({@code registerModule}, or {@code set(i, m)} on a Sequential) must be the one the model's forward runs.
 */
class HeadReplacementTest {
    @TempDir
    Path dir;

    @BeforeEach
    void structureOnly() {
        // PERF: the init loops are irrelevant here; layers keep their default init.
        Inits.setEnabled(false);
        Torch.manualSeed(0);
    }

    @AfterEach
    void restore() {
        Inits.setEnabled(true);
    }

    private static int[] forwardShape(Module model, int size) {
        model.eval();
        try (GradMode.Scope ignored = Torch.noGrad()) {
            return model.forward(Torch.randn(1, 3, size, size)).shape();
        }
    }

    @Test
    void resnet18Fc() {
        ResNet model = Models.resnet18();
        model.registerModule("fc", new Linear(512, 10));   // model.fc = nn.Linear(512, 10)
        assertThat(forwardShape(model, 64)).containsExactly(1, 10);
        assertThat(model.fc().outFeatures).isEqualTo(10);
    }

    @Test
    void resnet18InnerStageAndHead() {
        ResNet model = Models.resnet18();
        model.addModule("layer4", new Identity());             // model.layer4 = nn.Identity()
        model.registerModule("fc", new Linear(256, 10));
        assertThat(forwardShape(model, 64)).containsExactly(1, 10);
    }

    @Test
    void densenet121Classifier() {
        DenseNet model = Models.densenet121();
        model.registerModule("classifier", new Linear(1024, 10));
        assertThat(forwardShape(model, 64)).containsExactly(1, 10);
    }

    @Test
    void mobilenetV2ClassifierIndex() {
        MobileNetV2 model = Models.mobilenet_v2();
        model.classifier().set(1, new Linear(1280, 10));      // model.classifier[1] = nn.Linear(1280, 10)
        assertThat(forwardShape(model, 64)).containsExactly(1, 10);
    }

    @Test
    void efficientnetB0ClassifierIndex() {
        EfficientNet model = Models.efficientnet_b0();
        model.classifier().set(1, new Linear(1280, 10));
        assertThat(forwardShape(model, 64)).containsExactly(1, 10);
    }

    @Test
    void visionTransformerHeadsHead() {
        // a small ViT: the same class as vit_b_16, at a fraction of the cost
        VisionTransformer model = new VisionTransformer(32, 16, 1, 2, 64, 128, 1000);
        model.heads().addModule("head", new Linear(64, 10));  // model.heads.head = nn.Linear(768, 10)
        assertThat(forwardShape(model, 32)).containsExactly(1, 10);
    }

    @Test
    void swinHeadAndMaxVitClassifier() {
        SwinTransformer swin = new SwinTransformer(4, 16, new int[] {1, 1}, new int[] {1, 2}, 4, 0.0, 1000, false);
        swin.registerModule("head", new Linear(32, 10));
        assertThat(forwardShape(swin, 32)).containsExactly(1, 10);
        MaxVit maxvit = smallMaxVit();
        ((Sequential) maxvit.getSubmodule("classifier")).set(5, new Linear(32, 10, false));
        assertThat(forwardShape(maxvit, 64)).containsExactly(1, 10);
    }

    @Test
    void replacedHeadsSurviveWholeModelSaveAndLoad() throws IOException {
        ResNet resnet = Models.resnet18();
        resnet.registerModule("fc", new Linear(512, 10));
        assertRoundTrip(resnet, 64);
        MaxVit maxvit = smallMaxVit();
        ((Sequential) maxvit.getSubmodule("classifier")).set(5, new Linear(32, 10, false));
        assertRoundTrip(maxvit, 64);
        assertRoundTrip(smallMaxVit(), 64);
    }

    /** MaxViT's structure at a tenth of maxvit_t's width: 64×64 inputs give grids 16, 8, 4, 2 for partition 2. */
    private static MaxVit smallMaxVit() {
        return new MaxVit(new int[] {64, 64}, 16, 2, new int[] {16, 16, 32, 32}, new int[] {1, 2, 1, 1}, 8, 0.2, 7);
    }

    private void assertRoundTrip(Module model, int size) throws IOException {
        Path p = dir.resolve("model.pth");
        model.eval();
        Torch.save(model, p);
        Module back = Torch.load(p);
        back.eval();
        assertThat(back.getClass()).isEqualTo(model.getClass());
        assertThat(back.toString()).isEqualTo(model.toString());
        Tensor x = Torch.randn(1, 3, size, size);
        try (GradMode.Scope ignored = Torch.noGrad()) {
            float[] expected = model.forward(x).toFloatArray();
            assertThat(back.forward(x).toFloatArray()).containsExactly(expected);
        }
    }
}
