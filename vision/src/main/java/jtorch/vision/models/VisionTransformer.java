package jtorch.vision.models;

import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.Conv2d;
import jtorch.nn.Dropout;
import jtorch.nn.GELU;
import jtorch.nn.LayerNorm;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.MultiheadAttention;
import jtorch.nn.Parameter;
import jtorch.nn.Sequential;
import jtorch.nn.init.Init;

/**
 * Vision Transformer ("An Image is Worth 16x16 Words"): patches embedded by a strided conv, a class token,
 * learned position embeddings, pre-norm encoder blocks, and a linear head on the class token.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/vision_transformer.py">torchvision/models/vision_transformer.py</a>
 */
public class VisionTransformer extends Module {
    private final int imageSize;
    private final int patchSize;
    private final int hiddenDim;
    private final Parameter classToken;

    public VisionTransformer(int imageSize, int patchSize, int numLayers, int numHeads, int hiddenDim, int mlpDim,
                             int numClasses) {
        if (imageSize % patchSize != 0) {
            throw new IllegalArgumentException("Input shape indivisible by patch size!");
        }
        this.imageSize = imageSize;
        this.patchSize = patchSize;
        this.hiddenDim = hiddenDim;
        Conv2d convProj = registerModule("conv_proj", new Conv2d(3, hiddenDim, patchSize, patchSize));
        int seqLength = (imageSize / patchSize) * (imageSize / patchSize);
        classToken = registerParameter("class_token", new Parameter(Torch.zeros(1, 1, hiddenDim).data()));
        seqLength += 1;
        registerModule("encoder", new Encoder(seqLength, numLayers, numHeads, hiddenDim, mlpDim));
        Sequential heads = registerModule("heads", new Sequential());
        Linear head = new Linear(hiddenDim, numClasses);
        heads.addModule("head", head);
        if (Inits.enabled()) {
            int fanIn = 3 * patchSize * patchSize;
            Inits.truncNormal(convProj.weight, 0.0, Math.sqrt(1.0 / fanIn), -2, 2);
            Init.zeros(convProj.bias);
            Init.zeros(head.weight);
            Init.zeros(head.bias);
        }
    }

    public Conv2d convProj() {
        return (Conv2d) child("conv_proj");
    }

    public Encoder encoder() {
        return (Encoder) child("encoder");
    }

    public Sequential heads() {
        return (Sequential) child("heads");
    }

    @Override
    public Tensor forward(Tensor x) {
        int n = x.size(0);
        if (x.size(2) != imageSize || x.size(3) != imageSize) {
            throw new IllegalArgumentException("Wrong image size! Expected " + imageSize + " but got " + x.size(2)
                    + "x" + x.size(3));
        }
        int side = imageSize / patchSize;
        x = child("conv_proj").forward(x).reshape(n, hiddenDim, side * side).permute(0, 2, 1);
        Tensor token = classToken.expand(n, 1, hiddenDim);
        x = Torch.cat(List.of(token, x), 1);
        x = child("encoder").forward(x);
        x = x.select(1, 0);
        return child("heads").forward(x);
    }

    /** Position embeddings, dropout, the encoder blocks ("encoder_layer_0", ...) and a final LayerNorm. */
    public static final class Encoder extends Module {
        private final Parameter posEmbedding;

        Encoder(int seqLength, int numLayers, int numHeads, int hiddenDim, int mlpDim) {
            posEmbedding = registerParameter("pos_embedding", new Parameter(Torch.zeros(1, seqLength, hiddenDim).data()));
            if (Inits.enabled()) {
                Init.normal(posEmbedding, 0.0, 0.02);
            }
            registerModule("dropout", new Dropout(0.0));
            Sequential layers = registerModule("layers", new Sequential());
            for (int i = 0; i < numLayers; i++) {
                layers.addModule("encoder_layer_" + i, new EncoderBlock(numHeads, hiddenDim, mlpDim));
            }
            registerModule("ln", new LayerNorm(hiddenDim, 1e-6));
        }

        @Override
        public Tensor forward(Tensor input) {
            Tensor x = input.add(posEmbedding);
            return child("ln").forward(child("layers").forward(child("dropout").forward(x)));
        }
    }

    /** Pre-norm transformer block: x + attention(LN(x)), then + MLP(LN(·)). */
    static final class EncoderBlock extends Module {
        EncoderBlock(int numHeads, int hiddenDim, int mlpDim) {
            registerModule("ln_1", new LayerNorm(hiddenDim, 1e-6));
            registerModule("self_attention", new MultiheadAttention(hiddenDim, numHeads, 0.0, true, true));
            registerModule("dropout", new Dropout(0.0));
            registerModule("ln_2", new LayerNorm(hiddenDim, 1e-6));
            registerModule("mlp", new MLPBlock(hiddenDim, mlpDim));
        }

        @Override
        public Tensor forward(Tensor input) {
            Tensor x = child("dropout").forward(child("self_attention").forward(child("ln_1").forward(input))).add(input);
            return x.add(child("mlp").forward(child("ln_2").forward(x)));
        }
    }

    /** Linear, GELU, Dropout, Linear, Dropout; Linear weights Xavier-uniform, biases N(0, 1e-6). */
    static final class MLPBlock extends Sequential {
        MLPBlock(int inDim, int mlpDim) {
            Linear fc1 = new Linear(inDim, mlpDim);
            Linear fc2 = new Linear(mlpDim, inDim);
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
