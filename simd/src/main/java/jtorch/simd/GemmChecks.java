package jtorch.simd;

/** Argument validation for {@link Gemm}: every problem becomes an IllegalArgumentException naming the argument. */
final class GemmChecks {
    private GemmChecks() {}

    /**
     * Checks sizes, leading dimensions, offsets and array lengths of a GEMM call; {@code aLen}, {@code bLen} and
     * {@code cLen} are the array lengths, or -1 for a null array.
     */
    static void check(boolean transA, boolean transB, int m, int n, int k,
                      int aLen, int aOff, int lda, int bLen, int bOff, int ldb, int cLen, int cOff, int ldc) {
        nonNegative("m", m);
        nonNegative("n", n);
        nonNegative("k", k);
        // Row-major storage: A is m x k (k x m when transposed), B is k x n (n x k), C is m x n.
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        leadingDimension("lda", lda, aCols, transA ? "A is stored k x m (transA)" : "A is stored m x k");
        leadingDimension("ldb", ldb, bCols, transB ? "B is stored n x k (transB)" : "B is stored k x n");
        leadingDimension("ldc", ldc, n, "C is m x n");
        boolean aRead = m > 0 && n > 0 && k > 0;
        operand("a", aLen, "aOff", aOff, aRows, aCols, lda, aRead);
        operand("b", bLen, "bOff", bOff, bRows, bCols, ldb, aRead);
        operand("c", cLen, "cOff", cOff, m, n, ldc, m > 0 && n > 0);
    }

    /** Checks for a GEMM whose operands pack themselves: only the sizes and C are known here. */
    static void checkOutput(int m, int n, int k, int cLen, int cOff, int ldc) {
        nonNegative("m", m);
        nonNegative("n", n);
        nonNegative("k", k);
        leadingDimension("ldc", ldc, n, "C is m x n");
        operand("c", cLen, "cOff", cOff, m, n, ldc, m > 0 && n > 0);
    }

    private static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("gemm: " + name + " must be >= 0, got " + value);
        }
    }

    private static void leadingDimension(String name, int ld, int cols, String layout) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("gemm: " + name + " must be >= max(1, " + cols + ") because "
                    + layout + ", got " + name + "=" + ld);
        }
    }

    private static void operand(String name, int length, String offName, int off, int rows, int cols, int ld,
                                boolean read) {
        if (length < 0) {
            throw new IllegalArgumentException("gemm: " + name + " must not be null");
        }
        if (off < 0) {
            throw new IllegalArgumentException("gemm: " + offName + " must be >= 0, got " + off);
        }
        if (!read || rows == 0 || cols == 0) {
            return;
        }
        long needed = off + (long) (rows - 1) * ld + cols;
        if (needed > length) {
            throw new IllegalArgumentException("gemm: " + name + " is too short: a " + rows + " x " + cols
                    + " matrix with ld=" + ld + " at " + offName + "=" + off + " needs " + needed
                    + " elements, but " + name + ".length=" + length);
        }
    }
}
