package jtorch.vision.models;

import java.util.List;
import java.util.Map;

/**
 * A pretrained checkpoint's description, as torchvision's {@code Weights} dataclass: where the file is,
 * and what it was trained for ({@code meta}).
 *
 * <p>The file name ends in {@code -<hashprefix>.pth}: the prefix is the first hex digits of the file's
 * SHA-256, which {@link Hub} checks after a download, as {@code torch.hub} does with {@code check_hash=True}.
 *
 * @param url the download address, e.g. {@code https://download.pytorch.org/models/vgg16-397923af.pth}
 * @param numParams the parameter count ({@code meta["num_params"]})
 * @param minSize the smallest input (height, width) the model accepts ({@code meta["min_size"]})
 * @param acc1 ImageNet-1K top-1 accuracy in percent ({@code meta["_metrics"]["ImageNet-1K"]["acc@1"]})
 * @param acc5 top-5 accuracy in percent
 * @param cropSize the center crop of the evaluation transform ({@code ImageClassification(crop_size=...)})
 * @param resizeSize the resize before the crop
 * @param recipe the training recipe's address
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/_api.py">torchvision/models/_api.py</a>
 */
public record Weights(String url, long numParams, int[] minSize, double acc1, double acc5, int cropSize,
                      int resizeSize, String recipe) {

    /** The file name in the cache: the last path segment of the URL. */
    public String fileName() {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /**
     * The ImageNet-1K class names, index to name ({@code meta["categories"]}).
     *
     * @throws IllegalStateException while the resource {@code imagenet_categories.txt} is not yet shipped
     */
    public List<String> categories() {
        return ImagenetCategories.get();
    }

    /** The metadata as torchvision's {@code meta} dict (a subset: the keys above, without categories). */
    public Map<String, Object> meta() {
        return Map.of("num_params", numParams, "min_size", List.of(minSize[0], minSize[1]), "recipe", recipe,
                "acc@1", acc1, "acc@5", acc5);
    }
}
