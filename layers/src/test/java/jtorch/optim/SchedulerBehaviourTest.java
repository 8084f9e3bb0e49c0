package jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import jtorch.nn.Parameter;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;
import org.junit.jupiter.api.Test;

/**
 * Schedulers without a reference file, checked against values PyTorch 1.13 printed. Each test names the
 * Python loop: {@code o.step(); s.step(); r.append(s.get_last_lr()[0])} on {@code SGD([p], lr=0.1,
 * momentum=0.9)} (or {@code Adam([p], lr=0.1)}).
 */
class SchedulerBehaviourTest {
    private static SGD sgd() {
        return new SGD(List.of(new Parameter(Creation.zeros(DType.FLOAT32, 2))), 0.1, 0.9);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 + 1e-10 * Math.abs(expected), what);
    }

    @Test
    void oneCycleCosineCyclesMomentum() {
        // OneCycleLR(o, max_lr=0.1, total_steps=10): (lr, momentum) after each of 9 steps
        double[][] expected = {{0.052000000000000005, 0.8999999999999999}, {0.1, 0.85},
                {0.09504846320134738, 0.854951556604879}, {0.0811745653949763, 0.8688255099070633},
                {0.06112620219362893, 0.8888739533021842}, {0.03887419780637107, 0.9111260466978157},
                {0.0188258346050237, 0.9311744900929366}, {0.004951936798652629, 0.945048443395121}, {4e-07, 0.95}};
        SGD o = sgd();
        OneCycleLR s = new OneCycleLR(o, 0.1, 10);
        assertClose(0.004, o.paramGroups().get(0).lr(), "initial lr = max_lr / 25");
        for (int i = 0; i < expected.length; i++) {
            s.step();
            assertClose(expected[i][0], s.lastLr().get(0), "lr after step " + (i + 1));
            assertClose(expected[i][1], o.paramGroups().get(0).getDouble("momentum"), "momentum after " + (i + 1));
        }
        assertThrows(IllegalStateException.class, () -> {
            s.step();
            s.step();
        });
    }

    @Test
    void oneCycleLinearThreePhaseCyclesAdamBeta1() {
        // OneCycleLR(Adam, max_lr=0.1, total_steps=10, anneal_strategy='linear', three_phase=True)
        double[][] expected = {{0.052000000000000005, 0.8999999999999999}, {0.1, 0.85},
                {0.052000000000000005, 0.8999999999999999}, {0.0040000000000000036, 0.95}, {0.00320008, 0.95},
                {0.00240016, 0.95}, {0.0016002400000000002, 0.95}, {0.0008003200000000002, 0.95},
                {4.0000000000022656e-07, 0.95}};
        Adam o = new Adam(List.of(new Parameter(Creation.zeros(DType.FLOAT32, 2))), 0.1);
        OneCycleLR s = new OneCycleLR(o, new OneCycleLR.Options(0.1, 10).annealStrategy("linear").threePhase(true));
        for (int i = 0; i < expected.length; i++) {
            s.step();
            assertClose(expected[i][0], s.lastLr().get(0), "lr after step " + (i + 1));
            assertClose(expected[i][1], o.paramGroups().get(0).getBeta(0), "beta1 after step " + (i + 1));
        }
    }

    @Test
    void reduceOnPlateau() {
        // ReduceLROnPlateau(o, patience=2, factor=0.5); s.step(m) for the metrics below; lr after each
        double[] metrics = {1.0, 0.9, 0.95, 0.95, 0.95, 0.8, 0.85, 0.85, 0.85, 0.85};
        double[] expected = {0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025};
        SGD o = sgd();
        ReduceLROnPlateau s = new ReduceLROnPlateau(o, "min", 0.5, 2);
        for (int i = 0; i < metrics.length; i++) {
            s.step(metrics[i]);
            assertClose(expected[i], o.paramGroups().get(0).lr(), "lr after metric " + (i + 1));
        }
        assertEquals("Factor should be < 1.0.",
                assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau(o, "min", 1.0, 2))
                        .getMessage());
    }

    @Test
    void lambda() {
        // LambdaLR(o, lambda e: 0.5 ** e)
        double[] expected = {0.05, 0.025, 0.0125, 0.00625};
        LambdaLR s = new LambdaLR(sgd(), epoch -> Math.pow(0.5, epoch));
        for (int i = 0; i < expected.length; i++) {
            s.step();
            assertClose(expected[i], s.lastLr().get(0), "after step " + (i + 1));
        }
    }

    @Test
    void cosineAnnealingPastTMaxComesBackUp() {
        // CosineAnnealingLR(o, T_max=3), 10 steps: the recursive formula and its bottom-of-cycle branch
        double[] expected = {0.07500000000000001, 0.025000000000000015, 0.0, 0.024999999999999994,
                0.07500000000000005, 0.10000000000000006, 0.07500000000000007, 0.025000000000000053, 0.0,
                0.024999999999999994};
        CosineAnnealingLR s = new CosineAnnealingLR(sgd(), 3);
        for (int i = 0; i < expected.length; i++) {
            s.step();
            assertEquals(expected[i], s.lastLr().get(0), 1e-15, "after step " + (i + 1));
        }
    }

    @Test
    void constructionRecordsInitialLr() {
        SGD o = sgd();
        StepLR s = new StepLR(o, 5, 1.0);
        assertEquals(0.1, o.paramGroups().get(0).getDouble("initial_lr"));
        assertEquals(List.of(0.1), s.lastLr());
        assertEquals(0, s.lastEpoch());
    }
}
