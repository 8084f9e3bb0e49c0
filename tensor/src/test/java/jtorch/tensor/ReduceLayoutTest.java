package jtorch.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The structural unit-run test that lets a reduction skip its offset table agrees with the table itself. */
class ReduceLayoutTest {
    private static boolean tableIsUnitRun(ReduceLayout l) {
        int[] offs = l.reducedOffsets();
        if (offs.length == 0) {
            return false;
        }
        for (int i = 0; i < offs.length; i++) {
            if (offs[i] != i) {
                return false;
            }
        }
        return true;
    }

    @Test
    void unitRunMatchesTheOffsetTableOnRandomLayouts() {
        SplittableRandom r = new SplittableRandom(7);
        int unit = 0;
        int other = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int rank = 1 + r.nextInt(4);
            int[] shape = new int[rank];
            for (int d = 0; d < rank; d++) {
                shape[d] = 1 + r.nextInt(4);
            }
            NdArray x = Creation.randn(new Generator(trial), DType.FLOAT32, shape);
            int[] perm = permutation(r, rank);
            NdArray v = r.nextBoolean() ? x.permute(perm) : x;
            int[] out = v.shape();
            for (int d = 0; d < rank; d++) {
                if (r.nextBoolean()) {
                    out[d] = 1;
                }
            }
            ReduceLayout l = new ReduceLayout(v, out, NdArray.zeros(DType.FLOAT32, out).strides());
            boolean expected = tableIsUnitRun(l);
            assertThat(l.reducedIsUnitRun()).as("shape %s perm %s out %s", java.util.Arrays.toString(v.shape()),
                    java.util.Arrays.toString(v.strides()), java.util.Arrays.toString(out)).isEqualTo(expected);
            if (expected) {
                unit++;
            } else {
                other++;
            }
        }
        assertThat(unit).isGreaterThan(100);
        assertThat(other).isGreaterThan(100);
    }

    @Test
    void contiguousSumsEqualTheSameSumsThroughAPermutedView() {
        NdArray x = Creation.randn(new Generator(3), DType.FLOAT32, 6, 5, 7, 9);
        // Full and trailing reductions of a contiguous tensor take the unit-run path; the same numbers
        // reduced through a transposed copy take the offset-table path.
        NdArray full = Ops.sum(x, null, false);
        NdArray viaTable = Ops.sum(x.permute(3, 2, 1, 0), null, false);
        assertThat(full.item()).isCloseTo(viaTable.item(), org.assertj.core.data.Offset.offset(1e-3));
        float[] trailing = Ops.sum(x, new int[] {2, 3}, false).toFloatArray();
        float[] trailingTable = Ops.sum(x.permute(0, 1, 3, 2), new int[] {2, 3}, false).toFloatArray();
        float[] xs = x.toFloatArray();
        for (int i = 0; i < trailing.length; i++) {
            double ref = 0;
            for (int j = 0; j < 63; j++) {
                ref += xs[i * 63 + j];
            }
            assertThat((double) trailing[i]).isCloseTo(ref, org.assertj.core.data.Offset.offset(1e-4));
            assertThat((double) trailingTable[i]).isCloseTo(ref, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    private static int[] permutation(SplittableRandom r, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
