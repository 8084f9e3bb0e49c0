package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Threaded {@link Gemm#sgemm}/{@link Gemm#dgemm} against their serial twins: the split gives every C element the
 * same arithmetic, so results must agree bit for bit, for column splits (wide C) and row splits (tall C).
 */
@Tag("parity")
class GemmThreadingTest {
    private final int savedThreads = Parallel.getNumThreads();

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(savedThreads);
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4} threads={5}")
    @CsvSource({
        "97, 301, 129, false, false, 2",
        "301, 97, 129, true, false, 2",
        "65, 513, 70, false, true, 3",
        "513, 65, 70, true, true, 2",
        "32, 2051, 75, false, false, 2",
        "40, 70, 2100, false, false, 2",
        "70, 40, 1100, true, false, 2",
        "600, 1100, 40, false, false, 2",
        "400, 1100, 40, false, false, 3",
        "1200, 1100, 40, false, true, 2",
    })
    void threadedEqualsSerial(int m, int n, int k, boolean transA, boolean transB, int threads) {
        Parallel.setNumThreads(threads);
        GemmTestData d = new GemmTestData(transA, transB, m, n, k, m * 31L + n, false);
        float[] serial = d.c.clone();
        float[] threaded = d.c.clone();
        Gemm.sgemmSerial(transA, transB, m, n, k, 0.5f, d.a, d.aOff, d.lda, d.b, d.bOff, d.ldb,
                0.25f, serial, d.cOff, d.ldc);
        Gemm.sgemm(transA, transB, m, n, k, 0.5f, d.a, d.aOff, d.lda, d.b, d.bOff, d.ldb,
                0.25f, threaded, d.cOff, d.ldc);
        // Arrays.mismatch rather than containsExactly: AssertJ's diff is quadratic in the length (1.3 M here).
        assertThat(Arrays.mismatch(threaded, serial)).as("first differing float").isEqualTo(-1);

        double[] a = d.toDouble(d.a);
        double[] b = d.toDouble(d.b);
        double[] serialD = d.toDouble(d.c);
        double[] threadedD = d.toDouble(d.c);
        Gemm.dgemmSerial(transA, transB, m, n, k, 0.5, a, d.aOff, d.lda, b, d.bOff, d.ldb,
                0.25, serialD, d.cOff, d.ldc);
        Gemm.dgemm(transA, transB, m, n, k, 0.5, a, d.aOff, d.lda, b, d.bOff, d.ldb,
                0.25, threadedD, d.cOff, d.ldc);
        assertThat(Arrays.mismatch(threadedD, serialD)).as("first differing double").isEqualTo(-1);
    }
}
