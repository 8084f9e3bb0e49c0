package jtorch.vision.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** torchvision's {@code _IMAGENET_CATEGORIES}: the 1000 ImageNet-1K class names, read once from a resource. */
final class ImagenetCategories {
    private static volatile List<String> names;

    private ImagenetCategories() {}

    static List<String> get() {
        List<String> local = names;
        if (local == null) {
            local = read();
            names = local;
        }
        return local;
    }

    private static List<String> read() {
        try (InputStream in = ImagenetCategories.class.getResourceAsStream("imagenet_categories.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource jtorch/vision/models/imagenet_categories.txt is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return List.of(text.strip().split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
