package jtorch.nn.functional;

import jtorch.nn.Reduction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jtorch.Tensor;
import jtorch.Torch;
import org.junit.jupiter.api.Test;

/** PyTorch's messages for bad input, and the graph node names users see when printing. */
class FunctionalErrorsTest {
    @Test
    void linearShapeMismatchNamesBothShapes() {
        Tensor x = Torch.zeros(4, 1024);
        Tensor w = Torch.zeros(64, 512);
        assertThatThrownBy(() -> F.linear(x, w, Torch.zeros(64)))
                .hasMessage("mat1 and mat2 shapes cannot be multiplied (4x1024 and 512x64)");
        assertThatThrownBy(() -> F.linear(x, w))
                .hasMessage("mat1 and mat2 shapes cannot be multiplied (4x1024 and 512x64)");
    }

    @Test
    void convInputChannelsMustMatchWeight() {
        assertThatThrownBy(() -> F.conv2d(Torch.zeros(1, 4, 8, 8), Torch.zeros(6, 3, 3, 3), null))
                .hasMessage("Given groups=1, weight of size [6, 3, 3, 3], expected input[1, 4, 8, 8] to have 3 channels,"
                        + " but got 4 channels instead");
    }

    @Test
    void crossEntropyTargetOutOfBounds() {
        Tensor logits = Torch.zeros(2, 10);
        assertThatThrownBy(() -> F.crossEntropy(logits, Torch.tensor(new long[] {3, 10})))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("Target 10 is out of bounds.");
        assertThatThrownBy(() -> F.nllLoss(logits, Torch.tensor(new long[] {-1, 2})))
                .hasMessage("Target -1 is out of bounds.");
    }

    @Test
    void lossBatchSizesMustMatch() {
        assertThatThrownBy(() -> F.crossEntropy(Torch.zeros(4, 5), Torch.tensor(new long[] {0, 1, 2})))
                .hasMessage("Expected input batch_size (4) to match target batch_size (3).");
        assertThatThrownBy(() -> F.crossEntropy(Torch.zeros(2, 5, 3), Torch.zeros(2, 4).to(jtorch.tensor.DType.INT64)))
                .hasMessage("Expected target size [2, 3], got [2, 4]");
    }

    @Test
    void broadcastingMismatchNamesTheDimension() {
        assertThatThrownBy(() -> Torch.zeros(2, 3).add(Torch.zeros(4)))
                .hasMessage("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1");
        assertThatThrownBy(() -> F.mseLoss(Torch.zeros(2, 3), Torch.zeros(2, 4)))
                .hasMessage("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1");
    }

    @Test
    void binaryCrossEntropyNeedsProbabilities() {
        Tensor x = Torch.tensor(new float[] {0.5f, 1.5f});
        assertThatThrownBy(() -> F.binaryCrossEntropy(x, Torch.zeros(2)))
                .hasMessage("all elements of input should be between 0 and 1");
        assertThatThrownBy(() -> F.binaryCrossEntropy(Torch.zeros(3, 1), Torch.zeros(3)))
                .hasMessage("Using a target size (torch.Size([3])) that is different to the input size"
                        + " (torch.Size([3, 1])) is deprecated. Please ensure they have the same size.");
    }

    @Test
    void dropoutProbabilityIsChecked() {
        assertThatThrownBy(() -> F.dropout(Torch.zeros(3), 1.5, true))
                .hasMessage("dropout probability has to be between 0 and 1, but got 1.5");
    }

    @Test
    void otherArgumentChecks() {
        assertThatThrownBy(() -> Reduction.of("avg")).hasMessage("avg is not a valid value for reduction");
        assertThatThrownBy(() -> F.gelu(Torch.zeros(2), "fast"))
                .hasMessage("approximate argument must be either none or tanh.");
        assertThatThrownBy(() -> F.batchNorm(Torch.zeros(1, 3), null, null, null, null, true))
                .hasMessage("Expected more than 1 value per channel when training, got input size torch.Size([1, 3])");
        assertThatThrownBy(() -> F.layerNorm(Torch.zeros(2, 3), new int[] {4}))
                .hasMessage("Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 3]");
        assertThatThrownBy(() -> F.crossEntropy(Torch.zeros(2, 3), Torch.tensor(new long[] {0, 1}), null, -100,
                Reduction.MEAN, 1.5)).hasMessage("label_smoothing must be between 0.0 and 1.0. Got: 1.5");
    }

