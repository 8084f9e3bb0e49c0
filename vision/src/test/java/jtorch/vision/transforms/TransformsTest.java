package jtorch.vision.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import jtorch.Tensor;
import jtorch.Torch;
import jtorch.tensor.Generator;
import jtorch.vision.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransformsTest {
    private static Image rgb() throws Exception {
        Npy x = Npy.resource("/jtorch/vision/golden/resize_in_rgb.npy");
        return new Image(x.shape()[0], x.shape()[1], 3, x.u1());
    }

    /** A 2x3 RGB image whose red channel is 10*y + x, green 100, blue 255. */
    private static Image small() {
        byte[] px = new byte[2 * 3 * 3];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                px[(y * 3 + x) * 3] = (byte) (10 * y + x);
                px[(y * 3 + x) * 3 + 1] = 100;
                px[(y * 3 + x) * 3 + 2] = (byte) 255;
            }
        }
        return new Image(2, 3, 3, px);
    }

    @Test
    void toTensorIsChwOver255() {
        Tensor t = ToTensor.toTensor(small());
        assertThat(t.shape()).containsExactly(3, 2, 3);
        float[] v = t.toFloatArray();
        assertThat(v[4]).isEqualTo(11 / 255f);
        assertThat(v[6]).isEqualTo(100 / 255f);
        assertThat(v[17]).isEqualTo(1f);
        assertThatThrownBy(() -> new ToTensor().apply(t)).hasMessageContaining("pic should be an Image");
    }

    @Test
    void normalizePerChannel() {
        Tensor t = ToTensor.toTensor(small());
        Tensor n = (Tensor) new Normalize(new double[] {0.5, 0.5, 0.5}, new double[] {0.5, 0.25, 0.5}).apply(t);
        assertThat(n.toFloatArray()[17]).isEqualTo(1f);
        assertThat(n.toFloatArray()[6]).isCloseTo((100 / 255f - 0.5f) / 0.25f, within(1e-6f));
        assertThatThrownBy(() -> new Normalize(new double[] {0}, new double[] {0})).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> new Normalize(new double[] {0.5, 0.5}, new double[] {1, 1}).apply(t)).hasMessageContaining("2 means");
        assertThatThrownBy(() -> new Normalize(new double[] {0.5}, new double[] {1}).apply(small())).hasMessageContaining("ToTensor");
    }

    @Test
    void flipAndCenterCropOnImageAndTensorAgree() {
        Image img = small();
        Image flipped = (Image) new RandomHorizontalFlip(1.0).apply(img);
        assertThat(flipped.get(1, 0, 0)).isEqualTo(12);
        assertThat(new RandomHorizontalFlip(0.0).apply(img)).isSameAs(img);
        Tensor tf = (Tensor) new RandomHorizontalFlip(1.0).apply(ToTensor.toTensor(img));
        assertThat(Torch.equal(tf, ToTensor.toTensor(flipped))).isTrue();

        Image cc = (Image) new CenterCrop(1, 1).apply(img);
        assertThat(cc.get(0, 0, 0)).isEqualTo(1);   // top = round(0.5) = 0 (half to even), left = 1
        Image padded = (Image) new CenterCrop(4, 5).apply(img);
        assertThat(padded.get(0, 0, 2)).isZero();
        assertThat(padded.get(1, 1, 0)).isEqualTo(0);
        assertThat(padded.get(2, 3, 0)).isEqualTo(12);
        Tensor ct = (Tensor) new CenterCrop(4, 5).apply(ToTensor.toTensor(img));
        assertThat(Torch.equal(ct, ToTensor.toTensor(padded))).isTrue();
    }

    @Test
    void randomCropPadsAndDrawsLikeTorchvision() {
        Image img = small();
        var crop = new RandomCrop(2, 3, 1, new Generator(0));
        Image a = (Image) crop.apply(img);
        // torch.manual_seed(0): randint(0, 3, (1,)) -> 2, randint(0, 3, (1,)) -> 0 (two draws of the same generator)
        Generator g = new Generator(0);
        int i = (int) Torch.randint(g, 0, 3, 1).item();
        int j = (int) Torch.randint(g, 0, 3, 1).item();
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                int sy = y + i - 1;
                int sx = x + j - 1;
                int expected = sy >= 0 && sy < 2 && sx >= 0 && sx < 3 ? img.get(sy, sx, 1) : 0;
                assertThat(a.get(y, x, 1)).isEqualTo(expected);
            }
        }
        assertThatThrownBy(() -> new RandomCrop(5).apply(img)).hasMessageContaining("Required crop size (5, 5) is larger than input image size (2, 3)");
        assertThatThrownBy(() -> new RandomCrop(0)).hasMessageContaining("positive");
    }

    @ParameterizedTest
    @CsvSource({"4,5", "13,11", "7,4", "3,9", "20,30"})
    void resizeImageEqualsPillow(int h, int w) throws Exception {
        Image out = (Image) new Resize(h, w).apply(rgb());
        byte[] expected = Npy.resource("/jtorch/vision/golden/resize_pil_rgb_" + h + "x" + w + ".npy").u1();
        assertThat(out.pixels()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"4,5", "13,11", "7,4", "3,9", "20,30"})
    void resizeTensorMatchesTorchAntialias(int h, int w) throws Exception {
        Tensor out = (Tensor) new Resize(h, w).apply(ToTensor.toTensor(rgb()));
        float[] expected = Npy.resource("/jtorch/vision/golden/resize_torch_" + h + "x" + w + ".npy").f4();
        float[] got = out.toFloatArray();
        assertThat(out.shape()).containsExactly(3, h, w);
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).as("element %d", i).isCloseTo(expected[i], within(1e-5f));
        }
    }

    @Test
    void resizeGreyAndShorterEdge() throws Exception {
        Npy in = Npy.resource("/jtorch/vision/golden/resize_in_l.npy");
        Image grey = new Image(10, 6, 1, in.u1());
        Image out = (Image) new Resize(5, 3).apply(grey);
        assertThat(out.pixels()).isEqualTo(Npy.resource("/jtorch/vision/golden/resize_pil_l_5x3.npy").u1());
        Image shorter = (Image) new Resize(3).apply(grey);
        assertThat(shorter.width()).isEqualTo(3);
        assertThat(shorter.height()).isEqualTo(5);
    }

    @Test
    void composeRunsInOrderAndImagesValidate() {
        Transform t = new Compose(new CenterCrop(2, 2), new ToTensor());
        assertThat(((Tensor) t.apply(small())).shape()).containsExactly(3, 2, 2);
        assertThatThrownBy(() -> new Compose(new ToTensor(), null)).hasMessageContaining("transform 1 is null");
        assertThatThrownBy(() -> new Image(2, 2, 3, new byte[5])).hasMessageContaining("needs 12 bytes");
        assertThatThrownBy(() -> new Image(2, 2, 2, new byte[8])).hasMessageContaining("1 (L) or 3 (RGB)");
        assertThatThrownBy(() -> new CenterCrop(2).apply("x")).hasMessageContaining("expected an Image");
    }
}
