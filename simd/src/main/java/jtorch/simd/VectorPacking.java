package jtorch.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of {@link GemmPacking}'s packers, same layouts, same zero padding: {@link #packB} for an
 * untransposed B, where each panel row is a contiguous copy of {@code nr} elements (two vectors, the
 * micro-kernels' width; the edge panel and transposed B are left to GemmPacking), and {@link #packA} for an
 * untransposed A, transposed 8 x 16 at a time in registers.
 *
 * <p>PERF: a System.arraycopy per panel row cost more than the multiply on the convolution shapes; vector copies
 * took SGEMM 32x65536x75 from 56 to 114 GFLOP/s and 64x4096x800 from 94 to 187 (one thread).
 * NOTE: gathers do not pay for the transposing cases on this CPU: packing a 256 x 1024 block of transposed B took
 * 286 us with 16-lane gathers against 106 us scalar, and untransposed A 130 us against 125-180 us scalar.
 * PERF: the register transpose of A (two runs each, alternating, one core): SGEMM n = 512/1024/2048 went from
 * 222-229/215-224/210-214 GFLOP/s to 236-241/225-229/217-224; packing A fell from 5.4% to 2.8% of the samples.
 */
final class VectorPacking {
    private static final VectorSpecies<Float> F = VectorSpeciesHolder.F;
    private static final VectorSpecies<Double> D = VectorSpeciesHolder.D;

    /** Height of the A micro-panels and width of the vectors {@link #packA} transposes in registers. */
    private static final int A_ROWS = 8;
    private static final int A_LANES = 16;

    private VectorPacking() {}

    /** Packs {@code op(B)[p0 : p0+kc, j0 : j0+nc]} exactly like {@link GemmPacking#packB} with {@code dstOff = 0}. */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int j0, int kc, int nc, int nr,
                      float[] dst, int dstOff) {
        int lanes = F.length();
        assert nr == 2 * lanes : "panels are two vectors wide";
        int full = transB ? 0 : nc / nr * nr;
        for (int jr = 0; jr < full; jr += nr) {
            int src = bOff + p0 * ldb + j0 + jr;
            int d = dstOff + jr * kc;
            for (int p = 0; p < kc; p++) {
                FloatVector.fromArray(F, b, src).intoArray(dst, d);
                FloatVector.fromArray(F, b, src + lanes).intoArray(dst, d + lanes);
                src += ldb;
                d += nr;
            }
        }
        if (full < nc) {
            GemmPacking.packB(transB, b, bOff, ldb, p0, j0 + full, kc, nc - full, nr, dst, dstOff + full * kc);
        }
    }

    /**
     * Packs {@code op(A)[i0 : i0+mc, p0 : p0+kc]} exactly like {@link GemmPacking#packA} with {@code dstOff}. An
     * untransposed A with 8-row micro-panels and 16 lanes moves 8 x 16 blocks through registers (8 loads, 3 rounds
     * of 8 two-source selections, 8 stores of contiguous panel); everything else goes to GemmPacking.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int p0, int mc, int kc, int mr,
                      float[] dst, int dstOff) {
        int full = transA || mr != A_ROWS || F.length() != A_LANES ? 0 : mc / mr * mr;
        int kb = kc / A_LANES * A_LANES;
        for (int ir = 0; ir < full; ir += mr) {
            int src = aOff + (i0 + ir) * lda + p0;
            int d = dstOff + ir * kc;
            for (int p = 0; p < kb; p += A_LANES) {
                aBlock(a, src + p, lda, dst, d + p * mr);
            }
            for (int r = 0; r < mr; r++) {
                int s = src + r * lda;
                for (int p = kb; p < kc; p++) {
                    dst[d + p * mr + r] = a[s + p];
                }
            }
        }
        if (full < mc) {
            GemmPacking.packA(transA, a, aOff, lda, i0 + full, p0, mc - full, kc, mr, dst, dstOff + full * kc);
        }
    }

    /**
     * Selection indexes of {@link #aBlock}'s rounds: round k's low output at {@code 32·k}, its high output at
     * {@code 32·k + 16}. An element is (row r, column p); the rounds move it between these (vector; lane) bit
     * layouts: (r2 r1 r0; p3 p2 p1 p0) → (r2 r1 p1; p3 p2 r0 p0) → (r2 p2 p1; p3 r1 r0 p0) → (p3 p2 p1; p0 r2 r1 r0),
     * round k swapping row bit k of the vector index for column bit k + 1 and rearranging the lanes. The last
     * layout is the panel's: vector v holds columns 2v and 2v+1 of all 8 rows, i.e. {@code dst[16·v ...]}.
     */
    private static final float[] A_SEL = new float[3 * 2 * A_LANES];

    static {
        for (int k = 0; k < 3; k++) {
            for (int hi = 0; hi < 2; hi++) {
                for (int lane = 0; lane < A_LANES; lane++) {
                    // The element at this lane of the output whose new vector bit is hi (other vector bits 0).
                    int[] rp = aElementAt(k + 1, hi << k, lane);
                    int srcVec = aVector(k, rp[0], rp[1]);
                    int srcLane = aLane(k, rp[0], rp[1]);
                    // The pair's two inputs differ in vector bit k; the second source is the one with the bit set.
                    A_SEL[(2 * k + hi) * A_LANES + lane] = srcLane + ((srcVec >> k & 1) == 1 ? A_LANES : 0);
                }
            }
        }
    }

    /** Vector index of element (r, p) in layout {@code stage} (0: input rows, 3: packed panel). */
    private static int aVector(int stage, int r, int p) {
        int v = r;
        for (int k = 0; k < stage; k++) {
            v = v & ~(1 << k) | (p >> (k + 1) & 1) << k; // row bit k gives way to column bit k + 1
        }
        return v;
    }

    /** Lane of element (r, p) in layout {@code stage}. */
    private static int aLane(int stage, int r, int p) {
        return switch (stage) {
            case 0 -> p;
            case 1 -> (p >> 2 & 3) << 2 | (r & 1) << 1 | (p & 1);
            case 2 -> (p >> 3 & 1) << 3 | (r & 3) << 1 | (p & 1);
            default -> (p & 1) << 3 | (r & 7);
        };
    }

    /** The element (r, p) at {@code lane} of vector {@code vec} in layout {@code stage}, found by search. */
    private static int[] aElementAt(int stage, int vec, int lane) {
        for (int r = 0; r < A_ROWS; r++) {
            for (int p = 0; p < A_LANES; p++) {
                if (aLane(stage, r, p) == lane && (aVector(stage, r, p) & ~(1 << (stage - 1))) == 0
                        && (aVector(stage, r, p) >> (stage - 1) & 1) == (vec >> (stage - 1) & 1)) {
                    return new int[] {r, p};
                }
            }
        }
        throw new AssertionError("no element at stage " + stage + ", vector " + vec + ", lane " + lane);
    }

    /** {@code dst[d + 8·p + r] = a[s + r·lda + p]} for r < 8, p < 16. */
    private static void aBlock(float[] a, int s, int lda, float[] dst, int d) {
        FloatVector r0 = FloatVector.fromArray(F, a, s);
        FloatVector r1 = FloatVector.fromArray(F, a, s + lda);
        FloatVector r2 = FloatVector.fromArray(F, a, s + 2 * lda);
        FloatVector r3 = FloatVector.fromArray(F, a, s + 3 * lda);
        FloatVector r4 = FloatVector.fromArray(F, a, s + 4 * lda);
        FloatVector r5 = FloatVector.fromArray(F, a, s + 5 * lda);
        FloatVector r6 = FloatVector.fromArray(F, a, s + 6 * lda);
        FloatVector r7 = FloatVector.fromArray(F, a, s + 7 * lda);
        FloatVector lo = FloatVector.fromArray(F, A_SEL, 0);
        FloatVector hi = FloatVector.fromArray(F, A_SEL, 16);
        FloatVector t;
        t = lo.selectFrom(r0, r1);
        r1 = hi.selectFrom(r0, r1);
        r0 = t;
        t = lo.selectFrom(r2, r3);
        r3 = hi.selectFrom(r2, r3);
        r2 = t;
        t = lo.selectFrom(r4, r5);
        r5 = hi.selectFrom(r4, r5);
        r4 = t;
        t = lo.selectFrom(r6, r7);
        r7 = hi.selectFrom(r6, r7);
        r6 = t;
        lo = FloatVector.fromArray(F, A_SEL, 32);
        hi = FloatVector.fromArray(F, A_SEL, 48);
        t = lo.selectFrom(r0, r2);
        r2 = hi.selectFrom(r0, r2);
        r0 = t;
        t = lo.selectFrom(r1, r3);
        r3 = hi.selectFrom(r1, r3);
        r1 = t;
        t = lo.selectFrom(r4, r6);
        r6 = hi.selectFrom(r4, r6);
        r4 = t;
        t = lo.selectFrom(r5, r7);
        r7 = hi.selectFrom(r5, r7);
        r5 = t;
        lo = FloatVector.fromArray(F, A_SEL, 64);
        hi = FloatVector.fromArray(F, A_SEL, 80);
        t = lo.selectFrom(r0, r4);
        r4 = hi.selectFrom(r0, r4);
        r0 = t;
        t = lo.selectFrom(r1, r5);
        r5 = hi.selectFrom(r1, r5);
        r1 = t;
        t = lo.selectFrom(r2, r6);
        r6 = hi.selectFrom(r2, r6);
        r2 = t;
        t = lo.selectFrom(r3, r7);
        r7 = hi.selectFrom(r3, r7);
        r3 = t;
        r0.intoArray(dst, d);
        r1.intoArray(dst, d + 16);
        r2.intoArray(dst, d + 2 * 16);
        r3.intoArray(dst, d + 3 * 16);
        r4.intoArray(dst, d + 4 * 16);
        r5.intoArray(dst, d + 5 * 16);
        r6.intoArray(dst, d + 6 * 16);
        r7.intoArray(dst, d + 7 * 16);
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
