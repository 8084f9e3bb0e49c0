package jtorch.opencl;

import jtorch.tensor.DType;
import jtorch.tensor.NdArray;

/** The fused training-step kernels (train.cl): SGD, Adam and cross-entropy on contiguous float32 arrays. */
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
}
