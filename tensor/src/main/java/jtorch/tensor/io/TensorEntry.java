package jtorch.tensor.io;

import jtorch.tensor.DType;

/**
 * One tensor's header entry in a safetensors file, validated: its bytes are {@code [begin, end)} of the data
 * section (which starts right after the header) and {@code end - begin == numel * itemSize}.
 */
record TensorEntry(String name, DType dtype, int[] shape, long begin, long end) {
    /** Number of elements (fits in an int: validated against the Java array limit). */
    int numel() {
        return (int) ((end - begin) / dtype.itemSize());
    }
}
