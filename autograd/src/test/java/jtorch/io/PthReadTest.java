package jtorch.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the {@code .pth} files PyTorch 1.13 wrote (../shared/reference/pth) gives exactly their values. */
class PthReadTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"shared_storage", "bn_net_state_dict", "seed_cnn_state_dict"})
    void everyReferenceFileMatchesItsExpectedValues(String name) throws Exception {
        Map<String, Tensor> loaded = Torch.load(Fixtures.copy(name + ".pth", dir));
        LinkedHashMap<String, Tensor> expected = Safetensors.load(Fixtures.copy(name + "_expected.safetensors", dir));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(loaded.keySet()));
        for (String k : expected.keySet()) {
            assertTrue(Fixtures.sameBits(expected.get(k), loaded.get(k)), () -> k + " differs");
        }
    }

    @Test
    void viewsOfOneStorageStillShareItWithTheirStridesAndOffsets() throws Exception {
        Map<String, Tensor> d = Torch.load(Fixtures.copy("shared_storage.pth", dir));
        Tensor whole = d.get("whole");
        assertSame(whole.data().storage(), d.get("view_a").data().storage());
        assertSame(whole.data().storage(), d.get("view_b").data().storage());
        assertEquals(2, d.get("view_a").data().offset());
        assertEquals(8, d.get("view_b").data().offset());
        assertArrayEquals(new int[] {6, 1}, d.get("view_b").data().strides());
        assertArrayEquals(new int[] {1, 5}, d.get("t").data().strides());
        assertEquals(DType.FLOAT64, d.get("f64").dtype());
        assertEquals(DType.INT64, d.get("i64").dtype());
        assertArrayEquals(new int[0], d.get("scalar").shape());
    }

    @Test
    void batchNormCountIsAnInt64Scalar() throws Exception {
        Map<String, Tensor> d = Torch.load(Fixtures.copy("bn_net_state_dict.pth", dir));
        assertInstanceOf(LinkedHashMap.class, d);
        Tensor n = d.get("1.num_batches_tracked");
        assertEquals(DType.INT64, n.dtype());
        assertArrayEquals(new int[0], n.shape());
    }
}
