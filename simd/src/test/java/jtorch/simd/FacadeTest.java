package jtorch.simd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The public facades load their implementation (the reflective class names resolve) and delegate. */
class FacadeTest {
    @Test
    void everyFacadeLoadsAndComputes() {
        float[] x = {1f, -2f, 3f, -4f, 5f};
        float[] y = new float[5];
        Elementwise.unary(UnaryOp.RELU, 5, x, 0, y, 0);
        assertThat(y).containsExactly(1f, 0f, 3f, 0f, 5f);
        Elementwise.binaryScalar(BinaryOp.RSUB, 5, x, 0, 1f, y, 0);
        assertThat(y).containsExactly(0f, 3f, -2f, 5f, -4f);
        assertThat(Reduce.sum(5, x, 0)).isEqualTo(3f);
        assertThat(Reduce.argmax(5, x, 0)).isEqualTo(4);
        float[] col = new float[16];
        Conv.im2col(new float[] {1f, 2f, 3f, 4f}, 0, 1, 2, 2, 2, 2, 1, 1, 2, 2, 1, 1, col, 0);
        // 2x2 image, 2x2 kernel, pad 1, stride 2: a 2x2 output; each kernel tap sees one pixel.
        assertThat(col).containsExactly(0f, 0f, 0f, 4f, 0f, 0f, 3f, 0f, 0f, 2f, 0f, 0f, 1f, 0f, 0f, 0f);
        int[] idx = new int[1];
        float[] m = new float[1];
        Pool.maxPool2dForward(1, new float[] {1f, 4f, 3f, 2f}, 0, 2, 2, 2, 2, 2, 2, 0, 0, 1, 1, 1, 1, m, 0, idx, 0);
        assertThat(m[0]).isEqualTo(4f);
        assertThat(idx[0]).isEqualTo(1);
        assertThat(Simd.description()).isNotBlank();
    }
}
