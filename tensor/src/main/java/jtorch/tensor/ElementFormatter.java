package jtorch.tensor;

/**
 * Formats single elements for {@link TensorFormatter}, with one notation and one column width for the whole
 * tensor: PyTorch's {@code torch._tensor_str._Formatter} at the default print options (precision 4,
 * {@code sci_mode=None}).
 *
 * <p>TORCH: for floating dtypes the notation is chosen from the nonzero finite values only:
 * <ul>
 *   <li>all of them integral: integer mode ({@code 1.}), or scientific when max/min &gt; 1000 or max &gt; 1e8;
 *   <li>otherwise fixed ({@code 0.1235}), or scientific when max/min &gt; 1000, max &gt; 1e8 or min &lt; 1e-4.
 * </ul>
 * The width is the longest of those values as printed; zeros, {@code nan} and {@code inf} do not count
 * toward it (they are padded to it, or overflow it). For int64 and bool every value counts.
 */
final class ElementFormatter {
    /** PyTorch's default {@code PRINT_OPTS.precision}. */
    static final int PRECISION = 4;

    private final DType dtype;
    private final Object data;
    private boolean intMode = true;
    private boolean sciMode = false;
    private int maxWidth = 1;

    /**
     * Chooses notation and width from the elements that will be printed.
     *
     * @param data the tensor's row-major array (float[], double[], long[] or boolean[])
     * @param printed the indices into {@code data} of the printed elements (all of them, or the summarized edges)
     */
    ElementFormatter(DType dtype, Object data, int[] printed) {
        this.dtype = dtype;
        this.data = data;
        if (dtype.isFloatingPoint()) {
            chooseFloatNotation(printed);
        } else {
            for (int i : printed) {
                maxWidth = Math.max(maxWidth, plain(i).length());
            }
        }
    }

    /** The column width every formatted element is padded to. */
    int width() {
        return maxWidth;
    }

    /** The element at {@code index}, right-aligned to {@link #width()}. */
    String format(int index) {
        String s;
        if (!dtype.isFloatingPoint()) {
            s = plain(index);
        } else {
            double v = floatAt(index);
            if (sciMode) {
                s = PyFloatFormat.scientific(v, PRECISION);
            } else if (intMode) {
                s = PyFloatFormat.fixed(v, 0);
                if (Double.isFinite(v)) {
                    s += ".";   // TORCH: marks the tensor as floating point: "1." not "1"
                }
            } else {
                s = PyFloatFormat.fixed(v, PRECISION);
            }
        }
        return pad(s);
    }

    private void chooseFloatNotation(int[] printed) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int count = 0;
        for (int i : printed) {
            double v = floatAt(i);
            if (!Double.isFinite(v) || v == 0) {
                continue;
            }
            count++;
            double a = Math.abs(v);
            min = Math.min(min, a);
            max = Math.max(max, a);
            if (v != Math.ceil(v)) {
                intMode = false;
            }
        }
        if (count == 0) {
            return;   // TORCH: no valid number: integer mode, width 1
        }
        // NOTE: PyTorch compares in double (it converts the abs values with .double()); so do we.
        boolean wideRange = max / min > 1000.0 || max > 1.0e8;
        if (intMode) {
            sciMode = wideRange;
        } else {
            sciMode = wideRange || min < 1.0e-4;
        }
        for (int i : printed) {
            double v = floatAt(i);
            if (!Double.isFinite(v) || v == 0) {
                continue;
            }
            int len;
            if (sciMode) {
                len = PyFloatFormat.scientific(v, PRECISION).length();
            } else if (intMode) {
                len = PyFloatFormat.fixed(v, 0).length() + 1;   // + 1 for the trailing "."
            } else {
                len = PyFloatFormat.fixed(v, PRECISION).length();
            }
            maxWidth = Math.max(maxWidth, len);
        }
    }

    /** Python's {@code str} of an int64 or bool element: {@code 42}, {@code True}. */
    private String plain(int index) {
        return switch (data) {
            case long[] l -> Long.toString(l[index]);
            case boolean[] b -> b[index] ? "True" : "False";
            default -> throw new IllegalStateException("not an int64 or bool array: " + data.getClass().getSimpleName());
        };
    }

    /** The element as a double; a float32 element widens exactly, as PyTorch's {@code item()} does. */
    private double floatAt(int index) {
        return switch (data) {
            case float[] f -> f[index];
            case double[] d -> d[index];
            default -> throw new IllegalStateException("not a float array: " + data.getClass().getSimpleName());
        };
    }

    private String pad(String s) {
        int missing = maxWidth - s.length();
        if (missing <= 0) {
            return s;
        }
        return " ".repeat(missing) + s;
    }
}
