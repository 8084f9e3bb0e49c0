package jtorch.tensor;

/** Reductions a backend implements over a set of dimensions. Mean is SUM divided by the count, in {@link Ops}. */
public enum ReduceOp {
    SUM,
    PROD,
    MAX,
    MIN,
    /** Logical or over a bool array. */
    ANY,
    /** Logical and over a bool array. */
    ALL
}
