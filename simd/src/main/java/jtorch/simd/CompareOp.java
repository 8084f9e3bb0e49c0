package jtorch.simd;

/** Element-wise comparisons with IEEE semantics: any comparison with NaN is false, except {@code NE}. */
public enum CompareOp {
    EQ, NE, LT, LE, GT, GE
}
