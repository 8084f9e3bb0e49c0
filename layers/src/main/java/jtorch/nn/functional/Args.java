package jtorch.nn.functional;

import jtorch.Tensor;

/** Argument normalization shared by the functional ops: tuple arguments and dtypes. */
final class Args {
    private Args() {}

    /** A (height, width) pair from one value (applied to both) or two. */
    static int[] pair(String name, int[] v) {
        if (v == null || (v.length != 1 && v.length != 2)) {
            throw new IllegalArgumentException(name + " must be one int or a pair of ints, got "
                    + (v == null ? "null" : java.util.Arrays.toString(v)));
        }
        return v.length == 1 ? new int[] {v[0], v[0]} : v.clone();
    }

    static void sameDtype(Tensor input, Tensor other, String what) {
        if (input.dtype() != other.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + input.dtype().scalarTypeName() + " but found "
                    + other.dtype().scalarTypeName() + " (input and " + what + " must have the same dtype)");
        }
    }
}
