package jtorch.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link GemmPacking#packB} for an untransposed B, where each panel row is a contiguous
 * copy of {@code nr} elements (two vectors, the micro-kernels' width): same layout, same zero padding (the edge panel and transposed B are left to
 * GemmPacking).
 *
 * <p>PERF: a System.arraycopy per panel row cost more than the multiply on the convolution shapes; vector copies
 * took SGEMM 32x65536x75 from 56 to 114 GFLOP/s and 64x4096x800 from 94 to 187 (one thread).
 * NOTE: gathers do not pay for the transposing cases on this CPU: packing a 256 x 1024 block of transposed B took
 * 286 us with 16-lane gathers against 106 us scalar, and untransposed A 130 us against 125-180 us scalar.
 */
final class VectorPacking {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final VectorSpecies<Double> D = VectorSpeciesHolder.D;

    private VectorPacking() {}

    /** Packs {@code op(B)[p0 : p0+kc, j0 : j0+nc]} exactly like {@link GemmPacking#packB} with {@code dstOff = 0}. */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int j0, int kc, int nc, int nr,
                      float[] dst) {
        int lanes = F.length();
        assert nr == 2 * lanes : "panels are two vectors wide";
        int full = transB ? 0 : nc / nr * nr;
        for (int jr = 0; jr < full; jr += nr) {
            int src = bOff + p0 * ldb + j0 + jr;
            int d = jr * kc;
            for (int p = 0; p < kc; p++) {
                FloatVector.fromArray(F, b, src).intoArray(dst, d);
                FloatVector.fromArray(F, b, src + lanes).intoArray(dst, d + lanes);
                src += ldb;
                d += nr;
            }
        }
        if (full < nc) {
            GemmPacking.packB(transB, b, bOff, ldb, p0, j0 + full, kc, nc - full, nr, dst, full * kc);
        }
    }

    /** As the float version. */
    static void packB(boolean transB, double[] b, int bOff, int ldb, int p0, int j0, int kc, int nc, int nr,
                      double[] dst) {
        int lanes = D.length();
        assert nr == 2 * lanes : "panels are two vectors wide";
        int full = transB ? 0 : nc / nr * nr;
        for (int jr = 0; jr < full; jr += nr) {
            int src = bOff + p0 * ldb + j0 + jr;
            int d = jr * kc;
            for (int p = 0; p < kc; p++) {
                DoubleVector.fromArray(D, b, src).intoArray(dst, d);
                DoubleVector.fromArray(D, b, src + lanes).intoArray(dst, d + lanes);
                src += ldb;
                d += nr;
            }
        }
        if (full < nc) {
            GemmPacking.packB(transB, b, bOff, ldb, p0, j0 + full, kc, nc - full, nr, dst, full * kc);
        }
    }
}
