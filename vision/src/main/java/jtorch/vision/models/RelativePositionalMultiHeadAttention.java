package jtorch.vision.models;

import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.Parameter;
import jtorch.nn.functional.F;

/**
 * MaxViT's attention: multi-head self-attention over the P tokens of each of G partitions of (B, G, P, D),
 * plus a learned bias per head for every relative offset between two cells of the √P×√P partition.
 *
 * <p><b>Shape:</b> input and output {@code (B, G, P, D)} with {@code D = featDim}.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/maxvit.py">torchvision/models/maxvit.py</a>
 */
public class RelativePositionalMultiHeadAttention extends Module {
    final int nHeads;
    final int headDim;
    final int size;
    final int maxSeqLen;
    /** TORCH: torchvision scales by feat_dim^-0.5, not head_dim^-0.5 as other attentions do; the checkpoint expects it. */
    final double scaleFactor;
    final Parameter relativePositionBiasTable;

    /**
     * @param featDim channels of the input, a multiple of {@code headDim}
     * @param headDim channels per head
     * @param maxSeqLen tokens per partition, a square ({@code partition_size²})
     */
    public RelativePositionalMultiHeadAttention(int featDim, int headDim, int maxSeqLen) {
        if (featDim % headDim != 0) {
            throw new IllegalArgumentException("feat_dim: " + featDim + " must be divisible by head_dim: " + headDim);
        }
        this.nHeads = featDim / headDim;
        this.headDim = headDim;
        this.size = (int) Math.sqrt(maxSeqLen);
        this.maxSeqLen = maxSeqLen;
        this.scaleFactor = Math.pow(featDim, -0.5);
        registerModule("to_qkv", new Linear(featDim, nHeads * headDim * 3));
        registerModule("merge", new Linear(nHeads * headDim, featDim));
        int cells = (2 * size - 1) * (2 * size - 1);
        relativePositionBiasTable = registerParameter("relative_position_bias_table",
                new Parameter(Torch.zeros(cells, nHeads).data()));
        // NOTE: the same index as Swin's, kept 2-D ([P, P]) here as torchvision's buffer is.
        registerBuffer("relative_position_index",
                ShiftedWindowAttention.relativePositionIndex(size).reshape(maxSeqLen, maxSeqLen));
        if (Inits.enabled()) {
            Inits.truncNormal(relativePositionBiasTable, 0.0, 0.02, -2, 2);
        }
    }

    /** The (1, heads, P, P) bias added to the attention logits. */
    Tensor relativePositionalBias() {
        Tensor index = buffer("relative_position_index").reshape(-1);
        return relativePositionBiasTable.indexSelect(0, index).reshape(maxSeqLen, maxSeqLen, nHeads).permute(2, 0, 1).unsqueeze(0);
    }

    @Override
    public Tensor forward(Tensor x) {
        int b = x.size(0);
        int g = x.size(1);
        int p = x.size(2);
        int d = x.size(3);
        int inner = nHeads * headDim;
        Tensor qkv = child("to_qkv").forward(x);
        // torch.chunk(qkv, 3, dim=-1), then (B, G, P, H, DH) -> (B, G, H, P, DH)
        Tensor q = qkv.narrow(3, 0, inner).reshape(b, g, p, nHeads, headDim).permute(0, 1, 3, 2, 4);
        Tensor k = qkv.narrow(3, inner, inner).reshape(b, g, p, nHeads, headDim).permute(0, 1, 3, 2, 4);
        Tensor v = qkv.narrow(3, 2 * inner, inner).reshape(b, g, p, nHeads, headDim).permute(0, 1, 3, 2, 4);
        k = k.mul(scaleFactor);
        Tensor attn = F.softmax(q.matmul(k.transpose(3, 4)).add(relativePositionalBias()), -1);
        Tensor out = attn.matmul(v).permute(0, 1, 3, 2, 4).reshape(b, g, p, d);
        return child("merge").forward(out);
    }
}
