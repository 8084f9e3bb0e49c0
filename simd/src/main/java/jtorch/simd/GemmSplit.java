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
    /**
     * Row unit: the register tile's height (SGEMM's and DGEMM's are both 8). PERF: it was 24, for tile heights
     * tried earlier, which split a 512-row product 264/248 and a 1024-row one 528/496 between two threads.
     */
    static final int ROW_UNIT = SgemmMicroKernel.MR;

    /** The split for an {@code m x n x k} product, or null when it should run on one thread. */
    static GemmSplit of(int m, int n, int k, long minWork) {
        return of(m, n, k, minWork, false, false);
    }

    /** As {@link #of(int, int, int, long)}, knowing how each operand is stored (which decides packing costs). */
    static GemmSplit of(int m, int n, int k, long minWork, boolean transA, boolean transB) {
        if (Parallel.getNumThreads() < 2 || Parallel.inParallelRegion()) {
            return null;
        }
        if ((long) m * n * k < minWork) {
            return null;
        }
        GemmSplit columns = new GemmSplit(true, n, COLUMN_UNIT);
        GemmSplit rows = new GemmSplit(false, m, ROW_UNIT);
        // NOTE: a column split makes every thread pack all of A (m x k), a row split all of B (k x n): split so
        // the duplicated packing is the cheaper one. Packing untransposed B and transposed A are contiguous copies;
        // the other two are scalar scatters, about 3x the cost per element (GemmPacking, VectorPacking).
        // PERF: square NN at n = 512/1024/2048 on two threads: 415/423/412 GFLOP/s split by columns, more split by
        // rows (see the closing note of the foundation issue); the convolution shapes (32x65536x75, wide C) still
        // split by columns. Since untransposed A is transposed in registers (VectorPacking.packA, 16 lanes) the two
        // splits measure the same on square NN: median of 6 runs at n = 512/1024/2048, 436/441/442 GFLOP/s by rows
        // against 450/441/440 by columns with one shared packed A; the weights above were left as they were.
        long costA = (long) m * (transA ? 1 : 3);
        long costB = (long) n * (transB ? 3 : 1);
        boolean preferColumns = costA <= costB;
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
