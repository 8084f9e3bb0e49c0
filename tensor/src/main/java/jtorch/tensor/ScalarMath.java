package jtorch.tensor;

import jtorch.simd.BinaryOp;
import jtorch.simd.CompareOp;
import jtorch.simd.UnaryOp;

/**
 * Per-element int64 arithmetic and comparisons for the CPU backend's integer and bool paths (float32 and
 * float64 run on the {@code jtorch.simd} kernels, whose scalar twins define them).
 */
final class ScalarMath {
    private ScalarMath() {}

    static long unary(UnaryOp op, long x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SQUARE -> x * x;
            case SIGN -> Long.signum(x);
            case RELU -> Math.max(x, 0);
            case FLOOR, CEIL, ROUND -> x;
            default -> throw new IllegalArgumentException("\"" + op.name().toLowerCase() + "\" not implemented for 'Long'");
        };
    }

    static long binary(BinaryOp op, long a, long b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> floorDivChecked(a, b);
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            case POW -> powLong(a, b);
            case RSUB -> b - a;
            case RDIV -> floorDivChecked(b, a);
        };
    }

    private static long floorDivChecked(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("ZeroDivisionError");
        }
        return Math.floorDiv(a, b);
    }

    private static long powLong(long a, long b) {
        if (b < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
        long r = 1;
        for (long i = 0; i < b; i++) {
            r *= a;
        }
        return r;
    }

    static boolean compare(CompareOp op, double a, double b) {
        return switch (op) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
    }

    static boolean compare(CompareOp op, long a, long b) {
        return switch (op) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
    }
}
