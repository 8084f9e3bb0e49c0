package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fused SGD, vector kernel and scalar twin, against the update written out element by element: bit for bit,
 * since both round each operation to float in the same order.
 */
@Tag("parity")
class OptimTest {
    @ParameterizedTest(name = "n={0} momentum={1} dampening={2} wd={3} nesterov={4}")
    @CsvSource({
        "1000, 0.9, 0, 0, false",
        "37, 0.9, 0.1, 0.01, true",
        "3, 0, 0, 0.5, false",
        "257, 0.5, 0.5, 0, true",
        "64, 0, 0, 0, false",
    })
    void sgdMatchesTheUpdateWrittenOut(int n, float momentum, float dampening, float wd, boolean nesterov) {
        SplittableRandom r = new SplittableRandom(n);
        float[] p0 = random(r, n + 2);
        float[] g = random(r, n + 5);
        float[] b0 = random(r, n + 1);
        float lr = 0.05f;
        boolean withBuf = momentum != 0;
        float[] want = p0.clone();
        float[] wantBuf = b0.clone();
        for (int i = 0; i < n; i++) {
            float d = g[5 + i];
            if (wd != 0) {
                d = d + wd * want[2 + i];
            }
            if (withBuf) {
                float b = momentum * wantBuf[1 + i] + (1 - dampening) * d;
                wantBuf[1 + i] = b;
                d = nesterov ? d + momentum * b : b;
            }
            want[2 + i] = want[2 + i] - lr * d;
        }
        for (boolean vector : new boolean[] {true, false}) {
            OptimKernels k = vector ? new VectorOptim() : new ScalarOptim();
            float[] p = p0.clone();
            float[] b = b0.clone();
            int half = n / 2 + 1;   // two ranges, as two threads would split them
            Optim.sgd(k, p, 2, g, 5, withBuf ? b : null, 1, 0, Math.min(half, n), lr, momentum, dampening, wd,
                    nesterov);
            Optim.sgd(k, p, 2, g, 5, withBuf ? b : null, 1, Math.min(half, n), n, lr, momentum, dampening, wd,
                    nesterov);
            assertThat(p).as("param, vector=%s", vector).containsExactly(want);
            assertThat(b).as("buffer, vector=%s", vector).containsExactly(withBuf ? wantBuf : b0);
        }
    }

    @Test
    void shortArraysAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> Optim.sgd(new float[3], 0, new float[4], 0, null, 0, 0, 4, 0.1f, 0, 0, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p is too short");
        assertThatThrownBy(() -> Optim.sgd(new float[4], 0, new float[4], 0, new float[2], 0, 0, 4, 0.1f, 0.9f, 0, 0,
                false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buf is too short");
        assertThatThrownBy(() -> Optim.sgd(new float[4], 0, new float[4], 0, null, 0, 3, 2, 0.1f, 0, 0, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[3, 2)");
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
        }
        return a;
    }
}
