package jtorch.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jtorch.tensor.io.SafetensorsFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TensorFormatter} against PyTorch 1.13's {@code repr}.
 *
 * <p>The reference files hold a tensor {@code value} and PyTorch's text in {@code __metadata__.repr}. The
 * further cases below were derived with a line-by-line Python transcription of {@code torch/_tensor_str.py}
 * ({@code _Formatter}, {@code _vector_str}, {@code _tensor_str_with_formatter}, {@code get_summarized_data},
 * {@code _add_suffixes}) run on Python floats (float32 values rounded through numpy.float32), which
 * reproduces all 27 reference reprs; Python's own {@code '{:.4f}'}/{@code '{:.4e}'} did the number formatting.
 */
class TensorFormatterTest {
    private static final int REFERENCE_CASES = 27;

    static List<Path> referenceFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(TensorFormatterTest.class.getResource("/reference/printing").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".safetensors")).sorted().toList();
            assertThat(list).as("reference printing cases in " + dir).hasSizeGreaterThanOrEqualTo(REFERENCE_CASES);
            return list;
        }
    }

    @ParameterizedTest
    @MethodSource("referenceFiles")
    void matchesPyTorchRepr(Path file) throws IOException {
        NdArray value = SafetensorsFormat.read(file).get("value");
        String expected = SafetensorsFormat.readMetadata(file).get("repr");
        assertThat(expected).as("repr in " + file).isNotNull();

        String actual = TensorFormatter.format(value.dtype(), value.shape(), value.toArray(), null, null);

        assertThat(actual).as(file.getFileName().toString()).isEqualTo(expected);
    }

    @Test
    void float64PrintsDtype() {
        assertThat(format(new double[] {1.5, 2.25}, 2)).isEqualTo("tensor([1.5000, 2.2500], dtype=torch.float64)");
        assertThat(format(new double[] {1.0 / 3})).isEqualTo("tensor(0.3333, dtype=torch.float64)");
    }

    @Test
    void summarized3dTensor() {
        float[] data = new float[7 * 2 * 80];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i % 97) * 0.5f - 20;
        }
        assertThat(format(data, 7, 2, 80)).isEqualTo("""
                tensor([[[-20.0000, -19.5000, -19.0000,  ...,  18.5000,  19.0000,  19.5000],
                         [ 20.0000,  20.5000,  21.0000,  ...,  10.0000,  10.5000,  11.0000]],

                        [[ 11.5000,  12.0000,  12.5000,  ...,   1.5000,   2.0000,   2.5000],
                         [  3.0000,   3.5000,   4.0000,  ...,  -7.0000,  -6.5000,  -6.0000]],

                        [[ -5.5000,  -5.0000,  -4.5000,  ..., -15.5000, -15.0000, -14.5000],
                         [-14.0000, -13.5000, -13.0000,  ...,  24.5000,  25.0000,  25.5000]],

                        ...,

                        [[  9.0000,   9.5000,  10.0000,  ...,  -1.0000,  -0.5000,   0.0000],
                         [  0.5000,   1.0000,   1.5000,  ...,  -9.5000,  -9.0000,  -8.5000]],

                        [[ -8.0000,  -7.5000,  -7.0000,  ..., -18.0000, -17.5000, -17.0000],
                         [-16.5000, -16.0000, -15.5000,  ...,  22.0000,  22.5000,  23.0000]],

                        [[ 23.5000,  24.0000,  24.5000,  ...,  13.5000,  14.0000,  14.5000],
                         [ 15.0000,  15.5000,  16.0000,  ...,   5.0000,   5.5000,   6.0000]]])""");
    }

    @Test
    void fourDimensionalTensorSeparatesBlocksWithTwoBlankLines() {
        float[] data = new float[16];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        assertThat(format(data, 2, 2, 2, 2)).isEqualTo("""
                tensor([[[[ 0.,  1.],
                          [ 2.,  3.]],

                         [[ 4.,  5.],
                          [ 6.,  7.]]],


                        [[[ 8.,  9.],
                          [10., 11.]],

                         [[12., 13.],
                          [14., 15.]]]])""");
    }

    @Test
    void autogradSuffixes() {
        assertThat(TensorFormatter.format(DType.FLOAT32, new int[] {2}, new float[] {1, 2}, null, "requires_grad=True"))
                .isEqualTo("tensor([1., 2.], requires_grad=True)");
        // the first line is exactly 80 columns, so the suffix moves to its own line
        float[] row = {-0.1196f, 0.1028f, 0.0072f, -0.0184f, -0.1516f, 0.0913f, 0.0254f, -0.0692f};
        assertThat(TensorFormatter.format(DType.FLOAT32, new int[] {8}, row, null, "grad_fn=<AddBackward0>"))
                .isEqualTo("""
                        tensor([-0.1196,  0.1028,  0.0072, -0.0184, -0.1516,  0.0913,  0.0254, -0.0692],
                               grad_fn=<AddBackward0>)""");
    }

    @Test
    void deviceThenDtypeThenGradFn() {
        String s = TensorFormatter.format(DType.FLOAT64, new int[] {2}, new double[] {1, 2}, "opencl:0",
                "grad_fn=<MulBackward0>");
        assertThat(s).isEqualTo("""
                tensor([1., 2.], device='opencl:0', dtype=torch.float64,
                       grad_fn=<MulBackward0>)""");
    }

    @Test
    void emptyTensors() {
        assertThat(format(new float[0], 0)).isEqualTo("tensor([])");
        assertThat(format(new long[0], 0)).isEqualTo("tensor([], dtype=torch.int64)");
        assertThat(format(new float[0], 0, 3)).isEqualTo("tensor([], size=(0, 3))");
        assertThat(format(new boolean[0], 2, 0, 1)).isEqualTo("tensor([], size=(2, 0, 1), dtype=torch.bool)");
    }

    @Test
    void int64AlignmentWrappingAndSummary() {
        assertThat(format(new long[] {-5, 12, 300}, 3)).isEqualTo("tensor([ -5,  12, 300])");
        long[] wide = new long[30];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = i * 1000L;
        }
        assertThat(format(wide, 30)).isEqualTo("""
                tensor([    0,  1000,  2000,  3000,  4000,  5000,  6000,  7000,  8000,  9000,
                        10000, 11000, 12000, 13000, 14000, 15000, 16000, 17000, 18000, 19000,
                        20000, 21000, 22000, 23000, 24000, 25000, 26000, 27000, 28000, 29000])""");
        long[] many = new long[2000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        assertThat(format(many, 2000)).isEqualTo("tensor([   0,    1,    2,  ..., 1997, 1998, 1999])");
    }

    @Test
    void boolMatrixAligns() {
        assertThat(format(new boolean[] {true, false, false, true}, 2, 2)).isEqualTo("""
                tensor([[ True, False],
                        [False,  True]])""");
    }

    @Test
    void nonFiniteValuesArePaddedButDoNotSetTheWidth() {
        assertThat(format(new float[] {Float.NaN, 1.5f, -2.25f}, 3)).isEqualTo("tensor([    nan,  1.5000, -2.2500])");
        assertThat(format(new float[] {1f, Float.NaN}, 2)).isEqualTo("tensor([1., nan])");
        assertThat(format(new float[] {Float.POSITIVE_INFINITY, 1e-5f, -3f}, 3))
                .isEqualTo("tensor([        inf,  1.0000e-05, -3.0000e+00])");
    }

    @Test
    void negativeZeroKeepsItsSign() {
        assertThat(format(new float[] {-0f, 0.5f}, 2)).isEqualTo("tensor([-0.0000, 0.5000])");
    }

    @Test
    void roundsHalfEvenOnTheExactBinaryValue() {
        // 0.03125 and 1.03125 are exact binary fractions, true ties at 4 decimals / 5 digits: Python rounds
        // them to even (0.0312, 1.0312) where String.format's half-up would print 0.0313 and 1.0313
        assertThat(format(new float[] {0.03125f, 0.5f}, 2)).isEqualTo("tensor([0.0312, 0.5000])");
        assertThat(format(new float[] {1.03125f, 1e-5f}, 2)).isEqualTo("tensor([1.0312e+00, 1.0000e-05])");
    }

    @Test
    void rejectsDataThatDoesNotMatch() {
        assertThatThrownBy(() -> TensorFormatter.format(DType.FLOAT32, new int[] {3}, new float[2], null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data has 2 elements but shape [3] needs 3");
        assertThatThrownBy(() -> TensorFormatter.format(DType.FLOAT64, new int[] {1}, new float[1], null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not hold elements of dtype torch.float64");
    }

    private static String format(Object data, int... shape) {
        DType dtype = switch (data) {
            case float[] _ -> DType.FLOAT32;
            case double[] _ -> DType.FLOAT64;
            case long[] _ -> DType.INT64;
            case boolean[] _ -> DType.BOOL;
            default -> throw new IllegalArgumentException(data.getClass().getName());
        };
        return TensorFormatter.format(dtype, shape, data, null, null);
    }
}
