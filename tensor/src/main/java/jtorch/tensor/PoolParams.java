package jtorch.tensor;

/** Geometry of a 2-d pooling window: kernel, stride, padding, dilation, the output size, and avg-pool's divisor rule. */
public record PoolParams(int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW, int outH, int outW,
                         boolean countIncludePad) {}
