package jtorch.vision.models;

import java.util.function.Supplier;
import jtorch.Tensor;
import jtorch.nn.Dropout;
import jtorch.nn.Identity;
import jtorch.nn.LayerNorm;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.Sequential;
import jtorch.nn.StochasticDepth;

/**
 * MaxViT's block- or grid-attention step: partitions (B, C, H, W) into non-overlapping groups of tokens, runs
 * pre-norm attention and a pre-norm MLP (each residual, with stochastic depth) inside every group, and puts the
 * tokens back. "window" groups the P×P cells of a local window; "grid" swaps the two token axes so that each
 * group holds one cell from every window, a dilated global grid.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/maxvit.py">torchvision/models/maxvit.py</a>
 */
public class PartitionAttentionLayer extends Module {
    final int nHeads;
    final int headDim;
    final int nPartitions;
    final String partitionType;
    final int[] gridSize;
    /** The window side handed to the partition op: partition_size for "window", n_partitions for "grid". */
    final int p;
    final int g;

    /**
     * @param partitionSize the side of a window ("window") or of the grid ("grid"); the attention always sees
     *     {@code partitionSize²} tokens
     * @param partitionType {@code "window"} or {@code "grid"}
     * @param gridSize the (H, W) of the input, needed up front for the number of partitions
     */
    public PartitionAttentionLayer(int inChannels, int headDim, int partitionSize, String partitionType,
                                   int[] gridSize, int mlpRatio, Supplier<Module> activationLayer,
                                   double attentionDropout, double mlpDropout, double pStochasticDropout) {
        this.nHeads = inChannels / headDim;
        this.headDim = headDim;
        this.nPartitions = gridSize[0] / partitionSize;
        this.partitionType = partitionType;
        this.gridSize = gridSize.clone();
        if (!partitionType.equals("grid") && !partitionType.equals("window")) {
            throw new IllegalArgumentException("partition_type must be either 'grid' or 'window'");
        }
        boolean window = partitionType.equals("window");
        this.p = window ? partitionSize : nPartitions;
        this.g = window ? nPartitions : partitionSize;
        registerModule("partition_op", new WindowPartition());
        registerModule("departition_op", new WindowDepartition());
        registerModule("partition_swap", window ? new Identity() : new SwapAxes(-2, -3));
        registerModule("departition_swap", window ? new Identity() : new SwapAxes(-2, -3));
        registerModule("attn_layer", new Sequential(
                new LayerNorm(inChannels),
                // NOTE: partitionSize² tokens in both cases, thanks to the axis swap of "grid"
                new RelativePositionalMultiHeadAttention(inChannels, headDim, partitionSize * partitionSize),
                new Dropout(attentionDropout)));
        registerModule("mlp_layer", new Sequential(
                new LayerNorm(inChannels),
                new Linear(inChannels, inChannels * mlpRatio),
                activationLayer.get(),
                new Linear(inChannels * mlpRatio, inChannels),
                new Dropout(mlpDropout)));
        registerModule("stochastic_dropout", new StochasticDepth(pStochasticDropout, "row"));
    }

    @Override
    public Tensor forward(Tensor input) {
        // TORCH: H and W not divisible by p is undefined behaviour in the reference implementation; refuse it.
        if (gridSize[0] % p != 0 || gridSize[1] % p != 0) {
            throw new IllegalArgumentException("Grid size must be divisible by partition size. Got grid size of ("
                    + gridSize[0] + ", " + gridSize[1] + ") and partition size of " + p);
        }
        int gh = gridSize[0] / p;
        int gw = gridSize[1] / p;
        Module sd = child("stochastic_dropout");
        Tensor x = ((WindowPartition) child("partition_op")).forward(input, p);
        x = child("partition_swap").forward(x);
        x = x.add(sd.forward(child("attn_layer").forward(x)));
        x = x.add(sd.forward(child("mlp_layer").forward(x)));
        x = child("departition_swap").forward(x);
        return ((WindowDepartition) child("departition_op")).forward(x, p, gh, gw);
    }

    /** Cuts (B, C, H, W) into non-overlapping p×p windows: (B, H/p · W/p, p·p, C). */
    public static final class WindowPartition extends Module {
        public Tensor forward(Tensor x, int p) {
            int b = x.size(0);
            int c = x.size(1);
            int h = x.size(2);
            int w = x.size(3);
            return x.reshape(b, c, h / p, p, w / p, p).permute(0, 2, 4, 3, 5, 1).reshape(b, (h / p) * (w / p), p * p, c);
        }
    }

    /** The inverse of {@link WindowPartition}: (B, hPartitions · wPartitions, p·p, C) back to (B, C, H, W). */
    public static final class WindowDepartition extends Module {
        public Tensor forward(Tensor x, int p, int hPartitions, int wPartitions) {
            int b = x.size(0);
            int c = x.size(3);
            return x.reshape(b, hPartitions, wPartitions, p, p, c).permute(0, 5, 1, 3, 2, 4)
                    .reshape(b, c, hPartitions * p, wPartitions * p);
        }
    }

    /** {@code torch.swapaxes(x, a, b)} as a module (prints as {@code SwapAxes()}, as torchvision's does). */
    public static final class SwapAxes extends Module {
        public final int a;
        public final int b;

        public SwapAxes(int a, int b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public Tensor forward(Tensor x) {
            return x.transpose(a, b);
        }
    }
}
