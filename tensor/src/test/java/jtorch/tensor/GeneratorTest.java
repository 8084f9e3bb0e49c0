package jtorch.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Seeded draws equal PyTorch 1.13's (values printed by /usr/bin/python3 with torch.manual_seed). */
class GeneratorTest {
    @Test
    void randMatchesTorch() {
        // torch.manual_seed(0); torch.rand(5)
        float[] r = Creation.rand(new Generator(0), DType.FLOAT32, 5).toFloatArray();
        assertThat(r).containsExactly(0.49625658988952637f, 0.7682217955589294f, 0.08847743272781372f,
                0.13203048706054688f, 0.30742281675338745f);
    }

    @Test
    void randFloat64MatchesTorch() {
        // torch.manual_seed(0); torch.rand(3, dtype=torch.float64)
        double[] r = Creation.rand(new Generator(0), DType.FLOAT64, 3).toDoubleArray();
        assertThat(r).containsExactly(0.9700530018065531, 0.707819864399788, 0.45938294312745087);
    }

    @Test
    void randnSmallUsesDoubleBoxMuller() {
        // torch.manual_seed(0); torch.randn(3) (fewer than 16 values: the per-element double path)
        float[] r = Creation.randn(new Generator(0), DType.FLOAT32, 3).toFloatArray();
        assertThat(r).containsExactly(1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f);
        double[] d = Creation.randn(new Generator(0), DType.FLOAT64, 3).toDoubleArray();
        assertThat(d).containsExactly(1.5409961082440433, -0.2934289057609464, -2.1787893820745574);
    }

    @Test
    void randnLargeUsesBlocksOf16() {
        // torch.manual_seed(0); torch.randn(20): blocks of 16 plus a recomputed ragged tail
        float[] expected = {-1.1258398294448853f, -1.152360200881958f, -0.2505785822868347f, -0.4338788092136383f,
            0.5988394618034363f, -1.5550950765609741f, -0.3413603901863098f, 1.85300612449646f, 0.46809640526771545f,
            -0.1577124446630478f, 1.4436601400375366f, 0.26604941487312317f, 1.3893661499023438f, 1.586334228515625f,
            0.946298360824585f, -0.843676745891571f, 0.9318265914916992f, 1.2590092420578003f, 2.0049805641174316f,
            0.05373690277338028f};
        float[] r = Creation.randn(new Generator(0), DType.FLOAT32, 20).toFloatArray();
        // PyTorch's vectorized log/sin/cos may differ from Math's in the last bit.
        for (int i = 0; i < r.length; i++) {
            assertThat(r[i]).as("element %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(2e-6f));
        }
    }

    @Test
    void randintAndUniformMatchTorch() {
        // torch.manual_seed(0); torch.randint(0, 10, (6,))
        assertThat(Creation.randint(new Generator(0), 0, 10, 6).toLongArray()).containsExactly(4, 9, 3, 0, 3, 9);
        // torch.manual_seed(7); torch.empty(4).uniform_(-0.5, 0.5)
        assertThat(Creation.uniform(new Generator(7), DType.FLOAT32, -0.5, 0.5, 4).toFloatArray())
                .containsExactly(0.03492254018783569f, -0.301196813583374f, 0.15921169519424438f, 0.15689027309417725f);
    }

    @Test
    void stateRoundTrips() {
        Generator g = new Generator(42);
        g.nextInt32();
        long[] state = g.getState();
        float a = g.nextFloat(0, 1);
        Generator h = new Generator();
        h.setState(state);
        assertThat(h.nextFloat(0, 1)).isEqualTo(a);
        assertThatThrownBy(() -> h.setState(new long[3])).hasMessageContaining("invalid generator state");
    }

    @Test
    void linspaceAndArangeMatchTorch() {
        assertThat(Creation.linspace(DType.FLOAT32, 0, 1, 7).toFloatArray()).containsExactly(0.0f, 0.1666666716337204f,
                0.3333333432674408f, 0.5f, 0.6666666269302368f, 0.8333333134651184f, 1.0f);
        assertThat(Creation.arange(DType.FLOAT32, 0, 1, 0.1).toFloatArray()).containsExactly(0.0f, 0.10000000149011612f,
                0.20000000298023224f, 0.30000001192092896f, 0.4000000059604645f, 0.5f, 0.6000000238418579f,
                0.699999988079071f, 0.800000011920929f, 0.8999999761581421f);
    }
}
