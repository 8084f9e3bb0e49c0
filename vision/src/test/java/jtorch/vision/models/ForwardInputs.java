package jtorch.vision.models;

/** The input side for each model's forward check: small where the architecture allows, to keep the run short. */
final class ForwardInputs {
    private ForwardInputs() {}

    static int size(String name) {
        if (name.startsWith("vit_")) {
            return 224;     // NOTE: ViT's position embedding is fixed to 224x224 inputs.
        }
        if (name.equals("inception_v3")) {
            return 75;      // the smallest input Inception v3's stride-2 convolutions and pools accept
        }
        if (name.startsWith("swin")) {
            return 112;     // 28x28 tokens after the stem: still exercises shifted windows, padding and merging
        }
        if (name.startsWith("maxvit")) {
            return 224;
        }
        return 64;
    }
}
