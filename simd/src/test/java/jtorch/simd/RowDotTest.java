package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The row-dot path of {@code A · Bᵀ} for few rows of A: vector kernel and scalar twin against products summed in
 * double, with padded leading dimensions, odd offsets, a sentinel around C, beta over NaN, and ragged blocks
 * (m and n not multiples of 4, k not a multiple of any lane count). Through {@link Gemm#sgemm} threaded and
 * serial, which must agree bit for bit. Runs at every vector width (see simd/pom.xml).
 */
@Tag("parity")
class RowDotTest {
    private final int savedThreads = Parallel.getNumThreads();

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(savedThreads);
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} alpha={3} beta={4} nanInC={5}")
    @CsvSource({
        "1, 1, 64, 1, 0, false",
        "1, 7, 1000, 1, 0, true",
        "2, 5, 67, 0.5, 1, false",
        "3, 4, 129, -1, 0.25, false",
        "4, 9, 64, 1, 1, false",
        "5, 13, 300, 2, 0, true",
        "8, 17, 77, 1, -0.5, false",
        "7, 3, 4099, 1, 0, false",
    })
    void kernelsMatchProductsSummedInDouble(int m, int n, int k, float alpha, float beta, boolean nanInC) {
        GemmTestData d = new GemmTestData(false, true, m, n, k, 31L * m + n + k, nanInC);
        for (RowDotKernel kernel : new RowDotKernel[] {new VectorRowDot(), new ScalarRowDot()}) {
            float[] c = d.c.clone();
            kernel.sgemmNT(m, n, k, alpha, d.a, d.aOff, d.lda, d.b, d.bOff, d.ldb, beta, c, d.cOff, d.ldc);
            check(d, c, alpha, beta, kernel.getClass().getSimpleName());
        }
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} threads={3}")
    @CsvSource({
        "1, 4096, 512, 2",
        "8, 1000, 600, 2",
        "3, 997, 300, 3",
    })
    void facadeThreadedEqualsSerialAndIsCorrect(int m, int n, int k, int threads) {
        assertThat(Gemm.rowDot(false, true, m, k)).isTrue();
        Parallel.setNumThreads(threads);
        GemmTestData d = new GemmTestData(false, true, m, n, k, 7L * n + k, false);
        float[] threaded = d.c.clone();
        float[] serial = d.c.clone();
        Gemm.sgemm(false, true, m, n, k, 0.5f, d.a, d.aOff, d.lda, d.b, d.bOff, d.ldb, 0.25f, threaded, d.cOff,
                d.ldc);
        Gemm.sgemmSerial(false, true, m, n, k, 0.5f, d.a, d.aOff, d.lda, d.b, d.bOff, d.ldb, 0.25f, serial, d.cOff,
                d.ldc);
        assertThat(threaded).containsExactly(serial);
        check(d, threaded, 0.5f, 0.25f, "Gemm.sgemm");
    }

    private static void check(GemmTestData d, float[] c, float alpha, float beta, String who) {
        for (int idx = 0; idx < c.length; idx++) {
            if (!d.insideC(idx)) {
                assertThat(c[idx]).as("%s wrote outside C at %d", who, idx).isEqualTo(GemmTestData.SENTINEL);
            }
        }
        for (int i = 0; i < d.m; i++) {
            for (int j = 0; j < d.n; j++) {
                double sum = 0;
                double mag = 0;
                for (int p = 0; p < d.k; p++) {
                    double t = (double) d.a[d.aOff + i * d.lda + p] * d.b[d.bOff + j * d.ldb + p];
                    sum += t;
                    mag += Math.abs(t);
                }
                int ci = d.cOff + i * d.ldc + j;
                double want = beta == 0 ? alpha * sum : alpha * sum + beta * d.c[ci];
                double tol = 1e-6 * Math.abs(alpha) * mag * Math.sqrt(d.k) + 1e-6 * Math.abs(want);
                assertThat((double) c[ci]).as("%s C[%d][%d]", who, i, j).isCloseTo(want,
                        org.assertj.core.data.Offset.offset(tol));
            }
        }
    }
}
