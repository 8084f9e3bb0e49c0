package jtorch.simd;

/**
 * Element-wise unary operations, with PyTorch's semantics (NaN in gives NaN out unless stated).
 *
 * <p>{@code RELU} is {@code max(x, 0)} with NaN propagating; {@code SIGN} is {@code Math.signum};
 * {@code ROUND} rounds half to even ({@code torch.round}); {@code GELU_TANH} is
 * {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))} ({@code gelu(approximate='tanh')}).
 * {@code GELU} is the exact {@code 0.5·x·(1 + erf(x/√2))}.
 */
public enum UnaryOp {
    NEG, ABS, EXP, LOG, SQRT, RSQRT, RECIPROCAL, SQUARE, TANH, SIGMOID, RELU, SIGN, FLOOR, CEIL, ROUND,
    LOG1P, EXPM1, SIN, COS, ERF, GELU_TANH, GELU
}
