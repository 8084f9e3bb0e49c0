package jtorch.opencl;

import java.util.function.LongFunction;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;

/**
 * The fused training-step kernels (train.cl): SGD, Adam and cross-entropy on contiguous float32 arrays; and
 * the deferred checks of losses (check.cl).
 */
final class ClTraining {
    private ClTraining() {}

    private static final String FILE = "train.cl";
    private static final String OPTS = "";

    private static void contiguousF32(String what, NdArray a) {
        if (a.dtype() != DType.FLOAT32 || !a.isContiguous()) {
            throw new IllegalArgumentException(what + " must be a contiguous float32 array, got " + a.dtype()
                    + (a.isContiguous() ? "" : " (not contiguous)"));
        }
    }

    static void sgd(OpenCLBackend be, NdArray p, NdArray g, NdArray buf, float lr, float momentum, float dampening,
                    float wd, boolean nesterov, boolean first) {
        contiguousF32("param", p);
        contiguousF32("grad", g);
        boolean hasBuf = momentum != 0;
        if (hasBuf) {
            if (buf == null) {
                throw new IllegalArgumentException("SGD with momentum needs a momentum buffer");
            }
            contiguousF32("momentum buffer", buf);
        }
        int n = p.numel();
        if (n == 0) {
            return;
        }
        NdArray b = hasBuf ? buf : p;
        be.launch(FILE, OPTS, "sgd").i(n).mem(p).mem(g).mem(b).f(lr).f(momentum).f(dampening).f(wd)
                .i(nesterov ? 1 : 0).i(first ? 1 : 0).i(hasBuf ? 1 : 0).run(n);
    }

    static void adam(OpenCLBackend be, NdArray p, NdArray g, NdArray m, NdArray v, float lr, float b1, float b2,
                     float eps, float wd, boolean decoupled, long step) {
        contiguousF32("param", p);
        contiguousF32("grad", g);
        contiguousF32("exp_avg", m);
        contiguousF32("exp_avg_sq", v);
        int n = p.numel();
        if (n == 0) {
            return;
        }
        float bc1 = (float) (1 - Math.pow(b1, step));
        float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(b2, step));
        be.launch(FILE, OPTS, "adam").i(n).mem(p).mem(g).mem(m).mem(v).f(lr).f(b1).f(b2).f(eps).f(wd)
                .i(decoupled ? 1 : 0).f(bc1).f(bc2Sqrt).run(n);
    }

    static void crossEntropy(OpenCLBackend be, NdArray logits, NdArray target, int ignore, NdArray loss,
                             NdArray grad) {
        contiguousF32("logits", logits);
        contiguousF32("loss", loss);
        if (target.dtype() != DType.INT64 || !target.isContiguous()) {
            throw new IllegalArgumentException("target must be a contiguous int64 array");
        }
        if (grad != null) {
            contiguousF32("grad", grad);
        }
        int rows = logits.size(0);
        int cols = logits.size(1);
        if (rows == 0) {
            return;
        }
        NdArray gr = grad == null ? loss : grad;
        be.launch(FILE, OPTS, "cross_entropy").i(rows).i(cols).mem(logits).i(logits.offset()).mem(target)
                .i(target.offset()).i(ignore).mem(loss).i(loss.offset()).mem(gr).i(gr.offset())
                .i(grad == null ? 0 : 1).run(rows);
    }

    /**
     * Whether every array (nulls skipped) is a contiguous float32 array on {@code be}, as the fused kernels
     * take; otherwise the optimizer composes the update (which reports mixed devices with PyTorch's message).
     */
    static boolean fusable(OpenCLBackend be, NdArray... arrays) {
        for (NdArray a : arrays) {
            if (a != null && (a.dtype() != DType.FLOAT32 || !a.isContiguous() || a.backend() != be)) {
                return false;
            }
        }
        return true;
    }

    /** Backend.check on the device: check_all (and check_detail) record a failure; nothing is read back. */
    static void check(OpenCLBackend be, NdArray ok, NdArray detail, LongFunction<? extends RuntimeException> error) {
        if (ok.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("check needs a bool array, got " + ok.dtype());
        }
        int n = ok.numel();
        if (n == 0) {
            return;
        }
        NdArray o = contiguous(be, ok);
        NdArray d = null;
        if (detail != null) {
            if (detail.dtype() != DType.INT64 || detail.numel() != n) {
                throw new IllegalArgumentException("check's detail must be int64 with " + n + " elements");
            }
            d = contiguous(be, detail);
        }
        int tag = be.defer(error);
        long err = be.errorWord();
        be.launch("check.cl", "", "check_all").i(n).mem(o).i(o.offset()).i(tag).mem(err).run(n);
        if (d != null) {
            be.launch("check.cl", "", "check_detail").i(tag).mem(d).i(d.offset()).mem(err).run(1);
        }
    }

    private static NdArray contiguous(OpenCLBackend be, NdArray a) {
        if (a.isContiguous()) {
            return a;
        }
        NdArray c = be.empty(a.dtype(), a.shape());
        ClElementwise.copy(be, a, c);
        return c;
    }
}
