package jtorch.vision.models;

import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.Linear;
import jtorch.nn.Parameter;
import jtorch.nn.ReLU;
import jtorch.nn.Sequential;
import jtorch.nn.functional.F;

/**
 * Swin V2's window attention: cosine attention scaled by a learned, clamped {@code logit_scale}, and a
 * continuous position bias from a small MLP ({@code cpb_mlp}) over log-spaced relative coordinates.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/swin_transformer.py">torchvision/models/swin_transformer.py</a>
 */
public class ShiftedWindowAttentionV2 extends ShiftedWindowAttention {
    private final Parameter logitScale;
    private Tensor relativeCoordsTable;

    public ShiftedWindowAttentionV2(int dim, int windowSize, int shiftSize, int numHeads) {
        super(dim, windowSize, shiftSize, numHeads, true);
        logitScale = registerParameter("logit_scale",
                new Parameter(Torch.full(new int[] {numHeads, 1, 1}, Math.log(10.0)).data()));
        registerModule("cpb_mlp", new Sequential(new Linear(2, 512, true), new ReLU(true),
                new Linear(512, numHeads, false)));
        // TORCH: the key bias is zeroed at construction and kept out of the forward pass.
        int c = ((Linear) child("qkv")).bias.numel() / 3;
        float[] bias = ((Linear) child("qkv")).bias.toFloatArray();
        java.util.Arrays.fill(bias, c, 2 * c, 0f);
        ((Linear) child("qkv")).bias.setData(Torch.tensor(bias).data());
    }

    /** {@code relative_coords_table}: (1, 2w−1, 2w−1, 2) offsets scaled to ±8, then sign·log2(1+|x|)/3. */
    @Override
    void registerCoordsTable() {
        int w = windowSize;
        int side = 2 * w - 1;
        float[] table = new float[side * side * 2];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                float dh = (float) (i - (w - 1)) / (w - 1) * 8f;
                float dw = (float) (j - (w - 1)) / (w - 1) * 8f;
                table[(i * side + j) * 2] = logSpace(dh);
                table[(i * side + j) * 2 + 1] = logSpace(dw);
            }
        }
        relativeCoordsTable = registerBuffer("relative_coords_table", Torch.tensor(table, 1, side, side, 2));
    }

    private static float logSpace(float x) {
        return (float) (Math.signum(x) * (Math.log(Math.abs(x) + 1.0) / Math.log(2.0)) / 3.0);
    }

    @Override
    Tensor relativePositionBias() {
        int n = windowSize * windowSize;
        Tensor table = child("cpb_mlp").forward(relativeCoordsTable).reshape(-1, numHeads);
        Tensor bias = table.indexSelect(0, relativePositionIndex).reshape(n, n, numHeads).permute(2, 0, 1).unsqueeze(0);
        return bias.sigmoid().mul(16.0);
    }

    @Override
    Tensor logits(Tensor q, Tensor k, int headDim) {
        Tensor attn = normalize(q).matmul(normalize(k).transpose(2, 3));
        Tensor scale = logitScale.clampMax(Math.log(100.0)).exp();
        return attn.mul(scale);
    }

    /** {@code F.normalize(x, dim=-1)}: x / max(‖x‖₂, 1e-12). */
    private static Tensor normalize(Tensor x) {
        return x.div(x.square().sum(-1, true).sqrt().clampMin(1e-12));
    }

    @Override
    Tensor qkvBias() {
        int c = ((Linear) child("qkv")).bias.numel() / 3;
        Tensor b = ((Linear) child("qkv")).bias;
        return Torch.cat(List.of(b.narrow(0, 0, c), Torch.zeros(c), b.narrow(0, 2 * c, c)), 0);
    }
}
