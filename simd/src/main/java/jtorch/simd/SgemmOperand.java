package jtorch.simd;

/**
 * A GEMM operand that packs itself: lets a caller multiply a matrix that is never materialized, such as
 * the im2col matrix of a convolution, whose elements are copied from the image straight into the panels
 * the micro-kernel reads (implicit GEMM). Layouts are {@link GemmPacking}'s.
 */
public final class SgemmOperand {
    private SgemmOperand() {}

    /** op(A), {@code m x k}: packs {@code A[i0 : i0+mc, p0 : p0+kc]} as {@code mr}-row micro-panels, zero-padded. */
    @FunctionalInterface
    public interface A {
        /**
         * Writes micro-panel {@code q} (rows {@code i0 + q*mr ...}) at {@code dst[q*mr*kc ...]}: for each
         * {@code p < kc}, the {@code mr} values {@code A(i0 + q*mr + r, p0 + p)}; rows past {@code mc} are 0.
         */
        void pack(int i0, int p0, int mc, int kc, int mr, float[] dst);
    }

    /** op(B), {@code k x n}: packs {@code B[p0 : p0+kc, j0 : j0+nc]} as {@code nr}-column micro-panels, zero-padded. */
    @FunctionalInterface
    public interface B {
        /**
         * Writes micro-panel {@code q} (columns {@code j0 + q*nr ...}) at {@code dst[q*nr*kc ...]}: for each
         * {@code p < kc}, the {@code nr} values {@code B(p0 + p, j0 + q*nr + j)}; columns past {@code nc} are 0.
         */
        void pack(int p0, int j0, int kc, int nc, int nr, float[] dst);

        /**
         * An operand already packed whole ({@link SharedPackedB}) returns its array, and the kernel reads blocks
         * from it at {@link #packedOffset} instead of calling {@link #pack}; others return null.
         */
        default float[] packedArray() {
            return null;
        }

        /** Where the block {@code pack(p0, j0, ...)} would write begins in {@link #packedArray()}. */
        default int packedOffset(int p0, int j0) {
            throw new UnsupportedOperationException("not a pre-packed operand");
        }
    }

    /** A row-major (or, with {@code trans}, column-major) array as op(A). */
    public static A ofA(boolean trans, float[] a, int aOff, int lda) {
        return (i0, p0, mc, kc, mr, dst) -> packArrayA(trans, a, aOff, lda, i0, p0, mc, kc, mr, dst, 0);
    }

    /** A row-major (or, with {@code trans}, column-major) array as op(B). */
    public static B ofB(boolean trans, float[] b, int bOff, int ldb) {
        return (p0, j0, kc, nc, nr, dst) -> packArrayB(trans, b, bOff, ldb, p0, j0, kc, nc, nr, dst, 0);
    }

    /** The array packer with the register transpose where it applies (see {@link VectorPacking#packA}). */
    static void packArrayA(boolean trans, float[] a, int aOff, int lda, int i0, int p0, int mc, int kc, int mr,
                           float[] dst, int dstOff) {
        if (Simd.vectorEnabled()) {
            VectorPacking.packA(trans, a, aOff, lda, i0, p0, mc, kc, mr, dst, dstOff);
        } else {
            GemmPacking.packA(trans, a, aOff, lda, i0, p0, mc, kc, mr, dst, dstOff);
        }
    }

    /** The array packer with the vector copy where it applies (see {@link VectorPacking}). */
    static void packArrayB(boolean trans, float[] b, int bOff, int ldb, int p0, int j0, int kc, int nc, int nr,
                           float[] dst, int dstOff) {
        if (Simd.vectorEnabled() && nr == 2 * VectorSpeciesHolder.F.length()) {
            VectorPacking.packB(trans, b, bOff, ldb, p0, j0, kc, nc, nr, dst, dstOff);
        } else {
            GemmPacking.packB(trans, b, bOff, ldb, p0, j0, kc, nc, nr, dst, dstOff);
        }
    }
}
