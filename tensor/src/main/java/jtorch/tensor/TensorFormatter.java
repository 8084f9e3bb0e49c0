package jtorch.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's print of a tensor ({@code repr(t)}), character for character: {@code torch._tensor_str} of
 * PyTorch 1.13 at the default print options (precision 4, threshold 1000, edgeitems 3, linewidth 80,
 * {@code sci_mode=None}).
 *
 * <p>This class lays out brackets, line wrapping, summarization ({@code ...}) and the suffixes
 * ({@code device=}, {@code dtype=}, autograd); {@link ElementFormatter} picks the number notation and width.
 *
 * @see <a href="https://pytorch.org/docs/stable/generated/torch.set_printoptions.html">torch.set_printoptions</a>
 */
public final class TensorFormatter {
    private static final String PREFIX = "tensor(";
    private static final int INDENT = PREFIX.length();
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int LINE_WIDTH = 80;

    private final int[] shape;
    private final int[] strides;
    private final boolean summarize;
    private final ElementFormatter elements;

    private TensorFormatter(DType dtype, int[] shape, Object data, int numel) {
        this.shape = shape;
        this.strides = Shape.contiguousStrides(shape);
        // TORCH: summarize when there are more than `threshold` elements, not when a line is too long
        this.summarize = numel > THRESHOLD;
        List<Integer> printed = new ArrayList<>();
        collectPrinted(0, 0, printed);
        int[] indices = new int[printed.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = printed.get(i);
        }
        this.elements = new ElementFormatter(dtype, data, indices);
    }

    /**
     * Formats a tensor as PyTorch prints it, e.g. {@code tensor([1., 2.], dtype=torch.float64, requires_grad=True)}.
     *
     * @param dtype the element type; {@code dtype=...} is printed unless it is float32, int64 or bool
     *              (for an empty tensor, unless it is float32), as PyTorch does
     * @param shape the sizes; a 0-length shape is a scalar
     * @param data the elements in row-major order: {@code float[]}, {@code double[]}, {@code long[]} or
     *             {@code boolean[]} matching {@code dtype}, of length numel
     * @param device null for the CPU; otherwise printed as {@code device='opencl:0'}
     * @param autogradSuffix null, or the last suffix such as {@code grad_fn=<AddBackward0>} or
     *                       {@code requires_grad=True}
     * @throws IllegalArgumentException when {@code data} does not match {@code dtype} or {@code shape}
     */
    public static String format(DType dtype, int[] shape, Object data, String device, String autogradSuffix) {
        int numel = Shape.numel(shape);
        checkData(dtype, shape, data, numel);
        List<String> suffixes = new ArrayList<>();
        if (device != null) {
            suffixes.add("device='" + device + "'");
        }
        String body;
        if (numel == 0) {
            // TORCH: an empty tensor shows its size unless it is (0,), and any dtype but the default float,
            // since no element tells int64 from float
            if (shape.length != 1) {
                suffixes.add("size=" + pythonTuple(shape));
            }
            if (dtype != DType.FLOAT32) {
                suffixes.add("dtype=" + dtype.torchName());
            }
            body = "[]";
        } else {
            // TORCH: float32 (the default dtype), int64 and bool print no dtype; their elements show the type
            if (dtype == DType.FLOAT64) {
                suffixes.add("dtype=" + dtype.torchName());
            }
            body = new TensorFormatter(dtype, shape.clone(), data, numel).tensorStr(0, 0, INDENT);
        }
        if (autogradSuffix != null) {
            suffixes.add(autogradSuffix);
        }
        return addSuffixes(PREFIX + body, suffixes);
    }

    /**
     * Collects the storage indices of the elements that will be printed, in print order: all of them,
     * or when summarizing the first and last {@code EDGE_ITEMS} along every dim longer than twice that
     * (PyTorch's {@code get_summarized_data}). The notation and width come from these alone.
     */
    private void collectPrinted(int dim, int offset, List<Integer> out) {
        if (dim == shape.length) {
            out.add(offset);
            return;
        }
        for (int i : printedRows(shape[dim])) {
            collectPrinted(dim + 1, offset + i * strides[dim], out);
        }
    }

    /** True when a dim of size {@code n} is printed as its first and last {@code EDGE_ITEMS} around "...". */
    private boolean elides(int n) {
        return summarize && n > 2 * EDGE_ITEMS;
    }

