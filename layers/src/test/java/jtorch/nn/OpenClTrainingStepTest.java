package jtorch.nn;

import static jtorch.testing.Reference.assertClose;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.functional.OpenClAvailability;
import jtorch.opencl.OpenCLBackend;
import jtorch.optim.Adam;
import jtorch.optim.AdamW;
import jtorch.optim.Optimizer;
import jtorch.optim.SGD;
import jtorch.tensor.Device;
import jtorch.tensor.Generator;
import org.junit.jupiter.api.Test;

/**
 * A training step of the seed network on the OpenCL device: no device-to-host reads between ops (counted by
 * {@link OpenCLBackend#hostReadCount()}), fused optimizer updates equal to the composed ones, and deferred
 * checks (nll_loss targets, binary_cross_entropy's range) thrown at the next synchronizing read. Skipped
 * without a device, failed under {@code CI=true}.
 */
class OpenClTrainingStepTest {
    private static Sequential seedOn(Device device, long seed) {
        Torch.manualSeed(seed);
        Sequential model = SeedCnnReferenceTest.seedNetwork();
        model.to(device);
        return model;
    }

    private static long readsDuringSteps(Device device, Function<List<Parameter>, Optimizer> optimizer) {
        Sequential model = seedOn(device, 3);
        Generator g = new Generator(7);
        Tensor x = Torch.randn(g, 8, 3, 32, 32).to(device);
        Tensor y = Torch.randint(g, 0, 10, 8).to(device);
        Optimizer opt = optimizer.apply(model.parameters());
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        long before = OpenCLBackend.hostReadCount();
        Tensor first = null;
        Tensor loss = null;
        for (int step = 0; step < 4; step++) {
            loss = criterion.forward(model.forward(x), y);
            opt.zeroGrad();
            loss.backward();
            opt.step();
            first = first == null ? loss : first;
        }
        long during = OpenCLBackend.hostReadCount() - before;
        assertEquals(0, during, "device-to-host reads during 4 training steps (forward, cross-entropy, zeroGrad, "
                + "backward, step)");
        double l0 = first.item();
        double l3 = loss.item();
        long reads = OpenCLBackend.hostReadCount() - before;
        // Each item() reads its value, plus (once) the error word of the deferred target check.
        assertTrue(reads <= 3, "reads for two item() calls: " + reads);
        assertTrue(l3 < l0, "the same batch 4 steps later should have a lower loss: " + l0 + " -> " + l3);
        return reads;
    }

    @Test
    void sgdStepsOfTheSeedNetworkMakeNoHostReads() {
        Device device = OpenClAvailability.firstDeviceOrSkip();
        readsDuringSteps(device, ps -> new SGD(ps, 0.05, 0.9));
    }

    @Test
    void adamStepsOfTheSeedNetworkMakeNoHostReads() {
        Device device = OpenClAvailability.firstDeviceOrSkip();
        readsDuringSteps(device, ps -> new Adam(ps, 1e-3));
    }

    /** The fused kernels (OpenCL) against the composed Tensor-op path (the CPU), over several steps. */
    @Test
    void batchNormTrainingForwardMakesNoHostReads() {
        Device device = OpenClAvailability.firstDeviceOrSkip();
        BatchNorm2d bn = new BatchNorm2d(4);
        bn.to(device);
        Tensor x = Torch.randn(8, 4, 5, 5).to(device);
        long before = OpenCLBackend.hostReadCount();
        for (int i = 0; i < 3; i++) {
            bn.forward(x);
        }
        assertEquals(0, OpenCLBackend.hostReadCount() - before);
        assertEquals(3.0, bn.numBatchesTracked().item());
    }

    @Test
    void fusedOptimizerUpdatesMatchTheComposedOnes() {
        Device device = OpenClAvailability.firstDeviceOrSkip();
        List<Function<List<Parameter>, Optimizer>> optimizers = List.of(
                ps -> new SGD(ps, 0.1),
                ps -> new SGD(ps, 0.1, 0.9, 0.1, 0.01, false),
                ps -> new SGD(ps, 0.1, 0.9, 0.0, 0.01, true),
                ps -> new Adam(ps, 0.01, 0.9, 0.999, 1e-8, 0.01, false),
                ps -> new AdamW(ps, 0.01, 0.8, 0.99, 1e-6, 0.1, false));
        for (int k = 0; k < optimizers.size(); k++) {
            Generator g = new Generator(11 + k);
            Tensor init = Torch.randn(g, 7, 5);
            Parameter cpu = new Parameter(init.clone().detach());
            Parameter dev = new Parameter(init.clone().detach().to(device));
            Optimizer oc = optimizers.get(k).apply(List.of(cpu));
            Optimizer od = optimizers.get(k).apply(List.of(dev));
            for (int step = 0; step < 4; step++) {
                Tensor grad = Torch.randn(g, 7, 5);
                cpu.setGrad(grad);
                dev.setGrad(grad.to(device));
                oc.step();
                od.step();
            }
            assertEquals(device, dev.device());
            assertClose("optimizer " + k + " after 4 steps", cpu.data(), dev.to(Device.cpu()), 1e-5, 1e-6);
        }
    }

    @Test
    void anOutOfRangeTargetThrowsAtTheNextRead() {
        Device device = OpenClAvailability.firstDeviceOrSkip();
        Tensor logits = Torch.randn(new Generator(1), 3, 10);
        Tensor target = Torch.tensor(new long[] {3, 10, 4});
        var cpu = assertThrows(IndexOutOfBoundsException.class,
                () -> new CrossEntropyLoss().forward(logits, target));
        assertEquals("Target 10 is out of bounds.", cpu.getMessage());

        Tensor loss = new CrossEntropyLoss().forward(logits.to(device), target.to(device));   // no throw: deferred
        var dev = assertThrows(IndexOutOfBoundsException.class, loss::item);
        assertEquals(cpu.getMessage(), dev.getMessage());
        assertDoesNotThrow(() -> logits.to(device).sum().item(), "a reported error is cleared");
    }

    @Test
    void binaryCrossEntropyRangeIsCheckedAtTheNextRead() {
        Device device = OpenClAvailability.firstDeviceOrSkip();
        Tensor x = Torch.tensor(new float[] {0.2f, 1.5f, 0.7f}).to(device);
        Tensor t = Torch.tensor(new float[] {0f, 1f, 1f}).to(device);
        Tensor loss = new BCELoss().forward(x, t);
        var e = assertThrows(IllegalArgumentException.class, loss::toFloatArray);
        assertEquals("all elements of input should be between 0 and 1", e.getMessage());
        Tensor ok = new BCELoss().forward(Torch.tensor(new float[] {0.2f, 0.9f}).to(device),
                Torch.tensor(new float[] {0f, 1f}).to(device));
        assertTrue(Double.isFinite(ok.item()));
    }

    @Test
    void aBatchLeftOnTheCpuThrowsPyTorchsMessage() {
        Device device = OpenClAvailability.firstDeviceOrSkip();
        Sequential model = seedOn(device, 5);
        var e = assertThrows(IllegalArgumentException.class, () -> model.forward(Torch.randn(2, 3, 32, 32)));
        assertTrue(e.getMessage().startsWith("Expected all tensors to be on the same device, but found at least two"
                + " devices, "), e.getMessage());
        Tensor x = Torch.randn(2, 3);
        var add = assertThrows(IllegalArgumentException.class, () -> x.to(device).add(x));
        assertEquals("Expected all tensors to be on the same device, but found at least two devices, " + device
                + " and cpu!", add.getMessage());
    }
}
