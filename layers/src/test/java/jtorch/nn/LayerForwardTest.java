package jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import jtorch.Tensor;
import jtorch.Torch;
import org.junit.jupiter.api.Test;

/**
 * Modules forward to F with their configuration; values were printed by /usr/bin/python3 (PyTorch 1.13)
 * with the line quoted above each check.
 */
class LayerForwardTest {
    private static final Tensor X = Torch.reshape(Torch.arange(24).to(jtorch.tensor.DType.FLOAT32).div(7.0), 2, 3, 2, 2);
    private static final Tensor I = Torch.tensor(new float[] {0.2f, -1.0f, 3.0f, 0.5f, 0.1f, -0.3f}, 2, 3);
    private static final Tensor T = Torch.tensor(new float[] {0.0f, 1.0f, 0.5f, 1.0f, 0.0f, 0.2f}, 2, 3);

    private static double[] d(float[] f) {
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    private static double[] row(Tensor t, int... index) {
        Tensor r = t;
        for (int i : index) {
            r = r.select(0, i);
        }
        return d(r.contiguous().toFloatArray());
    }

    @Test
    void batchNormTrainingUpdatesRunningStats() {
        // x = torch.arange(24.).reshape(2,3,2,2)/7; bn = nn.BatchNorm2d(3); y = bn(x)
        BatchNorm2d bn = new BatchNorm2d(3);
        Tensor y = bn.forward(X);
        assertArrayEquals(new double[] {0.1071428582072258, 0.16428571939468384, 0.22142858803272247},
                d(bn.runningMean().toFloatArray()), 1e-6);
        assertArrayEquals(new double[] {0.9868804216384888, 0.9868804216384888, 0.9868804216384888},
                d(bn.runningVar().toFloatArray()), 1e-6);
        assertEquals(1.0, bn.numBatchesTracked().item());
        assertArrayEquals(new double[] {-1.2288397550582886, -1.06499445438385, -0.9011491537094116,
                -0.7373038530349731}, row(y, 0, 0), 1e-5);
    }

    @Test
    void batchNormCumulativeAverageAndEval() {
        // bn = nn.BatchNorm2d(3, momentum=None); bn(x); bn(x*2); bn.eval(); bn(x)[1,2]
        BatchNorm2d bn = new BatchNorm2d(3, 1e-5, null);
        bn.forward(X);
        bn.forward(X.mul(2.0));
        assertArrayEquals(new double[] {1.6071428060531616, 2.4642858505249023, 3.3214287757873535},
                d(bn.runningMean().toFloatArray()), 1e-5);
        assertEquals(2.0, bn.numBatchesTracked().item());
        bn.eval();
        assertArrayEquals(new double[] {-0.31503114104270935, -0.21809858083724976, -0.12116602063179016,
                -0.024233296513557434}, row(bn.forward(X), 1, 2), 1e-5);
        assertEquals("expected 4D input (got 2D input)",
                assertThrows(IllegalArgumentException.class, () -> bn.forward(I)).getMessage());
    }

    @Test
    void layerNorm() {
        // nn.LayerNorm(2)(x)[0,0].flatten()
        assertArrayEquals(new double[] {-0.9990213513374329, 0.9990214109420776, -0.9990216493606567,
                0.9990211725234985}, row(new LayerNorm(2).forward(X), 0, 0), 1e-5);
    }

    @Test
    void activations() {
        // i = [[0.2,-1.0,3.0],[0.5,0.1,-0.3]]; nn.GELU()(i)[0], nn.GELU('tanh')(i)[0], ...
        assertArrayEquals(new double[] {0.11585195362567902, -0.1586552858352661, 2.995950222015381},
                row(new GELU().forward(I), 0), 1e-6);
        assertArrayEquals(new double[] {0.11585142463445663, -0.15880799293518066, 2.9963626861572266},
                row(new GELU("tanh").forward(I), 0), 1e-6);
        assertArrayEquals(new double[] {0.2, -0.2, 3.0}, row(new LeakyReLU(0.2).forward(I), 0), 1e-7);
        assertArrayEquals(new double[] {0.1066666767001152, -0.3333333432674408, 3.0},
                row(new Hardswish().forward(I), 0), 1e-6);
        assertArrayEquals(new double[] {0.5333333611488342, 0.3333333432674408, 1.0},
                row(new Hardsigmoid().forward(I), 0), 1e-6);
        assertArrayEquals(new double[] {0.10996679961681366, -0.2689414322376251, 2.857722520828247},
                row(new SiLU().forward(I), 0), 1e-6);
        assertArrayEquals(new double[] {0.6, 0.0, 6.0}, row(new ReLU6().forward(I.mul(3.0)), 0), 1e-6);
        assertArrayEquals(new double[] {0.2, 0.0, 3.0}, row(new ReLU(true).forward(I), 0), 1e-7);
        // nn.Softmax()(i)[0] (implicit dim 1 for 2-d input), nn.LogSoftmax(1)(i)[1]
        assertArrayEquals(new double[] {0.05635123699903488, 0.01697266660630703, 0.9266761541366577},
                row(new Softmax().forward(I), 0), 1e-6);
        assertArrayEquals(new double[] {-0.7512505054473877, -1.1512504816055298, -1.5512504577636719},
                row(new LogSoftmax(1).forward(I), 1), 1e-6);
    }

    @Test
    void losses() {
        // nn.SmoothL1Loss(beta=0.5)(i,t), nn.HuberLoss(delta=2.0)(i,t), nn.BCEWithLogitsLoss()(i,t),
        // nn.BCELoss()(torch.sigmoid(i),t), nn.NLLLoss()(torch.log_softmax(i,1), [2,0]),
        // nn.CrossEntropyLoss(label_smoothing=0.1)(i, [2,0])
        assertEquals(0.7583333849906921, new SmoothL1Loss(Reduction.MEAN, 0.5).forward(I, T).item(), 1e-6);
        assertEquals(0.8791666626930237, new HuberLoss(Reduction.MEAN, 2.0).forward(I, T).item(), 1e-6);
        assertEquals(0.9154694676399231, new BCEWithLogitsLoss().forward(I, T).item(), 1e-6);
        assertEquals(0.9154694080352783, new BCELoss().forward(I.sigmoid(), T).item(), 1e-6);
        Tensor classes = Torch.tensor(new long[] {2, 0});
        assertEquals(0.41370081901550293, new NLLLoss().forward(I.logSoftmax(1), classes).item(), 1e-6);
        assertEquals(0.5470341444015503,
                new CrossEntropyLoss(null, -100, Reduction.MEAN, 0.1).forward(I, classes).item(), 1e-6);
    }

    @Test
    void seedLosses() {
        // seed 4.1 In[1]-In[4]: L1Loss 0.6667, L1Loss(sum) 2., MSELoss 1.3333, CrossEntropyLoss 1.1019
        Tensor in = Torch.reshape(Torch.tensor(new float[] {1, 2, 3}), 1, 1, 1, 3);
        Tensor tg = Torch.reshape(Torch.tensor(new float[] {1, 2, 5}), 1, 1, 1, 3);
        assertEquals("tensor(0.6667)", new L1Loss().forward(in, tg).toString());
        assertEquals("tensor(2.)", new L1Loss(Reduction.SUM).forward(in, tg).toString());
        assertEquals("tensor(1.3333)", new MSELoss().forward(in, tg).toString());
        Tensor x = Torch.reshape(Torch.tensor(new float[] {0.1f, 0.2f, 0.3f}), 1, 3);
        assertEquals("tensor(1.1019)", new CrossEntropyLoss().forward(x, Torch.tensor(new long[] {1})).toString());
        assertArrayEquals(new int[] {1, 1, 1, 3}, new L1Loss(Reduction.NONE).forward(in, tg).shape());
    }

    @Test
    void dropoutIsIdentityInEvalAndPoolsFlatten() {
        Dropout drop = new Dropout(0.5);
        drop.eval();
        assertArrayEquals(X.toFloatArray(), drop.forward(X).toFloatArray());
        assertEquals("dropout probability has to be between 0 and 1, but got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5)).getMessage());
        assertArrayEquals(new int[] {2, 3, 1, 1}, new MaxPool2d(2).forward(X).shape());
        assertArrayEquals(new int[] {2, 3, 1, 1}, new AvgPool2d(2).forward(X).shape());
        assertArrayEquals(new int[] {2, 3, 3, 3}, new AdaptiveAvgPool2d(3).forward(X).shape());
        assertArrayEquals(new int[] {2, 12}, new Flatten().forward(X).shape());
        assertArrayEquals(new int[] {2, 3, 2, 2}, new Identity().forward(X).shape());
        assertEquals(Arrays.toString(new int[] {2, 5, 2, 2}),
                Arrays.toString(Conv2d.builder(3, 5, 3).padding(1).build().forward(X).shape()));
        assertThrows(UnsupportedOperationException.class,
                () -> Conv2d.builder(3, 5, 3).paddingMode("reflect").build().forward(X));
    }
}
