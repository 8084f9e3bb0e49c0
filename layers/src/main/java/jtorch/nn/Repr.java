package jtorch.nn;

import java.math.BigDecimal;

/** Python's spelling of values inside module reprs ({@code repr(float)}, tuples, booleans). */
final class Repr {
    private Repr() {}

    /**
     * Python's {@code repr(float)}: the shortest round-tripping digits, in positional notation when the
     * decimal exponent is in [-4, 16), else scientific with a two-digit exponent ({@code 1e-05}).
     */
    static String pyFloat(double v) {
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
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        String plain = d.toPlainString();
        if (!plain.contains(".")) {
            plain = plain + ".0";
        }
        return sign + plain;
    }

    /** Python's {@code True}/{@code False}. */
    static String pyBool(boolean b) {
        return b ? "True" : "False";
    }

    /** A tuple {@code (3, 3)}; a one-element tuple prints {@code (5,)}. */
    static String tuple(int[] values) {
        if (values.length == 1) {
            return "(" + values[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(values[i]);
        }
        return sb.append(')').toString();
    }

    /** A size argument as the user gave it: one value prints as an int, several as a tuple. */
    static String intOrTuple(int[] values) {
        return values.length == 1 ? String.valueOf(values[0]) : tuple(values);
    }

    /** Expands a one-value size argument to both spatial dims ({@code _pair}). */
    static int[] pair(int[] values, String name) {
        if (values.length == 1) {
            return new int[] {values[0], values[0]};
        }
        if (values.length != 2) {
            throw new IllegalArgumentException(name + " must be an int or a pair of ints, got " + values.length + " values");
        }
        return values.clone();
    }
}
