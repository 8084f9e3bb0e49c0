package jtorch.vision.models;

import java.util.Map;
import jtorch.Tensor;

/**
 * What every {@code *_Weights} enum implements (torchvision's {@code WeightsEnum}): each constant
 * ({@code IMAGENET1K_V1}, ...) carries a {@link Weights}, and {@link #getStateDict(boolean)} reads its
 * checkpoint from the cache or downloads it.
 */
public interface WeightsEnum {
    /** The description of this checkpoint. */
    Weights weights();

    /** The constant's name, e.g. {@code IMAGENET1K_V1}. */
    String name();

    default String url() {
        return weights().url();
    }

    default String fileName() {
        return weights().fileName();
    }

    default Map<String, Object> meta() {
        return weights().meta();
    }

    /** Reads the checkpoint ({@code weights.get_state_dict(progress=progress)}), downloading it when absent. */
    default Map<String, Tensor> getStateDict(boolean progress) {
        return Hub.loadStateDictFromUrl(url(), progress);
    }
}
