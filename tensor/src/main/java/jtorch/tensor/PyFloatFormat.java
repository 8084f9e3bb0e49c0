package jtorch.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code '{:.Nf}'} and {@code '{:.Ne}'} formatting of a double, digit for digit.
 *
 * <p>NOTE: Python rounds the <em>exact</em> binary value of the double to the requested number of digits,
 * half-even on that exact expansion (0.125 becomes {@code '0.12'}, 0.1235f becomes {@code '0.1235'} because
 * the float is slightly above). {@code new BigDecimal(double)} holds that exact value, so rounding it with
 * {@link RoundingMode#HALF_EVEN} gives Python's digits; {@code String.format} rounds half-up and would
 * differ on exact ties. The sign is handled apart from BigDecimal, which has no negative zero: Python
 * prints {@code '-0.0000'} for -0.0 and for negatives that round to zero.
 */
final class PyFloatFormat {
    private PyFloatFormat() {}

    /** {@code '{:.<precision>f}'.format(v)}: fixed point, e.g. {@code 0.6667}, {@code -0.0000}, {@code inf}. */
    static String fixed(double v, int precision) {
        String special = nonFinite(v);
        if (special != null) {
            return special;
        }
        BigDecimal rounded = new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN);
        return sign(v) + rounded.toPlainString();
    }

    /**
     * {@code '{:.<precision>e}'.format(v)}: one digit, the fraction, and an exponent of at least two digits,
     * e.g. {@code 1.0000e-05}, {@code 1.2346e+08}.
     */
    static String scientific(double v, int precision) {
        String special = nonFinite(v);
        if (special != null) {
            return special;
        }
        double a = Math.abs(v);
        String digits;
        int exponent;
        if (a == 0) {
            digits = "0";
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(a).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            // value = unscaled * 10^-scale, and unscaled has digits.length() digits
            exponent = digits.length() - 1 - rounded.scale();
        }
        StringBuilder sb = new StringBuilder(sign(v));
        sb.append(digits.charAt(0));
        if (precision > 0) {
            sb.append('.');
            sb.append(digits, 1, Math.min(digits.length(), precision + 1));
            // an exactly short value (1.0 is the single digit "1") is padded, as Python pads
            for (int i = digits.length(); i < precision + 1; i++) {
                sb.append('0');
            }
        }
        sb.append('e');
        sb.append(exponent < 0 ? '-' : '+');
        int absExp = Math.abs(exponent);
        if (absExp < 10) {
            sb.append('0');
        }
        sb.append(absExp);
        return sb.toString();
    }

    /** Python's {@code nan}, {@code inf} and {@code -inf}, or null for a finite value. */
    private static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return null;
    }

    /** "-" when the sign bit is set (including -0.0), else "". */
    private static String sign(double v) {
        return Double.doubleToRawLongBits(v) < 0 ? "-" : "";
    }
}
