package jtorch.opencl;

import static jtorch.opencl.Parity.CPU;
import static jtorch.opencl.Parity.assertClose;
import static jtorch.opencl.Parity.backend;
import static jtorch.opencl.Parity.dev;
import static jtorch.opencl.Parity.devZeros;

import java.util.Random;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;
import org.junit.jupiter.api.Test;

/** The fused SGD, Adam and cross-entropy kernels against their formulas evaluated on the host. */
class TrainingKernelsTest {
    private final Random r = new Random(17);

    @Test
    void sgdWithMomentumAndNesterov() {
        float[] p = ((float[]) Parity.randn(r, 50).toArray());
        float[] g = ((float[]) Parity.randn(r, 50).toArray());
        float[] buf = ((float[]) Parity.randn(r, 50).toArray());
        NdArray dp = dev(NdArray.wrap(p.clone(), 50));
        NdArray db = dev(NdArray.wrap(buf.clone(), 50));
        backend().sgdStep(dp, dev(NdArray.wrap(g, 50)), db, 0.1f, 0.9f, 0.1f, 0.01f, true, false);
        float[] wantP = new float[50];
        float[] wantB = new float[50];
        for (int i = 0; i < 50; i++) {
            float d = g[i] + 0.01f * p[i];
            wantB[i] = 0.9f * buf[i] + 0.9f * d;
            wantP[i] = p[i] - 0.1f * (d + 0.9f * wantB[i]);
        }
        assertClose(NdArray.wrap(wantP, 50), dp, 1e-5, 1e-6, "sgd param");
        assertClose(NdArray.wrap(wantB, 50), db, 1e-5, 1e-6, "sgd momentum buffer");
        NdArray plain = dev(NdArray.wrap(p.clone(), 50));
        backend().sgdStep(plain, dev(NdArray.wrap(g, 50)), null, 0.5f, 0f, 0f, 0f, false, true);
        float[] wantPlain = new float[50];
        for (int i = 0; i < 50; i++) {
            wantPlain[i] = p[i] - 0.5f * g[i];
        }
        assertClose(NdArray.wrap(wantPlain, 50), plain, 1e-6, 1e-7, "plain sgd");
    }

    @Test
    void adamAndAdamW() {
        for (boolean decoupled : new boolean[] {false, true}) {
            float[] p = ((float[]) Parity.randn(r, 40).toArray());
            float[] g = ((float[]) Parity.randn(r, 40).toArray());
            float[] m = ((float[]) Parity.randn(r, 40).toArray());
            float[] v = new float[40];
            for (int i = 0; i < 40; i++) {
                v[i] = Math.abs(g[i]);
            }
            NdArray dp = dev(NdArray.wrap(p.clone(), 40));
            NdArray dm = dev(NdArray.wrap(m.clone(), 40));
            NdArray dv = dev(NdArray.wrap(v.clone(), 40));
            backend().adamStep(dp, dev(NdArray.wrap(g, 40)), dm, dv, 1e-2f, 0.9f, 0.999f, 1e-8f, 0.05f, decoupled, 3);
            double bc1 = 1 - Math.pow(0.9, 3);
            double bc2 = 1 - Math.pow(0.999, 3);
            float[] want = new float[40];
            for (int i = 0; i < 40; i++) {
                double pi = p[i];
                double d = g[i];
                if (decoupled) {
                    pi *= 1 - 1e-2 * 0.05;
                } else {
                    d += 0.05 * pi;
                }
                double mi = 0.9 * m[i] + 0.1 * d;
                double vi = 0.999 * v[i] + 0.001 * d * d;
                want[i] = (float) (pi - (1e-2 / bc1) * mi / (Math.sqrt(vi) / Math.sqrt(bc2) + 1e-8));
            }
            assertClose(NdArray.wrap(want, 40), dp, 1e-5, 1e-6, "adam decoupled=" + decoupled);
        }
    }

    @Test
    void crossEntropyMatchesLogSoftmaxAndItsGradient() {
        NdArray x = Parity.randn(r, 6, 11);
        long[] t = {3, 0, 10, -100, 5, 7};
        NdArray logp = NdArray.zeros(DType.FLOAT32, 6, 11);
        CPU.softmax(x, 1, true, logp);
        float[] lp = (float[]) logp.toArray();
        float[] wantLoss = new float[6];
        float[] wantGrad = new float[66];
        for (int i = 0; i < 6; i++) {
            if (t[i] == -100) {
                continue;
            }
            wantLoss[i] = -lp[i * 11 + (int) t[i]];
            for (int j = 0; j < 11; j++) {
                wantGrad[i * 11 + j] = (float) Math.exp(lp[i * 11 + j]) - (j == t[i] ? 1f : 0f);
            }
        }
        NdArray loss = devZeros(DType.FLOAT32, 6);
        NdArray grad = devZeros(DType.FLOAT32, 6, 11);
        backend().crossEntropy(dev(x), dev(NdArray.wrap(t, 6)), -100, loss, grad);
        assertClose(NdArray.wrap(wantLoss, 6), loss, 1e-5, 1e-6, "loss");
        assertClose(NdArray.wrap(wantGrad, 6, 11), grad, 1e-5, 1e-6, "grad");
    }
}
