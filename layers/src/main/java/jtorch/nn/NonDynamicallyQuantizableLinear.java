package jtorch.nn;

/**
 * PyTorch's {@code NonDynamicallyQuantizableLinear}: a {@link Linear} under another name, which
 * {@link MultiheadAttention} uses for {@code out_proj} (the name shows in prints; we have no quantization).
 */
public class NonDynamicallyQuantizableLinear extends Linear {
    public NonDynamicallyQuantizableLinear(int inFeatures, int outFeatures, boolean bias) {
        super(inFeatures, outFeatures, bias);
    }
}
