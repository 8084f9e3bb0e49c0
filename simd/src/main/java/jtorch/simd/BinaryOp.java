package jtorch.simd;

/**
 * Element-wise binary operations {@code y = a op b}, with PyTorch's semantics.
 *
 * <p>{@code MAX}/{@code MIN} propagate NaN ({@code torch.maximum}/{@code torch.minimum});
 * {@code POW} is {@code Math.pow}; {@code RSUB} is {@code b - a} and {@code RDIV} is {@code b / a}, so a
 * scalar can stand on either side in {@code binaryScalar}.
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, MAX, MIN, POW, RSUB, RDIV;

    /** The op {@code r} with {@code a op b == b r a}, or null when there is none in this enum (POW). */
    BinaryOp swapped() {
        return switch (this) {
            case ADD, MUL, MAX, MIN -> this;
            case SUB -> RSUB;
            case RSUB -> SUB;
            case DIV -> RDIV;
            case RDIV -> DIV;
            case POW -> null;
        };
    }
}
