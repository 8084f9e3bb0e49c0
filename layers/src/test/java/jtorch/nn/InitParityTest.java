package jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.init.Init;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;
import org.junit.jupiter.api.Test;

/**
 * Default initialisations draw PyTorch's exact numbers from the seeded default generator. Expected values
 * were printed by /usr/bin/python3 (PyTorch 1.13) with the line quoted above each check.
 */
class InitParityTest {
    private static double[] d(float[] f) {
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    @Test
    void linearMatchesPyTorch() {
        // torch.manual_seed(0); l = nn.Linear(3, 2); print(l.weight.flatten().tolist(), l.bias.tolist())
        Torch.manualSeed(0);
        Linear l = new Linear(3, 2);
        assertArrayEquals(new double[] {-0.004322517663240433, 0.3097158372402191, -0.4751853346824646,
                -0.4248946011066437, -0.2223689705133438, 0.15482072532176971}, d(l.weight.toFloatArray()), 1e-7);
        assertArrayEquals(new double[] {-0.011439144611358643, 0.45777493715286255}, d(l.bias.toFloatArray()), 1e-7);
    }

    @Test
    void layersDrawInConstructionOrder() {
        // torch.manual_seed(0); a = nn.Linear(4, 3); b = nn.Linear(3, 2); print(b.weight..., b.bias...)
        Torch.manualSeed(0);
        new Linear(4, 3);
        Linear b = new Linear(3, 2);
        assertArrayEquals(new double[] {0.021387115120887756, 0.22824688255786896, 0.34642332792282104,
                -0.3914094567298889, -0.25141456723213196, 0.2097034901380539}, d(b.weight.toFloatArray()), 1e-7);
        assertArrayEquals(new double[] {0.47942468523979187, -0.11881878226995468}, d(b.bias.toFloatArray()), 1e-7);
    }

    @Test
    void conv2dMatchesPyTorch() {
        // torch.manual_seed(1); c = nn.Conv2d(2, 3, 2); print(c.weight.flatten()[:6], c.weight.flatten()[-1], c.bias)
        Torch.manualSeed(1);
        Conv2d c = new Conv2d(2, 3, 2);
        float[] w = c.weight.toFloatArray();
        assertArrayEquals(new double[] {0.18217304348945618, -0.15605077147483826, -0.06854038685560226,
                0.16594697535037994, -0.3328481912612915, 0.21203206479549408}, d(Arrays.copyOf(w, 6)), 1e-7);
        assertEquals(-0.15250195562839508, w[w.length - 1], 1e-7);
        assertArrayEquals(new double[] {-0.11329565942287445, 0.01692870259284973, 0.21076297760009766},
                d(c.bias.toFloatArray()), 1e-7);
    }

    @Test
    void initFunctionsMatchPyTorch() {
        // torch.manual_seed(0); t = torch.empty(3, 5); nn.init.xavier_uniform_(t); print(t.flatten()[:4])
        Torch.manualSeed(0);
        Tensor t = new Tensor(Creation.zeros(DType.FLOAT32, 3, 5));
        Init.xavierUniform(t);
        assertArrayEquals(new double[] {-0.006483776494860649, 0.46457377076148987, -0.7127779722213745,
                -0.6373418569564819}, d(Arrays.copyOf(t.toFloatArray(), 4)), 1e-7);
        // torch.manual_seed(0); t = torch.empty(4, 3); nn.init.kaiming_uniform_(t, a=0, mode='fan_out',
        // nonlinearity='relu'); print(t.flatten()[:4])
        Torch.manualSeed(0);
        Tensor k = new Tensor(Creation.zeros(DType.FLOAT32, 4, 3));
        Init.kaimingUniform(k, 0, "fan_out", "relu");
        assertArrayEquals(new double[] {-0.009169445373117924, 0.657006561756134, -1.0080204010009766,
                -0.9013375639915466}, d(Arrays.copyOf(k.toFloatArray(), 4)), 1e-6);
        // nn.init.calculate_gain('leaky_relu', 0.2), nn.init.calculate_gain('tanh')
        assertEquals(1.3867504905630728, Init.calculateGain("leaky_relu", 0.2), 1e-15);
        assertEquals(1.6666666666666667, Init.calculateGain("tanh"), 1e-15);
        assertArrayEquals(new int[] {2 * 9, 3 * 9}, Init.calculateFanInAndFanOut(new Tensor(Creation.zeros(DType.FLOAT32, 3, 2, 3, 3))));
        assertEquals("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
                assertThrows(IllegalArgumentException.class, () -> Init.calculateFanInAndFanOut(Torch.ones(3)))
                        .getMessage());
        assertEquals("Mode fan_avg not supported, please use one of fan_in, fan_out",
                assertThrows(IllegalArgumentException.class, () -> Init.kaimingUniform(k, 0, "fan_avg", "relu"))
                        .getMessage());
        Init.constant(k, 0.25);
        assertEquals(0.25 * 12, k.sum().item(), 1e-6);
    }
}