    /** The indices printed along a dim of size {@code n}: all of them, or the edges when {@link #elides}. */
    private int[] printedRows(int n) {
        if (!elides(n)) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        // PERF: jump over the middle rather than test every index: a summarized dim may be huge
        int[] edges = new int[2 * EDGE_ITEMS];
        for (int k = 0; k < EDGE_ITEMS; k++) {
            edges[k] = k;
            edges[EDGE_ITEMS + k] = n - EDGE_ITEMS + k;
        }
        return edges;
    }

    /** PyTorch's {@code _tensor_str_with_formatter}: the sub-tensor from {@code dim} on, at {@code offset}. */
    private String tensorStr(int dim, int offset, int indent) {
        int rank = shape.length - dim;
        if (rank == 0) {
            return elements.format(offset);
        }
        if (rank == 1) {
            return vectorStr(dim, offset, indent);
        }
        int n = shape[dim];
        boolean elided = elides(n);
        int[] rows = printedRows(n);
        List<String> slices = new ArrayList<>();
        for (int k = 0; k < rows.length; k++) {
            if (elided && k == EDGE_ITEMS) {
                slices.add("...");
            }
            slices.add(tensorStr(dim + 1, offset + rows[k] * strides[dim], indent + 1));
        }
        // one blank line fewer than the rank of the slices: rows end with ",\n", matrices with ",\n\n"
        String separator = "," + "\n".repeat(rank - 1) + " ".repeat(indent + 1);
        return "[" + String.join(separator, slices) + "]";
    }

    /** PyTorch's {@code _vector_str}: a 1-D row, wrapped to as many elements per line as fit in 80 columns. */
    private String vectorStr(int dim, int offset, int indent) {
        int elementLength = elements.width() + 2;   // the element plus ", "
        // TORCH: floor((linewidth - indent) / element_length), at least 1; floorDiv as Python floors
        int perLine = Math.max(1, Math.floorDiv(LINE_WIDTH - indent, elementLength));
        int n = shape[dim];
        boolean elided = elides(n);
        int[] rows = printedRows(n);
        List<String> items = new ArrayList<>();
        for (int k = 0; k < rows.length; k++) {
            if (elided && k == EDGE_ITEMS) {
                items.add(" ...");   // TORCH: joined by ", " this prints ",  ...,"
            }
            items.add(elements.format(offset + rows[k] * strides[dim]));
        }
        List<String> lines = new ArrayList<>();
        for (int start = 0; start < items.size(); start += perLine) {
            int end = Math.min(items.size(), start + perLine);
            lines.add(String.join(", ", items.subList(start, end)));
        }
        return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
    }

    /** PyTorch's {@code _add_suffixes}: ", suffix" on the last line, or on a new line when it would pass 80 columns. */
    private static String addSuffixes(String tensorStr, List<String> suffixes) {
        StringBuilder sb = new StringBuilder(tensorStr);
        // TORCH: this is PyTorch's arithmetic, including its overcount by 2 when there is no newline
        int lastLineLen = tensorStr.length() - tensorStr.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLen + suffix.length() + 2 > LINE_WIDTH) {
                sb.append(",\n").append(" ".repeat(INDENT)).append(suffix);
                lastLineLen = INDENT + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLen += suffix.length() + 2;
            }
        }
        sb.append(')');
        return sb.toString();
    }

    /** Python's {@code str(tuple(shape))}: {@code (0, 3)}, {@code (0,)}. */
    private static String pythonTuple(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        sb.append(')');
        return sb.toString();
    }

    private static void checkData(DType dtype, int[] shape, Object data, int numel) {
        int length = switch (data) {
            case float[] f when dtype == DType.FLOAT32 -> f.length;
            case double[] d when dtype == DType.FLOAT64 -> d.length;
            case long[] l when dtype == DType.INT64 -> l.length;
            case boolean[] b when dtype == DType.BOOL -> b.length;
            case null -> throw new NullPointerException("data");
            default -> throw new IllegalArgumentException("data of type " + data.getClass().getSimpleName()
                    + " does not hold elements of dtype " + dtype.torchName());
        };
        if (length != numel) {
            throw new IllegalArgumentException("data has " + length + " elements but shape "
                    + Shape.str(shape) + " needs " + numel);
        }
    }
}
