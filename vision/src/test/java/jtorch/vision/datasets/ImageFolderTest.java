package jtorch.vision.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import jtorch.data.Batch;
import jtorch.data.DataLoader;
import jtorch.vision.transforms.Compose;
import jtorch.vision.transforms.Resize;
import jtorch.vision.transforms.ToTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    private static void png(Path file, int w, int h, int rgb) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(img, file.toString().endsWith(".jpg") ? "jpg" : "png", file.toFile());
    }

    @Test
    void classesAreSortedSubfoldersAndImagesDecodeToRgb(@TempDir Path root) throws IOException {
        png(root.resolve("dog/b.png"), 4, 3, 0x102030);
        png(root.resolve("dog/a.png"), 4, 3, 0x405060);
        png(root.resolve("cat/x/1.PNG"), 5, 5, 0xff0000);
        png(root.resolve("cat/2.jpg"), 8, 8, 0x00ff00);
        Files.writeString(root.resolve("cat/readme.txt"), "not an image");
        var ds = new ImageFolder(root, null);
        assertThat(ds.classes()).containsExactly("cat", "dog");
        assertThat(ds.targets()).containsExactly(0, 0, 1, 1);
        assertThat(ds.files().get(2).getFileName().toString()).isEqualTo("a.png");
        var a = ds.image(2);
        assertThat(a.channels()).isEqualTo(3);
        assertThat(new int[] {a.get(0, 0, 0), a.get(0, 0, 1), a.get(0, 0, 2)}).containsExactly(0x40, 0x50, 0x60);
        assertThat(ds.image(1).get(2, 2, 0)).isEqualTo(255);
        var loader = new DataLoader(new ImageFolder(root, new Compose(new Resize(4, 4), new ToTensor())), 4);
        Batch b = loader.iterator().next();
        assertThat(b.inputs().shape()).containsExactly(4, 3, 4, 4);
        assertThat(b.targets().toLongArray()).containsExactly(0, 0, 1, 1);
    }

    @Test
    void errorsNameTheProblem(@TempDir Path root) throws IOException {
        assertThatThrownBy(() -> new ImageFolder(root.resolve("nope"), null)).hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> new ImageFolder(root, null)).hasMessageContaining("Couldn't find any class folder");
        Files.createDirectories(root.resolve("empty"));
        assertThatThrownBy(() -> new ImageFolder(root, null)).hasMessageContaining("Found no valid file for the class empty");
        Files.write(root.resolve("empty/broken.png"), new byte[] {1, 2, 3});
        var ds = new ImageFolder(root, null);
        assertThatThrownBy(() -> ds.get(0)).hasMessageContaining("broken.png");
    }
}
