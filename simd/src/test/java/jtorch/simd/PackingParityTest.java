package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * VectorPacking's packers against GemmPacking's (their scalar twins), bit for bit: every row count around the
 * micro-panel height, depths around the 16-column register block, sub-blocks at odd row and column origins of a
 * matrix with a padded leading dimension, and the destination's floats outside the packed block left alone. Runs
 * at every vector width (see simd/pom.xml); below 16 lanes the vector packer hands A to the scalar one.
 */
@Tag("parity")
class PackingParityTest {
    private static final int[] ROWS = {1, 7, 8, 9, 16, 17, 24, 61};
    private static final int[] DEPTHS = {1, 15, 16, 17, 32, 47, 256};

    @Test
    void packAMatchesScalarTwin() {
        SplittableRandom rnd = new SplittableRandom(7);
        int mr = SgemmMicroKernel.MR;
        for (boolean trans : new boolean[] {false, true}) {
            for (int mc : ROWS) {
                for (int kc : DEPTHS) {
                    int i0 = 3;
                    int p0 = 5;
                    // op(A) is (i0 + mc + 2) x (p0 + kc + 1); stored k x m when transposed.
                    int rows = i0 + mc + 2;
                    int cols = p0 + kc + 1;
                    int lda = (trans ? rows : cols) + 3;
                    int aOff = 11;
                    float[] a = TestArrays.floats(rnd, aOff + lda * (trans ? cols : rows), -1f, 1f);
                    int dstOff = 13;
                    int size = dstOff + (mc + mr - 1) / mr * mr * kc + 9;
                    float[] want = new float[size];
                    float[] got = new float[size];
                    Arrays.fill(want, Float.NaN);
                    Arrays.fill(got, Float.NaN);
                    GemmPacking.packA(trans, a, aOff, lda, i0, p0, mc, kc, mr, want, dstOff);
                    VectorPacking.packA(trans, a, aOff, lda, i0, p0, mc, kc, mr, got, dstOff);
                    assertThat(got).as("transA=%s mc=%d kc=%d", trans, mc, kc).containsExactly(want);
                    // The block itself was written (the NaN sentinels are gone inside it).
                    for (int i = dstOff; i < size - 9; i++) {
                        assertThat(Float.isNaN(got[i])).as("packed float %d unwritten", i).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void packAWithOtherPanelHeightsFallsBack() {
        SplittableRandom rnd = new SplittableRandom(8);
        float[] a = TestArrays.floats(rnd, 40 * 40, -1f, 1f);
        for (int mr : new int[] {4, 6, 12}) {
            float[] want = new float[(33 + mr - 1) / mr * mr * 20];
            float[] got = new float[want.length];
            GemmPacking.packA(false, a, 0, 40, 2, 3, 33, 20, mr, want, 0);
            VectorPacking.packA(false, a, 0, 40, 2, 3, 33, 20, mr, got, 0);
            assertThat(got).as("mr=%d", mr).containsExactly(want);
        }
    }
}
