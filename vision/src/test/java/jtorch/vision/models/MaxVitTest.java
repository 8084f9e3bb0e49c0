package jtorch.vision.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jtorch.Tensor;
import jtorch.Torch;
import org.junit.jupiter.api.Test;

/** MaxViT's partition ops and its input-size check; the structure itself is checked by ModelsReferenceTest. */
class MaxVitTest {
    @Test
    void windowDepartitionInvertsWindowPartition() {
        Torch.manualSeed(0);
        Tensor x = Torch.randn(2, 3, 12, 8);
        var partition = new PartitionAttentionLayer.WindowPartition();
        var departition = new PartitionAttentionLayer.WindowDepartition();
        Tensor windows = partition.forward(x, 4);
        assertThat(windows.shape()).containsExactly(2, 6, 16, 3);
        // window 1 (row 0, column 1), cell 5 (row 1, column 1) is pixel (1, 5)
        assertThat(windows.select(0, 0).select(0, 1).select(0, 5).toFloatArray())
                .containsExactly(x.select(0, 0).select(1, 1).select(1, 5).toFloatArray());
        assertThat(departition.forward(windows, 4, 3, 2).toFloatArray()).containsExactly(x.toFloatArray());
    }

    @Test
    void relativePositionIndexIsSquare() {
        var attn = new RelativePositionalMultiHeadAttention(16, 8, 9);
        Tensor index = attn.stateDict().get("relative_position_index");
        assertThat(index.shape()).containsExactly(9, 9);
        // cell 0 to cell 8 is offset (-2, -2): (0 + 2 - 2) * 5 + 0 = 0; cell 8 to cell 0 is (2, 2): 4 * 5 + 4 = 24
        assertThat(index.select(0, 0).select(0, 8).item()).isEqualTo(0.0);
        assertThat(index.select(0, 8).select(0, 0).item()).isEqualTo(24.0);
    }

    @Test
    void inputNotDivisibleByThePartitionSizeIsRefused() {
        assertThatThrownBy(() -> new MaxVit(new int[] {200, 200}, 8, 7, new int[] {8, 8, 8, 8}, new int[] {1, 1, 1, 1},
                8, 0.0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Input size (50, 50) of block 0 is not divisible by partition size 7.");
    }
}
