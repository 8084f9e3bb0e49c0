package jtorch.io;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import jtorch.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Globals off the allow-list are refused by name (fixtures: make_fixtures.py, "hostile pickles"). */
class RefusalTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"refuse_os_system.pkl, os.system", "refuse_builtins_eval.pkl, builtins.eval",
            "refuse_unknown_class.pkl, __main__.NeuralNetwork"})
    void aGlobalOffTheListIsRefusedByName(String file, String global) {
        byte[] pickle = Fixtures.bytes(file);
        UnpicklingException e = assertThrows(UnpicklingException.class,
                () -> new Unpickler(pickle, PickleGlobals.numpy()).load());
        assertTrue(e.getMessage().contains("Unsupported global: GLOBAL " + global), e.getMessage());
    }

    @Test
    void torchLoadRefusesOsSystemInsideAPth() throws Exception {
        Path p = Fixtures.copy("refuse_os_system.pth", dir);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Torch.load(p));
        assertInstanceOf(UnpicklingException.class, e.getCause());
        assertTrue(e.getMessage().contains("os.system"), e.getMessage());
    }

    @Test
    void stackGlobalIsCheckedToo() {
        // PROTO 4, SHORT_BINUNICODE 'os', SHORT_BINUNICODE 'system', STACK_GLOBAL, STOP
        byte[] p = {(byte) 0x80, 4, (byte) 0x8c, 2, 'o', 's', (byte) 0x8c, 6, 's', 'y', 's', 't', 'e', 'm', (byte) 0x93, '.'};
        UnpicklingException e = assertThrows(UnpicklingException.class, () -> new Unpickler(p, new PickleGlobals()).load());
        assertTrue(e.getMessage().contains("os.system"), e.getMessage());
    }
}
