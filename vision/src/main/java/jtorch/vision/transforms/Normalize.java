package jtorch.vision.transforms;

import java.util.Arrays;
import java.util.Objects;
import jtorch.Tensor;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;

/**
 * {@code (x - mean[c]) / std[c]} per channel of a float tensor {@code [..., C, H, W]}
 * ({@code torchvision.transforms.Normalize}). Returns a new tensor.
 */
public final class Normalize implements Transform {
    private final float[] mean;
    private final float[] std;

    /**
     * @throws IllegalArgumentException when the arrays are empty, differ in length, or a std is zero
     */
    public Normalize(double[] mean, double[] std) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("Normalize: mean " + Arrays.toString(mean) + " and std " + Arrays.toString(std)
                    + " must be non-empty and of the same length");
        }
        this.mean = new float[mean.length];
        this.std = new float[std.length];
        for (int i = 0; i < mean.length; i++) {
            this.mean[i] = (float) mean[i];
            this.std[i] = (float) std[i];
            if (this.std[i] == 0f) {
                // TORCH: torchvision's wording
                throw new IllegalArgumentException("std evaluated to zero after conversion to torch.float32, leading to division by zero.");
            }
        }
    }

    @Override
    public Object apply(Object input) {
        if (!(input instanceof Tensor t)) {
            throw new IllegalArgumentException("Normalize: expected a tensor (put ToTensor before Normalize), got "
                    + Transforms.describe(input));
        }
        return normalize(t);
    }

    /** The normalization itself, typed. */
    public Tensor normalize(Tensor t) {
        if (t.dtype() != DType.FLOAT32 || t.dim() < 3) {
            throw new IllegalArgumentException("Normalize: expected a float32 tensor of shape [..., C, H, W], got "
                    + t.dtype().torchName() + " " + Arrays.toString(t.shape()));
        }
        int[] shape = t.shape();
        int c = shape[shape.length - 3];
        if (mean.length != 1 && mean.length != c) {
            throw new IllegalArgumentException("Normalize: " + mean.length + " means for a tensor of " + c + " channels "
                    + Arrays.toString(shape));
        }
        float[] x = t.contiguous().toFloatArray();
        int plane = shape[shape.length - 2] * shape[shape.length - 1];
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int ch = mean.length == 1 ? 0 : (i / plane) % c;
            out[i] = (x[i] - mean[ch]) / std[ch];
        }
        return new Tensor(NdArray.wrap(out, shape));
    }

    @Override
    public String toString() {
        return "Normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
