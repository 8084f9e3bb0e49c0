package jtorch.optim;

import java.math.BigDecimal;
import java.util.List;

/** Python's spelling of hyperparameter values, so validation messages and prints read as PyTorch's. */
final class PyFloat {
    private PyFloat() {}

    /** Python's {@code repr(float)}: shortest digits; scientific below 1e-4 or from 1e16 ({@code 1e-08}). */
    static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        // NOTE: Double.toString gives the shortest round-tripping digits (JDK 19+), as Python's repr does.
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = d.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** A hyperparameter value as Python prints it: floats, True/False, None, tuples. */
    static String value(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return repr(d);
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(value(list.get(i)));
            }
            return sb.append(')').toString();
        }
        return String.valueOf(v);
    }
}
