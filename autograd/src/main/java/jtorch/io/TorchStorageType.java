package jtorch.io;

import jtorch.tensor.DType;

/**
 * A {@code torch.*Storage} global as it appears in a persistent id: its name and the dtype it holds, or a
 * null dtype for storage types jtorch cannot hold (half, bfloat16, the small integers), which are allowed
 * in a pickle but refused, with their name, when a tensor uses them.
 */
record TorchStorageType(String name, DType dtype) {
    static final String[] UNSUPPORTED = {
        "HalfStorage", "BFloat16Storage", "IntStorage", "ShortStorage", "CharStorage", "ByteStorage",
        "ComplexFloatStorage", "ComplexDoubleStorage", "UntypedStorage"
    };

    /** The storage type's global name ({@code FloatStorage}) for a dtype. */
    static String nameOf(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "FloatStorage";
            case FLOAT64 -> "DoubleStorage";
            case INT64 -> "LongStorage";
            case BOOL -> "BoolStorage";
        };
    }
}
