package jtorch;

import jtorch.autograd.Graph;
import jtorch.tensor.NdArray;
import jtorch.tensor.Ops;

/** Matrix products and their backward formulas. */
final class Linalg {
    private Linalg() {}

    static Tensor matmul(Tensor a, Tensor b) {
        NdArray y = Ops.matmul(a.data(), b.data());
        int ad = a.dim();
        int bd = b.dim();
        int[] as = a.shape();
        int[] bs = b.shape();
        String name = ad == 1 && bd == 1 ? "DotBackward0"
                : ad == 2 && bd == 1 ? "MvBackward0"
                : ad == 2 && bd == 2 ? "MmBackward0"
                : ad == 3 && bd == 3 && as[0] == bs[0] ? "BmmBackward0" : "UnsafeViewBackward0";
        return Graph.record(name, y, g -> {
            if (ad == 1 && bd == 1) {
                // dot: the 0-d gradient scales the other vector (the 2-D path below cannot unsqueeze a 0-d g).
                return new Tensor[] {a.requiresGrad() ? b.mul(g) : null, b.requiresGrad() ? a.mul(g) : null};
            }
            // Work in the >= 2-D forms; vectors become [1, k] and [k, 1] and are squeezed back.
            Tensor a2 = ad == 1 ? a.unsqueeze(0) : a;
            Tensor b2 = bd == 1 ? b.unsqueeze(1) : b;
            Tensor g2 = g;
            if (ad == 1) {
                g2 = g2.unsqueeze(-2);
            }
            if (bd == 1) {
                g2 = g2.unsqueeze(-1);
            }
            Tensor ga = null;
            Tensor gb = null;
            if (a.requiresGrad()) {
                ga = Pointwise.sumTo(g2.matmul(b2.transpose(-1, -2)), a2.shape(), null).reshape(as);
            }
            if (b.requiresGrad()) {
                gb = Pointwise.sumTo(a2.transpose(-1, -2).matmul(g2), b2.shape(), null).reshape(bs);
            }
            return new Tensor[] {ga, gb};
        }, a, b);
    }

    static Tensor bmm(Tensor a, Tensor b) {
        Ops.checkBmm(a.data(), b.data());
        return matmul(a, b);
    }
}
