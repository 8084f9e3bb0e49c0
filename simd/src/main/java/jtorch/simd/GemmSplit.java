package jtorch.simd;

/**
 * How {@link Gemm} divides one product between threads: into units of whole column blocks of C (when C is at
 * least as wide as it is tall) or whole row blocks, each thread running the serial kernel, with its own packing
 * buffers, on a contiguous run of units.
 *
 * <p>Units are multiples of the micro-tile in that direction, so only the last unit has an edge tile, and every C
 * element sees the same arithmetic as in a serial call (threaded and serial results agree bit for bit).
 */
record GemmSplit(boolean overColumns, int extent, int unit) {
    /** Column unit: a multiple of the widest register tile (2 x 16 floats). */
    static final int COLUMN_UNIT = 32;
    /** Row unit: a multiple of the tile heights 6, 8 and 12. */
    static final int ROW_UNIT = 24;

    /** The split for an {@code m x n x k} product, or null when it should run on one thread. */
    static GemmSplit of(int m, int n, int k, long minWork) {
        if (Parallel.getNumThreads() < 2 || Parallel.inParallelRegion()) {
            return null;
        }
        if ((long) m * n * k < minWork) {
            return null;
        }
        GemmSplit columns = new GemmSplit(true, n, COLUMN_UNIT);
        GemmSplit rows = new GemmSplit(false, m, ROW_UNIT);
        // NOTE: a column split makes every thread pack all of A, a row split all of B. Wide C (the convolution
        // shapes, 32x65536x75 and 64x4096x800) splits by columns; square C measured 400-430 GFLOP/s on two threads
        // split by columns at n = 1024 and 2048. The row split is the fallback when C is too narrow to split.
        boolean preferColumns = n >= m;
        GemmSplit first = preferColumns ? columns : rows;
        GemmSplit second = preferColumns ? rows : columns;
        if (first.units() >= 2) {
            return first;
        }
        if (second.units() >= 2) {
            return second;
        }
        return null;
    }

    /** Number of units. */
    int units() {
        return (extent + unit - 1) / unit;
    }

    /** First column (or row) of unit {@code u}; {@code start(units())} is the extent. */
    int start(int u) {
        return Math.min(extent, u * unit);
    }
}
