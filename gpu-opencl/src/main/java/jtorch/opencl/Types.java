package jtorch.opencl;

import jtorch.tensor.DType;

/** How each dtype appears in OpenCL C: its type name, and the build options that select it in a template. */
final class Types {
    private Types() {}

    static String c(DType t) {
        return switch (t) {
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case INT64 -> "long";
            case BOOL -> "uchar";
        };
    }

    /** KIND in elementwise.cl: 0 floating, 1 int64, 2 bool. */
    static int kind(DType t) {
        return switch (t) {
            case FLOAT32, FLOAT64 -> 0;
            case INT64 -> 1;
            case BOOL -> 2;
        };
    }

    /** {@code -DT=<type> -DKIND=<kind>}. */
    static String opts(DType t) {
        return "-DT=" + c(t) + " -DKIND=" + kind(t);
    }
}
