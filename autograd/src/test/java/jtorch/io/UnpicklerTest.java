package jtorch.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain data, numpy arrays and torchvision's CIFAR-10 pickles. */
class UnpicklerTest {
    @Test
    void cifarBatchReadsAsLatin1StringsAndAUint8Array() throws Exception {
        Map<?, ?> batch = (Map<?, ?>) new Unpickler(Fixtures.bytes("cifar_data_batch_1"), PickleGlobals.numpy()).load();
        NumpyArray data = (NumpyArray) batch.get("data");
        assertEquals("|u1", data.dtype());
        assertArrayEquals(new int[] {8, 3072}, data.shape());
        assertFalse(data.fortranOrder());
        assertArrayEquals(npyData(Fixtures.bytes("data_batch_1_expected_data.npy")), data.data());
        ByteBuffer labels = ByteBuffer.wrap(npyData(Fixtures.bytes("data_batch_1_expected_labels.npy")))
                .order(ByteOrder.LITTLE_ENDIAN);
        List<?> got = (List<?>) batch.get("labels");
        for (int i = 0; i < got.size(); i++) {
            assertEquals(labels.getLong(8 * i), got.get(i));
        }
        assertEquals("training batch 1 of 5", batch.get("batch_label"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void numpyArraysPickledByPython3(int protocol) throws Exception {
        Map<?, ?> d = (Map<?, ?>) new Unpickler(Fixtures.bytes("numpy_protocol" + protocol + ".pkl"), PickleGlobals.numpy()).load();
        NumpyArray u8 = (NumpyArray) d.get("u8");
        assertEquals("|u1", u8.dtype());
        assertArrayEquals(new int[] {3, 4}, u8.shape());
        assertEquals(11, u8.data()[11]);
        NumpyArray f4 = (NumpyArray) d.get("f4");
        assertEquals("<f4", f4.dtype());
        assertEquals(1.0f, ByteBuffer.wrap(f4.data()).order(ByteOrder.LITTLE_ENDIAN).getFloat(20));
        NumpyArray f8 = (NumpyArray) d.get("f8_fortran");
        assertEquals("<f8", f8.dtype());
        assertTrue(f8.fortranOrder());
    }

    @Test
    void picklerOutputReadsBackAsPlainData() throws Exception {
        LinkedHashMap<Object, Object> m = new LinkedHashMap<>();
        m.put("int", 7L);
        m.put("big", 1L << 40);
        m.put("neg", -300L);
        m.put("huge", BigInteger.ONE.shiftLeft(100));
        m.put("float", -0.5);
        m.put("str", "ünïcode");
        m.put("none", null);
        m.put("bool", true);
        m.put("list", new ArrayList<>(List.of(1L, "a")));
        m.put("tuple", PyTuple.of(1L, 2L, 3L, 4L));
        byte[] p = new Pickler(new StorageTable()).dump(m);
        PickleGlobals g = new PickleGlobals().allow("collections", "OrderedDict", (PyCallable) a -> new LinkedHashMap<>());
        Object back = new Unpickler(p, g).load();
        assertEquals(m, back);
        assertInstanceOf(PyTuple.class, ((Map<?, ?>) back).get("tuple"));
    }

    @Test
    void protocolZeroText() throws Exception {
        byte[] p = "(dp0\nS'a'\np1\nI01\nsS'b'\np2\nL12345678901234567890L\nsS'c'\nF1.5\nsVx\\u00e9\nI-3\ns.".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);
        Map<?, ?> d = (Map<?, ?>) new Unpickler(p, new PickleGlobals()).load();
        assertEquals(true, d.get("a"));
        assertEquals(new BigInteger("12345678901234567890"), d.get("b"));
        assertEquals(1.5, d.get("c"));
        assertEquals(-3L, d.get("xé"));
    }

    /** The data bytes of a version-1 .npy file (header length at byte 8). */
    static byte[] npyData(byte[] npy) {
        int headerLen = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        return Arrays.copyOfRange(npy, 10 + headerLen, npy.length);
    }
}
