package jtorch.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import jtorch.Tensor;
import jtorch.tensor.NdArray;
import jtorch.tensor.io.SafetensorsFormat;

/** Reads the PyTorch reference files under {@code src/test/resources/reference/ops} and compares values. */
public final class Reference {
    private Reference() {}

    public static Path path(String name) {
        URL url = Reference.class.getResource("/reference/ops/" + name);
        if (url == null) {
            throw new IllegalArgumentException("missing test resource reference/ops/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, NdArray> tensors(String name) {
        try {
            return SafetensorsFormat.read(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> metadata(String name) {
        try {
            return SafetensorsFormat.readMetadata(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** numpy's {@code allclose}: |a − e| ≤ atol + rtol·|e| everywhere, with the same shape. */
    public static void assertClose(String what, NdArray expected, Tensor actual, double rtol, double atol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.data().toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            double diff = Math.abs(a[i] - e[i]);
            if (!(diff <= atol + rtol * Math.abs(e[i]))) {
                fail(what + ": element " + i + " is " + a[i] + ", PyTorch has " + e[i] + " (|diff| " + diff + ")");
            }
        }
    }

    public static void assertClose(String what, double[] expected, double[] actual, double rtol, double atol) {
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(actual[i] - expected[i]);
            if (!(diff <= atol + rtol * Math.abs(expected[i]))) {
                fail(what + ": element " + i + " is " + actual[i] + ", PyTorch has " + expected[i]);
            }
        }
    }
}
