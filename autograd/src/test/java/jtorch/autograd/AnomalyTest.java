package jtorch.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jtorch.Tensor;
import jtorch.Torch;
import org.junit.jupiter.api.Test;

/** {@code torch.autograd.detect_anomaly}: the op whose backward produced NaN/Inf, and where it was created. */
class AnomalyTest {
    @Test
    void sqrtAtZeroTimesZeroNamesSqrtBackwardAndTheUsersLine() {
        Tensor x = Torch.zeros(3).requiresGrad(true);
        try (var anomaly = Autograd.detectAnomaly()) {
            int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
            Tensor y = x.sqrt();
            Tensor loss = y.mul(0.0).sum();   // d loss/dy = 0, and sqrt's backward is 0 / (2·sqrt(0)) = NaN
            assertThatThrownBy(loss::backward)
                    .isInstanceOf(ArithmeticException.class)
                    .hasMessageStartingWith("Function 'SqrtBackward0' returned nan values in its 0th output.")
                    .hasMessageContaining("Traceback of forward call that caused the error:")
                    .hasMessageContaining("AnomalyTest.sqrtAtZeroTimesZeroNamesSqrtBackwardAndTheUsersLine(AnomalyTest.java:"
                            + line + ")");
        }
        assertThat(Anomaly.isEnabled()).as("the scope restores the setting").isFalse();
    }

    @Test
    void logAtZeroGivesInfiniteGradientAndNamesLogBackward() {
        Tensor x = Torch.tensor(new float[] {0f, 1f}).requiresGrad(true);
        try (var anomaly = Autograd.detectAnomaly()) {
            Tensor loss = x.log().sum();
            assertThatThrownBy(loss::backward)
                    .isInstanceOf(ArithmeticException.class)
                    .hasMessageStartingWith("Function 'LogBackward0' returned nan values in its 0th output.");
        }
    }

    @Test
    void withoutDetectionTheNanSilentlyReachesTheGradient() {
        Tensor x = Torch.zeros(2).requiresGrad(true);
        x.sqrt().mul(0.0).sum().backward();
        assertThat(x.grad().hasNonFinite()).isTrue();
        assertThat(x.grad().gradFn()).isNull();
    }

    @Test
    void finiteBackwardPassesAndOpsCreatedOutsideTheScopeHaveNoTrace() {
        Tensor x = Torch.ones(2).requiresGrad(true);
        Tensor outside = x.mul(2.0);
        assertThat(outside.gradFn().creationTrace()).isNull();
        try (var anomaly = Autograd.detectAnomaly()) {
            Tensor inside = x.exp();
            assertThat(inside.gradFn().creationTrace()).isNotEmpty();
            inside.sum().add(outside.sum()).backward();
        }
        assertThat(x.grad().hasNonFinite()).isFalse();
    }

    @Test
    void scopesNest() {
        try (var outer = Autograd.detectAnomaly()) {
            try (var inner = Autograd.detectAnomaly()) {
                assertThat(Anomaly.isEnabled()).isTrue();
            }
            assertThat(Anomaly.isEnabled()).isTrue();
        }
        assertThat(Anomaly.isEnabled()).isFalse();
    }
}
