package jtorch.vision.models;

import java.util.function.IntFunction;
import java.util.function.Supplier;
import jtorch.Tensor;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.AvgPool2d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Flatten;
import jtorch.nn.GELU;
import jtorch.nn.Identity;
import jtorch.nn.LayerNorm;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.ModuleList;
import jtorch.nn.Sequential;
import jtorch.nn.SiLU;
import jtorch.nn.Sigmoid;
import jtorch.nn.StochasticDepth;
import jtorch.nn.Tanh;
import jtorch.nn.init.Init;

/**
 * MaxViT ("MaxViT: Multi-Axis Vision Transformer"): a two-conv stem, then blocks of {@link MaxVitLayer}s, each an
 * {@link MBConv} followed by window attention and grid attention ({@link PartitionAttentionLayer}), then average
 * pool, LayerNorm and a Linear–Tanh–Linear head. The stochastic-depth probability grows linearly over all layers.
 *
 * <p>The input size is fixed at construction (224×224 for {@code maxvit_t}): every block's grid must be divisible
 * by the partition size, and the attention layers partition by the grid computed here.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/maxvit.py">torchvision/models/maxvit.py</a>
 */
public class MaxVit extends Module {
    public final int[] inputSize;
    public final int stemChannels;
    public final int partitionSize;
    public final int[] blockChannels;
    public final int[] blockLayers;
    public final int headDim;
    public final double stochasticDepthProb;
    public final int numClasses;

    /**
     * MaxViT with torchvision's defaults: BatchNorm2d(eps=1e-3, momentum=0.99) in the convolutions, GELU,
     * squeeze ratio 0.25, expansion ratio 4, MLP ratio 4, no dropout.
     *
     * @param inputSize the (H, W) of the images
     */
    public MaxVit(int[] inputSize, int stemChannels, int partitionSize, int[] blockChannels, int[] blockLayers,
                  int headDim, double stochasticDepthProb, int numClasses) {
        this.inputSize = inputSize.clone();
        this.stemChannels = stemChannels;
        this.partitionSize = partitionSize;
        this.blockChannels = blockChannels.clone();
        this.blockLayers = blockLayers.clone();
        this.headDim = headDim;
        this.stochasticDepthProb = stochasticDepthProb;
        this.numClasses = numClasses;
        // TORCH: norm_layer=None means BatchNorm2d(eps=1e-3, momentum=0.99), the reference implementation's values.
        IntFunction<Module> normLayer = c -> new BatchNorm2d(c, 1e-3, 0.99);
        Supplier<Module> activationLayer = GELU::new;
        checkInputSize(inputSize, blockChannels.length, partitionSize);

        registerModule("stem", new Sequential(
                new Conv2dNormActivation(3, stemChannels, 3, 2, 1, 1, normLayer, activationLayer, 1, false),
                new Conv2dNormActivation(stemChannels, stemChannels, 3, 1, 1, 1, null, null, 1, true)));
        int[] grid = convOutput(inputSize);   // the stem's stride
        ModuleList blocks = registerModule("blocks", new ModuleList());
        double[] pStochastic = linspace(0.0, stochasticDepthProb, sum(blockLayers));
        int pIdx = 0;
        for (int i = 0; i < blockChannels.length; i++) {
            int in = i == 0 ? stemChannels : blockChannels[i - 1];
            double[] ps = java.util.Arrays.copyOfRange(pStochastic, pIdx, pIdx + blockLayers[i]);
            MaxVitBlock block = new MaxVitBlock(in, blockChannels[i], 0.25, 4, normLayer, activationLayer, headDim,
                    4, 0.0, 0.0, partitionSize, grid, ps);
            blocks.append(block);
            grid = block.gridSize;
            pIdx += blockLayers[i];
        }
        int last = blockChannels[blockChannels.length - 1];
        registerModule("classifier", new Sequential(
                new AdaptiveAvgPool2d(1),
                new Flatten(),
                new LayerNorm(last),
                new Linear(last, last),
                // the reference implementation's pre-logits layer: Linear -> Tanh -> Linear
                new Tanh(),
                new Linear(last, numClasses, false)));
        if (Inits.enabled()) {
            initWeights();
        }
    }

    /** torchvision's {@code _init_weights}: conv and linear weights N(0, 0.02), biases 0, norm weights 1. */
    private void initWeights() {
        for (Module m : modules()) {
            if (m instanceof Conv2d conv) {
                Init.normal(conv.weight, 0.0, 0.02);
                if (conv.bias != null) {
                    Init.zeros(conv.bias);
                }
            } else if (m instanceof BatchNorm2d bn) {
                Inits.normOnesZeros(bn);
            } else if (m instanceof Linear linear) {
                Init.normal(linear.weight, 0.0, 0.02);
                if (linear.bias != null) {
                    Init.zeros(linear.bias);
                }
            }
        }
    }

    /** The output side of a 3×3, stride-2, padding-1 convolution. */
    static int[] convOutput(int[] size) {
        return new int[] {(size[0] - 3 + 2) / 2 + 1, (size[1] - 3 + 2) / 2 + 1};
    }

    /** Every block's input grid must split evenly into partitions (torchvision's {@code _make_block_input_shapes}). */
    private static void checkInputSize(int[] inputSize, int nBlocks, int partitionSize) {
        int[] shape = convOutput(inputSize);
        StringBuilder all = new StringBuilder("[");
        int[][] shapes = new int[nBlocks][];
        for (int i = 0; i < nBlocks; i++) {
            shape = convOutput(shape);
            shapes[i] = shape;
            all.append(i == 0 ? "" : ", ").append('(').append(shape[0]).append(", ").append(shape[1]).append(')');
        }
        all.append(']');
        for (int i = 0; i < nBlocks; i++) {
            if (shapes[i][0] % partitionSize != 0 || shapes[i][1] % partitionSize != 0) {
                throw new IllegalArgumentException("Input size (" + shapes[i][0] + ", " + shapes[i][1] + ") of block "
                        + i + " is not divisible by partition size " + partitionSize
                        + ". Consider changing the partition size or the input size.\n"
                        + "Current configuration yields the following block input sizes: " + all + ".");
            }
        }
    }

