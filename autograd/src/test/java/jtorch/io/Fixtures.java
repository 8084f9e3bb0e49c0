package jtorch.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import jtorch.Tensor;

/** Test resources under {@code jtorch/io/} (see make_fixtures.py there), copied to a temporary directory. */
final class Fixtures {
    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource jtorch/io/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copy(String name, Path dir) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes(name));
        return p;
    }

    /** Exact equality of shape, dtype and every element's bits (NaN payloads and -0.0 included). */
    static boolean sameBits(Tensor a, Tensor b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape()) || a.dtype() != b.dtype()) {
            return false;
        }
        Object x = a.data().contiguous().toArray();
        Object y = b.data().contiguous().toArray();
        return switch (x) {
            case float[] f -> {
                float[] g = (float[]) y;
                for (int i = 0; i < f.length; i++) {
                    if (Float.floatToRawIntBits(f[i]) != Float.floatToRawIntBits(g[i])) {
                        yield false;
                    }
                }
                yield true;
            }
            case double[] d -> {
                double[] e = (double[]) y;
                for (int i = 0; i < d.length; i++) {
                    if (Double.doubleToRawLongBits(d[i]) != Double.doubleToRawLongBits(e[i])) {
                        yield false;
                    }
                }
                yield true;
            }
            case long[] l -> java.util.Arrays.equals(l, (long[]) y);
            case boolean[] z -> java.util.Arrays.equals(z, (boolean[]) y);
            default -> false;
        };
    }

    static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
