package jtorch.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import jtorch.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed files fail with a documented IOException that says what is wrong, before allocating. */
class MalformedTest {
    @TempDir
    Path dir;

    @Test
    void everyTruncationFails() throws Exception {
        byte[] good = Fixtures.bytes("shared_storage.pth");
        Path p = dir.resolve("t.pth");
        for (int n = 0; n < good.length; n += 7) {
            Files.write(p, Arrays.copyOf(good, n));
            assertThrows(IOException.class, () -> PthFormat.read(p), "truncated to " + n + " bytes");
        }
    }

    @Test
    void aCentralDirectoryOutsideTheFileFails() throws Exception {
        byte[] b = Fixtures.bytes("shared_storage.pth");
        int eocd = b.length - 22;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(eocd + 16, 1 << 30);
        Path p = dir.resolve("cd.pth");
        Files.write(p, b);
        // the file has a ZIP64 record too (PyTorch writes one); either way the offset is checked
        ZipFormatException e = assertThrows(ZipFormatException.class, () -> PthFormat.read(p));
        assertTrue(e.getMessage().contains("invalid zip file"), e.getMessage());
    }

    @Test
    void aStorageDeclaring10To15ElementsOverSixteenBytesFailsBeforeAllocating() throws Exception {
        Path p = Fixtures.copy("huge_numel.pth", dir);
        UnpicklingException e = assertThrows(UnpicklingException.class, () -> PthFormat.read(p));
        assertTrue(e.getMessage().contains("1000000000000000 elements"), e.getMessage());
    }

    @Test
    void aZipBombFailsOnItsImpossibleRatio() throws Exception {
        Path p = Fixtures.copy("zip_bomb.pth", dir);
        ZipFormatException e = assertThrows(ZipFormatException.class, () -> PthFormat.read(p));
        assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
    }

    @Test
    void aTensorExtendingPastItsStorageFails() throws Exception {
        StorageTable storages = new StorageTable();
        byte[] pickle = new Pickler(storages).dump(Map.of("w", Torch.ones(4)));
        // the size tuple (4,) is BININT1 4, TUPLE1; make it (8,) over the same 4-element storage
        byte[] bad = replaceFirst(pickle, new byte[] {'K', 4, (byte) 0x85}, new byte[] {'K', 8, (byte) 0x85});
        Path p = dir.resolve("past.pth");
        AtomicFiles.write(p, ch -> {
            ZipWriter z = new ZipWriter(ch);
            z.add("archive/data.pkl", bad.length, out -> out.write(bad));
            z.add("archive/data/0", 16, out -> StorageBytes.encode(new float[4], 4, out));
            z.finish();
        });
        UnpicklingException e = assertThrows(UnpicklingException.class, () -> PthFormat.read(p));
        assertTrue(e.getMessage().contains("extends past its storage"), e.getMessage());
    }

    @Test
    void aMissingStorageRecordIsNamed() throws Exception {
        byte[] pickle = new Pickler(new StorageTable()).dump(Map.of("w", Torch.ones(4)));
        Path p = dir.resolve("missing.pth");
        AtomicFiles.write(p, ch -> {
            ZipWriter z = new ZipWriter(ch);
            z.add("archive/data.pkl", pickle.length, out -> out.write(pickle));
            z.finish();
        });
        UnpicklingException e = assertThrows(UnpicklingException.class, () -> PthFormat.read(p));
        assertTrue(e.getMessage().contains("archive/data/0 is missing"), e.getMessage());
    }

    @Test
    void pickleErrorsSayWhereAndWhy() {
        assertMessage(new byte[] {(byte) 0x80, 2, 'X', 100, 0, 0, 0, 'a'}, "unexpected end of data");
        assertMessage(new byte[] {(byte) 0x80, 2, 'a', '.'}, "stack underflow");
        assertMessage(new byte[] {(byte) 0x80, 2, 'h', 3, '.'}, "memo key 3 was never stored");
        assertMessage(new byte[] {(byte) 0x80, 2, 'i'}, "INST is not supported");
        assertMessage(new byte[] {(byte) 0x80, 2, '}', ']', 'N', 's', '.'}, "unsupported dict key of type list");
    }

    private static void assertMessage(byte[] pickle, String expected) {
        UnpicklingException e = assertThrows(UnpicklingException.class, () -> new Unpickler(pickle, new PickleGlobals()).load());
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("at byte"), e.getMessage());
    }

    static byte[] replaceFirst(byte[] data, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + from.length, from, 0, from.length)) {
                byte[] out = data.clone();
                System.arraycopy(to, 0, out, i, to.length);
                return out;
            }
        }
        throw new AssertionError("pattern not found");
    }
}
