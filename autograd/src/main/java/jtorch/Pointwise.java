package jtorch;

import jtorch.simd.BinaryOp;
import jtorch.simd.UnaryOp;
import jtorch.autograd.Graph;
import jtorch.tensor.NdArray;
import jtorch.tensor.Ops;

/** Elementwise ops and their backward formulas (written in Tensor ops, so they can be differentiated again). */
final class Pointwise {
    private Pointwise() {}

    static Tensor unary(UnaryOp op, Tensor x) {
        NdArray y = Ops.unary(op, x.data());
        if (!Graph.needsGrad(x)) {
            return new Tensor(y);
        }
        Tensor out = new Tensor(y);   // the saved output (no graph of its own)
        return switch (op) {
            case NEG -> Graph.record("NegBackward0", y, g -> new Tensor[] {g.neg()}, x);
            case EXP -> Graph.record("ExpBackward0", y, g -> new Tensor[] {g.mul(out)}, x);
            case LOG -> Graph.record("LogBackward0", y, g -> new Tensor[] {g.div(x)}, x);
            case SQRT -> Graph.record("SqrtBackward0", y, g -> new Tensor[] {g.div(out.mul(2.0))}, x);
            case RSQRT -> Graph.record("RsqrtBackward0", y, g -> new Tensor[] {g.mul(out.pow(3.0)).mul(-0.5)}, x);
            case ABS -> Graph.record("AbsBackward0", y, g -> new Tensor[] {g.mul(x.sign())}, x);
            case RECIPROCAL -> Graph.record("ReciprocalBackward0", y, g -> new Tensor[] {g.mul(out.mul(out)).neg()}, x);
            case SQUARE -> Graph.record("PowBackward0", y, g -> new Tensor[] {g.mul(x).mul(2.0)}, x);
            case SIGMOID -> Graph.record("SigmoidBackward0", y, g -> new Tensor[] {g.mul(out.mul(out.rsub(1.0)))}, x);
            case TANH -> Graph.record("TanhBackward0", y, g -> new Tensor[] {g.mul(out.mul(out).rsub(1.0))}, x);
            case RELU -> Graph.record("ReluBackward0", y,
                    g -> new Tensor[] {g.where(out.gt(0.0), zerosLike(g))}, x);
            case SIGN, FLOOR, CEIL, ROUND -> Graph.record(
                    op == UnaryOp.SIGN ? "SignBackward0" : capitalized(op) + "Backward0", y,
                    g -> new Tensor[] {zerosLike(g)}, x);
            case LOG1P -> Graph.record("Log1PBackward0", y, g -> new Tensor[] {g.div(x.add(1.0))}, x);
            case EXPM1 -> Graph.record("Expm1Backward0", y, g -> new Tensor[] {g.mul(out.add(1.0))}, x);
            case SIN -> Graph.record("SinBackward0", y, g -> new Tensor[] {g.mul(x.cos())}, x);
            case COS -> Graph.record("CosBackward0", y, g -> new Tensor[] {g.mul(x.sin()).neg()}, x);
            default -> throw new UnsupportedOperationException("no gradient formula for " + op);
        };
    }

    private static String capitalized(UnaryOp op) {
        String n = op.name().toLowerCase();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    static Tensor zerosLike(Tensor t) {
        return new Tensor(NdArray.zeros(t.data().backend(), t.dtype(), t.shape()));
    }

    static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        NdArray y = Ops.binary(op, a.data(), b.data());
        if (!Graph.needsGrad(a, b)) {
            return new Tensor(y);
        }
        int[] as = a.shape();
        int[] bs = b.shape();
        return switch (op) {
            case ADD -> Graph.record("AddBackward0", y,
                    g -> new Tensor[] {sumTo(g, as, a), sumTo(g, bs, b)}, a, b);
            case SUB -> Graph.record("SubBackward0", y,
                    g -> new Tensor[] {sumTo(g, as, a), sumTo(g.neg(), bs, b)}, a, b);
            case MUL -> Graph.record("MulBackward0", y,
                    g -> new Tensor[] {a.requiresGrad() ? sumTo(g.mul(b), as, a) : null,
                                       b.requiresGrad() ? sumTo(g.mul(a), bs, b) : null}, a, b);
            case DIV -> Graph.record("DivBackward0", y,
                    g -> new Tensor[] {a.requiresGrad() ? sumTo(g.div(b), as, a) : null,
                                       b.requiresGrad() ? sumTo(g.mul(a).div(b.mul(b)).neg(), bs, b) : null}, a, b);
            case MAX, MIN -> Graph.record(op == BinaryOp.MAX ? "MaximumBackward0" : "MinimumBackward0", y, g -> {
                // TORCH: ties split the gradient in half between the two inputs.
                Tensor aWins = op == BinaryOp.MAX ? a.gt(b) : a.lt(b);
                Tensor tie = a.eq(b);
                Tensor ga = g.where(aWins, zerosLike(g)).add(g.mul(0.5).where(tie, zerosLike(g)));
                Tensor gb = g.sub(ga);
                return new Tensor[] {sumTo(ga, as, a), sumTo(gb, bs, b)};
            }, a, b);
            case POW -> Graph.record("PowBackward1", y, g -> {
                Tensor out = new Tensor(y);
                Tensor ga = g.mul(b).mul(a.pow(b.sub(1.0)));
                Tensor lg = a.log().where(a.gt(0.0), zerosLike(a));
                Tensor gb = g.mul(out).mul(lg);
                return new Tensor[] {sumTo(ga, as, a), sumTo(gb, bs, b)};
            }, a, b);
            default -> throw new UnsupportedOperationException("no gradient formula for " + op);
        };
    }