    /** {@code np.linspace(start, stop, n)}: i·step, the last value exactly {@code stop}; printed p values depend on it. */
    static double[] linspace(double start, double stop, int n) {
        double[] out = new double[n];
        if (n == 1) {
            out[0] = start;
            return out;
        }
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) {
            out[i] = i * step + start;
        }
        out[n - 1] = stop;
        return out;
    }

    private static int sum(int[] xs) {
        int s = 0;
        for (int x : xs) {
            s += x;
        }
        return s;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = child("stem").forward(input);
        for (Module block : child("blocks").children()) {
            x = block.forward(x);
        }
        return child("classifier").forward(x);
    }

    /** {@code n_layers} {@link MaxVitLayer}s; the first one halves the grid. */
    static final class MaxVitBlock extends Module {
        /** The grid after this block's stride-2 first layer. */
        final int[] gridSize;

        MaxVitBlock(int in, int out, double squeezeRatio, double expansionRatio, IntFunction<Module> normLayer,
                    Supplier<Module> activationLayer, int headDim, int mlpRatio, double mlpDropout,
                    double attentionDropout, int partitionSize, int[] inputGridSize, double[] pStochastic) {
            gridSize = convOutput(inputGridSize);
            ModuleList layers = registerModule("layers", new ModuleList());
            for (int idx = 0; idx < pStochastic.length; idx++) {
                layers.append(new MaxVitLayer(idx == 0 ? in : out, out, squeezeRatio, expansionRatio,
                        idx == 0 ? 2 : 1, normLayer, activationLayer, headDim, mlpRatio, mlpDropout, attentionDropout,
                        pStochastic[idx], partitionSize, gridSize));
            }
        }

        @Override
        public Tensor forward(Tensor input) {
            Tensor x = input;
            for (Module layer : child("layers").children()) {
                x = layer.forward(x);
            }
            return x;
        }
    }

    /** An MBConv, then window attention, then grid attention, in a Sequential named as torchvision names them. */
    static final class MaxVitLayer extends Module {
        MaxVitLayer(int in, int out, double squeezeRatio, double expansionRatio, int stride,
                    IntFunction<Module> normLayer, Supplier<Module> activationLayer, int headDim, int mlpRatio,
                    double mlpDropout, double attentionDropout, double pStochasticDropout, int partitionSize,
                    int[] gridSize) {
            Sequential layers = registerModule("layers", new Sequential());
            layers.addModule("MBconv", new MBConv(in, out, expansionRatio, squeezeRatio, stride, activationLayer,
                    normLayer, pStochasticDropout));
            // NOTE: the attention layers use LayerNorm whatever normLayer the convolutions use.
            layers.addModule("window_attention", new PartitionAttentionLayer(out, headDim, partitionSize, "window",
                    gridSize, mlpRatio, activationLayer, attentionDropout, mlpDropout, pStochasticDropout));
            layers.addModule("grid_attention", new PartitionAttentionLayer(out, headDim, partitionSize, "grid",
                    gridSize, mlpRatio, activationLayer, attentionDropout, mlpDropout, pStochasticDropout));
        }

        @Override
        public Tensor forward(Tensor input) {
            return child("layers").forward(input);
        }
    }

    /**
     * MaxViT's MBConv (mobile inverted bottleneck): pre-norm, 1×1 expand, 3×3 depthwise (carrying the stride),
     * squeeze-excitation, 1×1 project, added to a shortcut that is pooled and projected when the shape changes.
     * Unlike EfficientNet's, the residual is always taken.
     */
    static final class MBConv extends Module {
        MBConv(int in, int out, double expansionRatio, double squeezeRatio, int stride,
               Supplier<Module> activationLayer, IntFunction<Module> normLayer, double pStochasticDropout) {
            boolean shouldProj = stride != 1 || in != out;
            if (shouldProj) {
                Sequential proj = new Sequential();
                if (stride == 2) {
                    proj.add(new AvgPool2d(3, stride, 1));
                }
                proj.add(new Conv2d(in, out, 1));
                registerModule("proj", proj);
            } else {
                registerModule("proj", new Identity());
            }
            int mid = (int) (out * expansionRatio);
            int sqz = (int) (out * squeezeRatio);
            // TORCH: p == 0 gives Identity here but StochasticDepth(p=0.0) in the attention layers, as torchvision.
            registerModule("stochastic_depth",
                    pStochasticDropout != 0.0 ? new StochasticDepth(pStochasticDropout, "row") : new Identity());
            Sequential layers = registerModule("layers", new Sequential());
            layers.addModule("pre_norm", normLayer.apply(in));
            layers.addModule("conv_a", new Conv2dNormActivation(in, mid, 1, 1, 0, 1, normLayer, activationLayer, 1,
                    false));
            layers.addModule("conv_b", new Conv2dNormActivation(mid, mid, 3, stride, 1, mid, normLayer,
                    activationLayer, 1, false));
            layers.addModule("squeeze_excitation", new SqueezeExcitation(mid, sqz, SiLU::new, Sigmoid::new));
            layers.addModule("conv_c", new Conv2d(mid, out, 1));
        }

        @Override
        public Tensor forward(Tensor input) {
            Tensor res = child("proj").forward(input);
            Tensor x = child("stochastic_depth").forward(child("layers").forward(input));
            return res.add(x);
        }
    }
}
