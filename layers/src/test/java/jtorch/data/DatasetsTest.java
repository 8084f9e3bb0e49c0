package jtorch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jtorch.Torch;
import jtorch.tensor.Generator;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    private static Dataset<Integer> range(int n) {
        return new Dataset<>() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public Integer get(int index) {
                Datasets.checkIndex(index, n);
                return index;
            }
        };
    }

    private static int[] all(Dataset<Integer> d) {
        int[] out = new int[d.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = d.get(i);
        }
        return out;
    }

    /** Expected splits printed by PyTorch 1.13's random_split. */
    @Test
    void randomSplitMatchesPyTorch() {
        Torch.manualSeed(0);
        List<Subset<Integer>> parts = Datasets.randomSplit(range(10), 7, 3);
        assertThat(all(parts.get(0))).containsExactly(4, 1, 7, 5, 3, 9, 0);
        assertThat(all(parts.get(1))).containsExactly(8, 6, 2);
        List<Subset<Integer>> fr = Datasets.randomSplit(range(10), new double[] {0.5, 0.3, 0.2}, new Generator(1));
        assertThat(all(fr.get(0))).containsExactly(5, 6, 1, 2, 0);
        assertThat(all(fr.get(1))).containsExactly(8, 9, 3);
        assertThat(all(fr.get(2))).containsExactly(7, 4);
    }

    @Test
    void randomSplitRejectsBadLengths() {
        assertThatThrownBy(() -> Datasets.randomSplit(range(10), 3, 3)).hasMessageContaining("Sum of input lengths");
        assertThatThrownBy(() -> Datasets.randomSplit(range(10), 11, -1)).hasMessageContaining("negative length");
        assertThatThrownBy(() -> Datasets.randomSplit(range(10), 0.5, 0.6)).hasMessageContaining("sum to 1");
    }

    @Test
    void concatDatasetIndexesAcrossParts() {
        var c = new ConcatDataset<>(range(3), range(0), range(2));
        assertThat(c.size()).isEqualTo(5);
        assertThat(all(c)).containsExactly(0, 1, 2, 0, 1);
        assertThatThrownBy(() -> c.get(5)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("index 5");
        assertThatThrownBy(() -> new ConcatDataset<Integer>(List.of())).hasMessageContaining("empty");
    }

    @Test
    void subsetChecksIndices() {
        var s = new Subset<>(range(5), new int[] {4, 0});
        assertThat(all(s)).containsExactly(4, 0);
        assertThatThrownBy(() -> new Subset<>(range(5), new int[] {5})).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void tensorDatasetSelectsRows() {
        var ds = new TensorDataset(Torch.arange(6).reshape(3, 2), Torch.tensor(new long[] {7, 8, 9}));
        assertThat(ds.size()).isEqualTo(3);
        assertThat(ds.get(1).input().toLongArray()).containsExactly(2, 3);
        assertThat(ds.get(2).target().item()).isEqualTo(9.0);
        assertThatThrownBy(() -> new TensorDataset(Torch.zeros(3, 2), Torch.zeros(2))).hasMessageContaining("Size mismatch");
        assertThatThrownBy(() -> ds.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
