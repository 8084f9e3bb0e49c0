package jtorch.vision.models;

import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.Parameter;
import jtorch.nn.functional.F;

/**
 * Swin V1's window attention: multi-head self-attention inside non-overlapping windows of (N, H, W, C),
 * the windows optionally shifted by half a window, plus a learned relative position bias table.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/swin_transformer.py">torchvision/models/swin_transformer.py</a>
 */
public class ShiftedWindowAttention extends Module {
    final int windowSize;
    final int shiftSize;
    final int numHeads;
    private final Parameter relativePositionBiasTable;
    final Tensor relativePositionIndex;

    public ShiftedWindowAttention(int dim, int windowSize, int shiftSize, int numHeads) {
        this(dim, windowSize, shiftSize, numHeads, false);
    }

    /** @param v2 leave the bias table out: V2 replaces it with a coordinate MLP */
    ShiftedWindowAttention(int dim, int windowSize, int shiftSize, int numHeads, boolean v2) {
        this.windowSize = windowSize;
        this.shiftSize = shiftSize;
        this.numHeads = numHeads;
        registerModule("qkv", new Linear(dim, dim * 3));
        registerModule("proj", new Linear(dim, dim));
        if (!v2) {
            int cells = (2 * windowSize - 1) * (2 * windowSize - 1);
            relativePositionBiasTable = registerParameter("relative_position_bias_table",
                    new Parameter(Torch.zeros(cells, numHeads).data()));
            if (Inits.enabled()) {
                Inits.truncNormal(relativePositionBiasTable, 0.0, 0.02, -2, 2);
            }
        } else {
            relativePositionBiasTable = null;
            registerCoordsTable();
        }
        relativePositionIndex = registerBuffer("relative_position_index", relativePositionIndex(windowSize));
    }

    /** V2 registers its coordinate table here, before the index, as torchvision does. */
    void registerCoordsTable() {
    }

    /** For every pair of cells (i, j) of a window, the index of their offset in the (2w−1)² table. */
    static Tensor relativePositionIndex(int w) {
        int n = w * w;
        long[] index = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int dh = i / w - j / w + w - 1;
                int dw = i % w - j % w + w - 1;
                index[i * n + j] = (long) dh * (2 * w - 1) + dw;
            }
        }
        return Torch.tensor(index);
    }

    /** The (1, heads, N, N) bias added to the attention logits. */
    Tensor relativePositionBias() {
        int n = windowSize * windowSize;
        Tensor bias = relativePositionBiasTable.indexSelect(0, relativePositionIndex);
        return bias.reshape(n, n, numHeads).permute(2, 0, 1).unsqueeze(0);
    }

    /** The attention logits of q and k, (B·windows, heads, N, N). */
    Tensor logits(Tensor q, Tensor k, int headDim) {
        return q.mul(Math.pow(headDim, -0.5)).matmul(k.transpose(2, 3));
    }

    /** The qkv bias as used in the forward pass (V2 zeroes the key part). */
    Tensor qkvBias() {
        return ((Linear) child("qkv")).bias;
    }

    @Override
    public Tensor forward(Tensor input) {
        int b = input.size(0);
        int h = input.size(1);
        int w = input.size(2);
        int c = input.size(3);
        int ws = windowSize;
        int padR = (ws - w % ws) % ws;
        int padB = (ws - h % ws) % ws;
        Tensor x = F.pad(input, new int[] {0, 0, 0, padR, 0, padB});
        int ph = x.size(1);
        int pw = x.size(2);
        // TORCH: no shift along a dim the window already covers.
        int shiftH = ws >= ph ? 0 : shiftSize;
        int shiftW = ws >= pw ? 0 : shiftSize;
        if (shiftH + shiftW > 0) {
            x = SwinTransformer.roll(x, -shiftH, -shiftW);
        }
        int nh = ph / ws;
        int nw = pw / ws;
        int numWindows = nh * nw;
        int n = ws * ws;
        x = x.reshape(b, nh, ws, nw, ws, c).permute(0, 1, 3, 2, 4, 5).reshape(b * numWindows, n, c);
        int headDim = c / numHeads;
        Tensor qkvOut = F.linear(x, ((Linear) child("qkv")).weight, qkvBias()).reshape(b * numWindows, n, 3, numHeads, headDim)
                .permute(2, 0, 3, 1, 4);
        Tensor q = qkvOut.select(0, 0);
        Tensor k = qkvOut.select(0, 1);
        Tensor v = qkvOut.select(0, 2);
        Tensor attn = logits(q, k, headDim).add(relativePositionBias());
        if (shiftH + shiftW > 0) {
            Tensor mask = shiftMask(ph, pw, ws, shiftH, shiftW);
            attn = attn.reshape(b, numWindows, numHeads, n, n).add(mask.unsqueeze(1).unsqueeze(0))
                    .reshape(b * numWindows, numHeads, n, n);
        }
        attn = F.softmax(attn, -1);
        x = attn.matmul(v).transpose(1, 2).reshape(b * numWindows, n, c);
        x = child("proj").forward(x);
        x = x.reshape(b, nh, nw, ws, ws, c).permute(0, 1, 3, 2, 4, 5).reshape(b, ph, pw, c);
        if (shiftH + shiftW > 0) {
            x = SwinTransformer.roll(x, shiftH, shiftW);
        }
        return x.narrow(1, 0, h).narrow(2, 0, w).contiguous();
    }

    /**
     * The (windows, N, N) mask: 0 where two cells of a shifted window came from the same region of the
     * unshifted image, −100 where the roll brought them together from different regions.
     */
    static Tensor shiftMask(int ph, int pw, int ws, int shiftH, int shiftW) {
        int[] region = new int[ph * pw];
        for (int y = 0; y < ph; y++) {
            int ry = y < ph - ws ? 0 : (y < ph - shiftH ? 1 : 2);
            for (int x = 0; x < pw; x++) {
                int rx = x < pw - ws ? 0 : (x < pw - shiftW ? 1 : 2);
                region[y * pw + x] = ry * 3 + rx;
            }
        }
        int nh = ph / ws;
        int nw = pw / ws;
        int n = ws * ws;
        float[] mask = new float[nh * nw * n * n];
        for (int wy = 0; wy < nh; wy++) {
            for (int wx = 0; wx < nw; wx++) {
                int win = wy * nw + wx;
                for (int i = 0; i < n; i++) {
                    int ri = region[(wy * ws + i / ws) * pw + wx * ws + i % ws];
                    for (int j = 0; j < n; j++) {
                        int rj = region[(wy * ws + j / ws) * pw + wx * ws + j % ws];
                        mask[(win * n + i) * n + j] = ri == rj ? 0f : -100f;
                    }
                }
            }
        }
        return Torch.tensor(mask, nh * nw, n, n);
    }
}