    @Test
    void nodeNamesMatchPyTorch() {
        Tensor x = Torch.randn(4, 3).requiresGrad(true);
        Tensor w = Torch.randn(2, 3).requiresGrad(true);
        Tensor b = Torch.randn(2).requiresGrad(true);
        assertThat(F.linear(x, w, b).gradFn().name()).isEqualTo("AddmmBackward0");
        assertThat(F.linear(x, w).gradFn().name()).isEqualTo("MmBackward0");
        Tensor loss = F.crossEntropy(x, Torch.tensor(new long[] {0, 1, 2, 1}));
        assertThat(loss.gradFn().name()).isEqualTo("NllLossBackward0");
        assertThat(loss.gradFn().nextFunctions().get(0).name()).isEqualTo("LogSoftmaxBackward0");
        assertThat(loss.toString()).endsWith(", grad_fn=<NllLossBackward0>)");
        assertThat(F.mseLoss(x, Torch.zeros(4, 3)).gradFn().name()).isEqualTo("MseLossBackward0");
        assertThat(F.l1Loss(x, Torch.zeros(4, 3)).gradFn().name()).isEqualTo("MeanBackward0");
        assertThat(F.relu6(x).gradFn().name()).isEqualTo("HardtanhBackward0");
        assertThat(F.gelu(x).gradFn().name()).isEqualTo("GeluBackward0");
        assertThat(F.batchNorm(x, null, null, null, null, true).gradFn().name()).isEqualTo("NativeBatchNormBackward0");
        assertThat(F.dropout(x, 0.5).gradFn().name()).isEqualTo("MulBackward0");
    }

    @Test
    void evalDropoutIsIdentityAndTrainingScales() {
        Tensor x = Torch.ones(1000);
        assertThat(F.dropout(x, 0.3, false)).isSameAs(x);
        Torch.manualSeed(0);
        float[] y = F.dropout(x, 0.25, true).toFloatArray();
        int kept = 0;
        for (float v : y) {
            assertThat(v == 0f || Math.abs(v - 1f / 0.75f) < 1e-6).isTrue();
            kept += v == 0f ? 0 : 1;
        }
        assertThat(kept).isBetween(700, 800);
    }

    @Test
    void batchNormUpdatesRunningStatsInPlace() {
        Tensor x = Torch.tensor(new float[] {1, 2, 3, 6}, 4, 1);
        Tensor rm = Torch.zeros(1);
        Tensor rv = Torch.ones(1);
        F.batchNorm(x, rm, rv, null, null, true, 0.1, 1e-5);
        // mean 3, unbiased var (4 + 1 + 0 + 9)/3 = 14/3
        assertThat(rm.item()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(rv.item()).isCloseTo(0.9 + 0.1 * 14.0 / 3.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void nllMeanDividesByTargetWeights() {
        Tensor logp = Torch.tensor(new float[] {-1, -2, -3, -4, -5, -6}, 2, 3);
        Tensor weight = Torch.tensor(new float[] {1, 2, 4});
        Tensor loss = F.nllLoss(logp, Torch.tensor(new long[] {2, 1}), weight, -100, Reduction.MEAN);
        assertThat(loss.item()).isCloseTo((4 * 3 + 2 * 5) / 6.0, org.assertj.core.data.Offset.offset(1e-6));
        Tensor ignored = F.nllLoss(logp, Torch.tensor(new long[] {-100, -100}), null, -100, Reduction.MEAN);
        assertThat(Double.isNaN(ignored.item())).isTrue();
    }
}
