package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VectorSgemm and VectorDgemm against the ScalarGemm oracle: four transpose combinations, alpha/beta cases,
 * awkward sizes, odd offsets, padded leading dimensions, and C outside the submatrix left untouched. Runs at
 * every vector width (see simd/pom.xml).
 */
@Tag("parity")
class GemmParityTest {
    private static final ScalarGemm SCALAR = new ScalarGemm();
    private static final VectorSgemm SIMD_S = new VectorSgemm();
    private static final VectorDgemm SIMD_D = new VectorDgemm();

    private static final int[] AWKWARD = {1, 3, 15, 17, 33};

    /** {alpha, beta, nanInC}: plain, accumulate, general, and beta == 0 over NaN. */
    private static final double[][] SCALES = {{1, 0, 0}, {1, 1, 0}, {-0.5, 2, 0}, {0.75, 0, 1}};

    static Stream<Arguments> transposes() {
        return Stream.of(
                Arguments.of(false, false), Arguments.of(true, false),
                Arguments.of(false, true), Arguments.of(true, true));
    }

    /**
     * Every combination of the small awkward sizes, plus shapes with 257 or 1023 on one or two dimensions, and
     * ones past VectorSgemm's blocks: k over KC (later k slices accumulate into C), n over NC, m over MC.
     */
    static List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>();
        for (int m : AWKWARD) {
            for (int n : AWKWARD) {
                for (int k : AWKWARD) {
                    shapes.add(new int[] {m, n, k});
                }
            }
        }
        shapes.add(new int[] {257, 33, 17});
        shapes.add(new int[] {17, 257, 33});
        shapes.add(new int[] {33, 17, 257});
        shapes.add(new int[] {257, 257, 15});
        shapes.add(new int[] {1, 257, 257});
        shapes.add(new int[] {257, 3, 257});
        shapes.add(new int[] {1023, 17, 33});
        shapes.add(new int[] {15, 1023, 17});
        shapes.add(new int[] {33, 15, 1023});
        shapes.add(new int[] {17, 33, VectorSgemm.KC + 1});
        shapes.add(new int[] {9, 40, 2 * VectorSgemm.KC + 3});
        shapes.add(new int[] {9, VectorSgemm.NC + 5, 17});
        shapes.add(new int[] {VectorSgemm.MC + 3, 9, 17});
        return shapes;
    }

    @ParameterizedTest(name = "transA={0} transB={1}")
    @MethodSource("transposes")
    void sgemmMatchesScalar(boolean transA, boolean transB) {
        long seed = 1;
        for (int[] s : shapes()) {
            for (double[] scale : SCALES) {
                GemmTestData d = new GemmTestData(transA, transB, s[0], s[1], s[2], seed++, scale[2] != 0);
                float alpha = (float) scale[0];
                float beta = (float) scale[1];
                float[] expected = d.c.clone();
                float[] actual = d.c.clone();
                SCALAR.sgemm(transA, transB, d.m, d.n, d.k, alpha, d.a, d.aOff, d.lda, d.b, d.bOff, d.ldb,
                        beta, expected, d.cOff, d.ldc);
                SIMD_S.sgemm(transA, transB, d.m, d.n, d.k, alpha, d.a, d.aOff, d.lda, d.b, d.bOff, d.ldb,
                        beta, actual, d.cOff, d.ldc);
                // Operands in [-1, 1]: each sum has k terms; float rounding error grows at most linearly in k.
                double tol = 2e-6 * (d.k + 4) * (Math.abs(alpha) + Math.abs(beta));
                compare(d, toDouble(expected), toDouble(actual), tol, "sgemm", alpha, beta);
            }
        }
    }

    @ParameterizedTest(name = "transA={0} transB={1}")
    @MethodSource("transposes")
    void dgemmMatchesScalar(boolean transA, boolean transB) {
        long seed = 1000;
        for (int[] s : shapes()) {
            for (double[] scale : SCALES) {
                GemmTestData d = new GemmTestData(transA, transB, s[0], s[1], s[2], seed++, scale[2] != 0);
                double alpha = scale[0];
                double beta = scale[1];
                double[] a = d.toDouble(d.a);
                double[] b = d.toDouble(d.b);
                double[] expected = d.toDouble(d.c);
                double[] actual = d.toDouble(d.c);
                SCALAR.dgemm(transA, transB, d.m, d.n, d.k, alpha, a, d.aOff, d.lda, b, d.bOff, d.ldb,
                        beta, expected, d.cOff, d.ldc);
                SIMD_D.dgemm(transA, transB, d.m, d.n, d.k, alpha, a, d.aOff, d.lda, b, d.bOff, d.ldb,
                        beta, actual, d.cOff, d.ldc);
                double tol = 1e-14 * (d.k + 4) * (Math.abs(alpha) + Math.abs(beta));
                compare(d, expected, actual, tol, "dgemm", alpha, beta);
            }
        }
    }

    private static void compare(GemmTestData d, double[] expected, double[] actual, double tol, String op,
                                double alpha, double beta) {
        for (int i = 0; i < actual.length; i++) {
            if (!d.insideC(i)) {
                if (actual[i] != GemmTestData.SENTINEL) {
                    fail("%s wrote outside C at index %d: m=%d n=%d k=%d transA=%b transB=%b ldc=%d cOff=%d",
                            op, i, d.m, d.n, d.k, d.transA, d.transB, d.ldc, d.cOff);
                }
                continue;
            }
            double diff = Math.abs(expected[i] - actual[i]);
            if (!(diff <= tol)) {
                fail("%s differs at C index %d: expected %s, got %s (tol %s): m=%d n=%d k=%d transA=%b transB=%b"
                                + " alpha=%s beta=%s width=%d bits",
                        op, i, expected[i], actual[i], tol, d.m, d.n, d.k, d.transA, d.transB, alpha, beta,
                        VectorSpeciesHolder.bits());
            }
        }
        assertThat(actual).hasSameSizeAs(expected);
    }

    private static double[] toDouble(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }
}
