package jtorch.nn;

import jtorch.Tensor;
import jtorch.nn.functional.F;
import jtorch.nn.init.Init;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;

/**
 * Multi-head attention ({@code torch.nn.MultiheadAttention}) with the packed input projection
 * ({@code in_proj_weight} of shape {@code (3·E, E)}, {@code in_proj_bias}) and {@code out_proj}, as PyTorch
 * stores it when query, key and value share the embedding size.
 *
 * <p>{@code softmax(Q·Kᵀ/√d)·V} per head, {@code d = E / numHeads}. Supported: {@code batchFirst} inputs
 * {@code (N, L, E)} or sequence-first {@code (L, N, E)}; not yet: masks, {@code add_bias_kv},
 * {@code add_zero_attn}, different key/value sizes, returning the attention weights.
 *
 * @see <a href="https://pytorch.org/docs/stable/generated/torch.nn.MultiheadAttention.html">torch.nn.MultiheadAttention</a>
 */
public class MultiheadAttention extends Module {
    public final int embedDim;
    public final int numHeads;
    public final double dropout;
    public final boolean batchFirst;
    public final Parameter inProjWeight;
    public final Parameter inProjBias;
    public final NonDynamicallyQuantizableLinear outProj;

    public MultiheadAttention(int embedDim, int numHeads) {
        this(embedDim, numHeads, 0.0, true, false);
    }

    public MultiheadAttention(int embedDim, int numHeads, double dropout, boolean bias, boolean batchFirst) {
        if (embedDim % numHeads != 0) {
            throw new IllegalArgumentException("embed_dim must be divisible by num_heads");
        }
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.dropout = dropout;
        this.batchFirst = batchFirst;
        inProjWeight = registerParameter("in_proj_weight",
                new Parameter(Creation.zeros(DType.FLOAT32, 3 * embedDim, embedDim)));
        inProjBias = registerParameter("in_proj_bias",
                bias ? new Parameter(Creation.zeros(DType.FLOAT32, 3 * embedDim)) : null);
        // TORCH: out_proj is built (drawing its default init) before _reset_parameters draws in_proj_weight.
        outProj = registerModule("out_proj", new NonDynamicallyQuantizableLinear(embedDim, embedDim, bias));
        Init.xavierUniform(inProjWeight);
        if (inProjBias != null) {
            Init.zeros(inProjBias);
            Init.zeros(outProj.bias);
        }
    }

    /** Self-attention: query, key and value are all {@code x}. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x);
    }

    /** The attention output (PyTorch's first return value; weights are not computed). */
    public Tensor forward(Tensor query, Tensor key, Tensor value) {
        if (!batchFirst) {
            query = query.transpose(0, 1);
            key = key.transpose(0, 1);
            value = value.transpose(0, 1);
        }
        int n = query.size(0);
        int lq = query.size(1);
        int lk = key.size(1);
        int headDim = embedDim / numHeads;
        Tensor wq = inProjWeight.narrow(0, 0, embedDim);
        Tensor wk = inProjWeight.narrow(0, embedDim, embedDim);
        Tensor wv = inProjWeight.narrow(0, 2 * embedDim, embedDim);
        Tensor bq = inProjBias == null ? null : inProjBias.narrow(0, 0, embedDim);
        Tensor bk = inProjBias == null ? null : inProjBias.narrow(0, embedDim, embedDim);
        Tensor bv = inProjBias == null ? null : inProjBias.narrow(0, 2 * embedDim, embedDim);
        Tensor q = heads(F.linear(query, wq, bq), n, lq, headDim);
        Tensor k = heads(F.linear(key, wk, bk), n, lk, headDim);
        Tensor v = heads(F.linear(value, wv, bv), n, lk, headDim);
        Tensor scores = q.matmul(k.transpose(2, 3)).div(Math.sqrt(headDim));
        Tensor attn = F.softmax(scores, -1);
        if (dropout > 0) {
            attn = F.dropout(attn, dropout, isTraining());
        }
        Tensor out = attn.matmul(v).permute(0, 2, 1, 3).reshape(n, lq, embedDim);
        out = outProj.forward(out);
        return batchFirst ? out : out.transpose(0, 1);
    }

    /** (N, L, E) → (N, H, L, d). */
    private Tensor heads(Tensor x, int n, int l, int headDim) {
        return x.reshape(n, l, numHeads, headDim).permute(0, 2, 1, 3);
    }
}
