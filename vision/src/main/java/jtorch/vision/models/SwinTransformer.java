package jtorch.vision.models;

import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Dropout;
import jtorch.nn.Flatten;
import jtorch.nn.GELU;
import jtorch.nn.LayerNorm;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.Sequential;
import jtorch.nn.StochasticDepth;
import jtorch.nn.functional.F;
import jtorch.nn.init.Init;

/**
 * Swin Transformer V1 ("Swin Transformer: Hierarchical Vision Transformer using Shifted Windows") and V2
 * ("Swin Transformer V2: Scaling Up Capacity and Resolution"): a 4×4 patch embedding, stages of
 * window-attention blocks (every second one with shifted windows) joined by patch merging, then
 * LayerNorm, average pool and head. Works channels-last (N, H, W, C) inside.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/swin_transformer.py">torchvision/models/swin_transformer.py</a>
 */
public class SwinTransformer extends Module {

    /** @param v2 build V2 blocks (post-norm, cosine attention, log-spaced continuous position bias) */
    public SwinTransformer(int patchSize, int embedDim, int[] depths, int[] numHeads, int windowSize,
                           double stochasticDepthProb, int numClasses, boolean v2) {
        Sequential features = registerModule("features", new Sequential());
        features.add(new Sequential(new Conv2d(3, embedDim, patchSize, patchSize), new Permute(0, 2, 3, 1),
                new LayerNorm(embedDim, 1e-5)));
        int total = 0;
        for (int d : depths) {
            total += d;
        }
        int blockId = 0;
        for (int s = 0; s < depths.length; s++) {
            Sequential stage = new Sequential();
            int dim = embedDim << s;
            for (int i = 0; i < depths[s]; i++) {
                double sdProb = stochasticDepthProb * (double) blockId / (total - 1);
                int shift = i % 2 == 0 ? 0 : windowSize / 2;
                stage.add(new SwinBlock(dim, numHeads[s], windowSize, shift, sdProb, v2));
                blockId++;
            }
            features.add(stage);
            if (s < depths.length - 1) {
                features.add(new PatchMerging(dim, v2));
            }
        }
        int numFeatures = embedDim << (depths.length - 1);
        registerModule("norm", new LayerNorm(numFeatures, 1e-5));
        registerModule("permute", new Permute(0, 3, 1, 2));
        registerModule("avgpool", new AdaptiveAvgPool2d(1));
        registerModule("flatten", new Flatten(1, -1));
        registerModule("head", new Linear(numFeatures, numClasses));
        if (Inits.enabled()) {
            for (Module m : modules()) {
                if (m instanceof Linear linear) {
                    Inits.truncNormal(linear.weight, 0.0, 0.02, -2, 2);
                    if (linear.bias != null) {
                        Init.zeros(linear.bias);
                    }
                }
            }
        }
    }

    public Sequential features() {
        return (Sequential) child("features");
    }

    public Linear head() {
        return (Linear) child("head");
    }

    @Override
    public Tensor forward(Tensor x) {
        x = child("norm").forward(child("features").forward(x));
        x = child("avgpool").forward(child("permute").forward(x));
        return child("head").forward(child("flatten").forward(x));
    }

    /** {@code torch.roll} over dims 1 and 2 of (N, H, W, C) by (sh, sw). */
    static Tensor roll(Tensor x, int sh, int sw) {
        x = roll1(x, 1, sh);
        return roll1(x, 2, sw);
    }

    private static Tensor roll1(Tensor x, int dim, int shift) {
        int n = x.size(dim);
        int s = ((shift % n) + n) % n;
        if (s == 0) {
            return x;
        }
        return Torch.cat(List.of(x.narrow(dim, n - s, s), x.narrow(dim, 0, n - s)), dim);
    }

    /** (N, H, W, C) → (N, H/2, W/2, 4C) in the order x[0::2,0::2], x[1::2,0::2], x[0::2,1::2], x[1::2,1::2]. */
    static Tensor patchMergingPad(Tensor x) {
        int h = x.size(1);
        int w = x.size(2);
        x = F.pad(x, new int[] {0, 0, 0, w % 2, 0, h % 2});
        int b = x.size(0);
        int ph = x.size(1);
        int pw = x.size(2);
        int c = x.size(3);
        Tensor v = x.reshape(b, ph / 2, 2, pw / 2, 2, c);
        Tensor x0 = v.select(2, 0).select(3, 0);
        Tensor x1 = v.select(2, 1).select(3, 0);
        Tensor x2 = v.select(2, 0).select(3, 1);
        Tensor x3 = v.select(2, 1).select(3, 1);
        return Torch.cat(List.of(x0, x1, x2, x3), -1);
    }

    /** Halves H and W, doubles C: V1 norms the 4C concat then reduces; V2 reduces then norms. */
    static final class PatchMerging extends Module {
        private final boolean v2;

        PatchMerging(int dim, boolean v2) {
            this.v2 = v2;
            registerModule("reduction", new Linear(4 * dim, 2 * dim, false));
            registerModule("norm", new LayerNorm(v2 ? 2 * dim : 4 * dim, 1e-5));
        }

        @Override
        protected String reprName() {
            return v2 ? "PatchMergingV2" : "PatchMerging";
        }

        @Override
        public Tensor forward(Tensor x) {
            x = patchMergingPad(x);
            return v2 ? child("norm").forward(child("reduction").forward(x)) : child("reduction").forward(child("norm").forward(x));
        }
    }

    /** One Swin block: V1 pre-norm {@code x + sd(attn(norm1(x)))}; V2 post-norm {@code x + sd(norm1(attn(x)))}. */
    static final class SwinBlock extends Module {
        private final boolean v2;

        SwinBlock(int dim, int numHeads, int windowSize, int shiftSize, double sdProb, boolean v2) {
            this.v2 = v2;
            registerModule("norm1", new LayerNorm(dim, 1e-5));
            registerModule("attn", v2
                    ? new ShiftedWindowAttentionV2(dim, windowSize, shiftSize, numHeads)
                    : new ShiftedWindowAttention(dim, windowSize, shiftSize, numHeads));
            registerModule("stochastic_depth", new StochasticDepth(sdProb, "row"));
            registerModule("norm2", new LayerNorm(dim, 1e-5));
            registerModule("mlp", new MLP(dim, 4 * dim));
        }

        @Override
        protected String reprName() {
            return v2 ? "SwinTransformerBlockV2" : "SwinTransformerBlock";
        }

        @Override
        public Tensor forward(Tensor x) {
            if (v2) {
                x = x.add(child("stochastic_depth").forward(child("norm1").forward(child("attn").forward(x))));
                return x.add(child("stochastic_depth").forward(child("norm2").forward(child("mlp").forward(x))));
            }
            x = x.add(child("stochastic_depth").forward(child("attn").forward(child("norm1").forward(x))));
            return x.add(child("stochastic_depth").forward(child("mlp").forward(child("norm2").forward(x))));
        }
    }

    /** torchvision's {@code ops.MLP} as Swin uses it: Linear, GELU, Dropout, Linear, Dropout. */
    static final class MLP extends Sequential {
        MLP(int dim, int hidden) {
            Linear fc1 = new Linear(dim, hidden);
            Linear fc2 = new Linear(hidden, dim);
            add(fc1);
            add(new GELU());
            add(new Dropout(0.0));
            add(fc2);
            add(new Dropout(0.0));
            if (Inits.enabled()) {
                for (Linear l : new Linear[] {fc1, fc2}) {
                    Init.xavierUniform(l.weight);
                    Init.normal(l.bias, 0.0, 1e-6);
                }
            }
        }
    }
}
