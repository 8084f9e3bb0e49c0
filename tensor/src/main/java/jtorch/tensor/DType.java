package jtorch.tensor;

/**
 * Element types, with PyTorch's names. Ordered by PyTorch's promotion lattice: bool &lt; int64 &lt;
 * float32 &lt; float64, so {@link #promote} is a max for the types we support.
 */
public enum DType {
    BOOL("torch.bool", 1, "BOOL"),
    INT64("torch.int64", 8, "I64"),
    FLOAT32("torch.float32", 4, "F32"),
    FLOAT64("torch.float64", 8, "F64");

    private final String torchName;
    private final int itemSize;
    private final String safetensorsName;

    DType(String torchName, int itemSize, String safetensorsName) {
        this.torchName = torchName;
        this.itemSize = itemSize;
        this.safetensorsName = safetensorsName;
    }

    /** PyTorch's name, e.g. {@code torch.float32}. */
    public String torchName() {
        return torchName;
    }

    /** Bytes per element in files and on devices (bool: one byte). */
    public int itemSize() {
        return itemSize;
    }

    /** The dtype tag safetensors uses: {@code F32}, {@code F64}, {@code I64}, {@code BOOL}. */
    public String safetensorsName() {
        return safetensorsName;
    }

    /** PyTorch's scalar-type name, as its messages spell it: {@code Float}, {@code Double}, {@code Long}, {@code Bool}. */
    public String scalarTypeName() {
        return switch (this) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case BOOL -> "Bool";
        };
    }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** The result type of a binary op between two tensors of these types (PyTorch's promote_types). */
    public static DType promote(DType a, DType b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The dtype whose safetensors tag is {@code name}, or null when we do not support it. */
    public static DType fromSafetensorsName(String name) {
        for (DType t : values()) {
            if (t.safetensorsName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return torchName;
    }
}