    static Tensor binaryScalar(BinaryOp op, Tensor a, double s) {
        NdArray y = Ops.binary(op, a.data(), s);
        if (!Graph.needsGrad(a)) {
            return new Tensor(y);
        }
        return switch (op) {
            case ADD -> Graph.record("AddBackward1", y, g -> new Tensor[] {g}, a);
            case SUB -> Graph.record("SubBackward1", y, g -> new Tensor[] {g}, a);
            case RSUB -> Graph.record("RsubBackward1", y, g -> new Tensor[] {g.neg()}, a);
            case MUL -> Graph.record("MulBackward1", y, g -> new Tensor[] {g.mul(s)}, a);
            case DIV -> Graph.record("DivBackward1", y, g -> new Tensor[] {g.div(s)}, a);
            default -> throw new UnsupportedOperationException("no gradient formula for " + op + " with a scalar");
        };
    }

    static Tensor powScalar(Tensor x, double p) {
        NdArray y = Ops.binary(BinaryOp.POW, x.data(), p);
        if (y.dtype() != x.dtype() && x.dtype().isFloatingPoint()) {
            y = y.to(x.dtype());
        }
        return Graph.record("PowBackward0", y, g -> {
            if (p == 0.0) {
                return new Tensor[] {zerosLike(g)};
            }
            return new Tensor[] {g.mul(x.pow(p - 1.0)).mul(p)};
        }, x);
    }

    static Tensor clamp(Tensor x, Double min, Double max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        NdArray y = x.data();
        if (min != null) {
            y = Ops.binary(BinaryOp.MAX, y, min);
        }
        if (max != null) {
            y = Ops.binary(BinaryOp.MIN, y, max);
        }
        if (y == x.data()) {
            y = y.copyContiguous();
        }
        return Graph.record("ClampBackward1", y, g -> {
            // TORCH: the gradient passes where min <= x <= max (bounds included).
            Tensor inside = null;
            if (min != null) {
                inside = x.ge(min);
            }
            if (max != null) {
                Tensor le = x.le(max);
                inside = inside == null ? le : new Tensor(Ops.binary(BinaryOp.MUL, inside.data(), le.data()));
            }
            return new Tensor[] {g.where(inside, zerosLike(g))};
        }, x);
    }

    static Tensor where(Tensor cond, Tensor a, Tensor b) {
        NdArray y = Ops.where(cond.data(), a.data(), b.data());
        int[] as = a.shape();
        int[] bs = b.shape();
        return Graph.record("WhereBackward0", y, g -> {
            Tensor z = zerosLike(g);
            return new Tensor[] {sumTo(g.where(cond, z), as, a), sumTo(z.where(cond, g), bs, b)};
        }, a, b);
    }

    /**
     * Sums a broadcast gradient back to {@code shape}: leading dims added by broadcasting and dims that
     * were 1 are summed away. Returns null when {@code input} needs no gradient (saves the work).
     */
    static Tensor sumTo(Tensor g, int[] shape, Tensor input) {
        if (input != null && !input.requiresGrad()) {
            return null;
        }
        int[] gs = g.shape();
        if (java.util.Arrays.equals(gs, shape)) {
            return g;
        }
        int lead = gs.length - shape.length;
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        for (int d = 0; d < gs.length; d++) {
            if (d < lead || (shape[d - lead] == 1 && gs[d] != 1)) {
                dims.add(d);
            }
        }
        Tensor r = dims.isEmpty() ? g : g.sum(dims.stream().mapToInt(Integer::intValue).toArray(), true);
        r = r.reshape(shape);
        if (input != null && r.dtype() != input.dtype() && input.dtype().isFloatingPoint()) {
            r = r.to(input.dtype());
        }
        return r;
    }

}
