package jtorch.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.tensor.DType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What jtorch writes: read back by jtorch, and by PyTorch's own torch.load(weights_only=True). */
class PthWriteTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    static LinkedHashMap<String, Tensor> sample() {
        Tensor whole = Torch.arange(0, 24, 1).to(DType.FLOAT32);
        LinkedHashMap<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("whole", whole);
        sd.put("view", whole.narrow(0, 2, 6));
        sd.put("t", whole.narrow(0, 0, 15).reshape(3, 5).t());
        sd.put("f64", Torch.tensor(new double[] {1.5, -0.0, Double.NaN, 1e300}));
        sd.put("i64", Torch.tensor(new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}));
        sd.put("bool", Torch.tensor(new boolean[] {true, false}));
        sd.put("scalar", Torch.tensor(3.25f));
        return sd;
    }

    @Test
    void stateDictRoundTripsWithSharingAndExactBits() throws Exception {
        LinkedHashMap<String, Tensor> sd = sample();
        Path p = dir.resolve("sd.pth");
        Torch.save(sd, p);
        Map<String, Tensor> back = Torch.load(p);
        assertEquals(List.copyOf(sd.keySet()), List.copyOf(back.keySet()));
        for (String k : sd.keySet()) {
            assertTrue(Fixtures.sameBits(sd.get(k), back.get(k)), k);
            assertArrayEquals(sd.get(k).data().strides(), back.get(k).data().strides(), k);
        }
        assertSame(back.get("whole").data().storage(), back.get("view").data().storage());
        assertSame(back.get("whole").data().storage(), back.get("t").data().storage());
    }

    @Test
    void aTensorAloneRoundTrips() throws Exception {
        Tensor t = Torch.randn(3, 4);
        Path p = dir.resolve("t.pth");
        Torch.save(t, p);
        Tensor back = Torch.load(p);
        assertTrue(Fixtures.sameBits(t, back));
    }

    @Test
    void safetensorsByExtension() throws Exception {
        LinkedHashMap<String, Tensor> sd = sample();
        Path p = dir.resolve("sd.safetensors");
        Torch.save(sd, p);
        Map<String, Tensor> back = Torch.load(p);
        assertEquals(List.copyOf(sd.keySet()), List.copyOf(back.keySet()));
        for (String k : sd.keySet()) {
            assertTrue(Fixtures.sameBits(sd.get(k), back.get(k)), k);
        }
    }

    @Test
    void storagesStartAtMultiplesOf64Bytes() throws Exception {
        Path p = dir.resolve("a.pth");
        Torch.save(sample(), p);
        try (ZipReader z = ZipReader.open(p)) {
            for (ZipRecord r : z.records()) {
                assertEquals(0, r.dataOffset() % 64, r.name());
                assertEquals(0, r.method(), r.name());
            }
            assertEquals("3\n", new String(z.readAll(z.record("archive/version"), 10)));
            assertEquals("little", new String(z.readAll(z.record("archive/byteorder"), 10)));
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws Exception {
        Path p = dir.resolve("keep.pth");
        Torch.save(sample(), p);
        byte[] before = Files.readAllBytes(p);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("ok", Torch.ones(2));
        bad.put("bad", new Object());   // not picklable: fails before the rename
        try {
            Serialization.save(bad, p);
        } catch (IllegalArgumentException expected) {
            // the documented failure
        }
        assertArrayEquals(before, Files.readAllBytes(p));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    /**
     * PyTorch reads our file. Runs where /usr/bin/python3 has torch; with CI=true a missing torch is a
     * failure, not a skip (CI installs python3-torch).
     */
    @Test
    void pytorchReadsWhatWeWrite() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean hasTorch = Files.isExecutable(PYTHON) && runOk(List.of(PYTHON.toString(), "-c", "import torch"));
        if (!ci) {
            Assumptions.assumeTrue(hasTorch, "/usr/bin/python3 with torch is not available");
        }
        assertTrue(hasTorch, "CI=true but /usr/bin/python3 cannot import torch");
        Path p = dir.resolve("ours.pth");
        Path out = dir.resolve("theirs.bin");
        LinkedHashMap<String, Tensor> sd = sample();
        Torch.save(sd, p);
        String script = String.join("\n",
                "import sys, torch",
                "d = torch.load(sys.argv[1], weights_only=True)",
                "assert type(d).__name__ == 'OrderedDict', type(d)",
                "assert d['view'].storage().data_ptr() == d['whole'].storage().data_ptr()",
                "assert d['t'].stride() == (1, 5), d['t'].stride()",
                "with open(sys.argv[2], 'wb') as f:",
                "    for k, v in d.items():",
                "        f.write(v.contiguous().numpy().tobytes())",
                "print(','.join(d.keys()))");
        List<String> lines = run(List.of(PYTHON.toString(), "-c", script, p.toString(), out.toString()));
        assertEquals(String.join(",", sd.keySet()), lines.getLast());
        ByteBuffer theirs = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : sd.values()) {
            Object a = t.data().contiguous().toArray();
            switch (a) {
                case float[] f -> {
                    for (float v : f) {
                        assertEquals(Float.floatToRawIntBits(v), theirs.getInt());
                    }
                }
                case double[] d -> {
                    for (double v : d) {
                        assertEquals(Double.doubleToRawLongBits(v), theirs.getLong());
                    }
                }
                case long[] l -> {
                    for (long v : l) {
                        assertEquals(v, theirs.getLong());
                    }
                }
                case boolean[] z -> {
                    for (boolean v : z) {
                        assertEquals(v ? 1 : 0, theirs.get());
                    }
                }
                default -> throw new AssertionError(a);
            }
        }
        assertFalse(theirs.hasRemaining());
    }

    private static boolean runOk(List<String> cmd) {
        try {
            Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            pr.getInputStream().readAllBytes();
            return pr.waitFor(120, TimeUnit.SECONDS) && pr.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<String> run(List<String> cmd) throws IOException, InterruptedException {
        Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(pr.getInputStream().readAllBytes());
        assertTrue(pr.waitFor(120, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, pr.exitValue(), text);
        return text.lines().toList();
    }
}
