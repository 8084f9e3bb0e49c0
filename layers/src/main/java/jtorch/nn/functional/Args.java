package jtorch.nn.functional;

import jtorch.Tensor;
import jtorch.tensor.Backend;
import jtorch.tensor.NdArray;

/** Argument normalization shared by the functional ops: tuple arguments, devices, dtypes. */
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

    /** The backend all given arrays share (nulls ignored), with PyTorch's message when devices differ. */
    static Backend backend(NdArray... arrays) {
        NdArray first = null;
        for (NdArray a : arrays) {
            if (a == null) {
                continue;
            }
            if (first == null) {
                first = a;
            } else if (!a.device().equals(first.device())) {
                throw new IllegalArgumentException("Expected all tensors to be on the same device, but found at least two"
                        + " devices, " + first.device() + " and " + a.device() + "!");
            }
        }
        return first.backend();
    }

    static void sameDtype(Tensor input, Tensor other, String what) {
        if (input.dtype() != other.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + word(input.dtype()) + " but found "
                    + word(other.dtype()) + " (input and " + what + " must have the same dtype)");
        }
    }

    static String word(jtorch.tensor.DType t) {
        return switch (t) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case BOOL -> "Bool";
        };
    }
}
