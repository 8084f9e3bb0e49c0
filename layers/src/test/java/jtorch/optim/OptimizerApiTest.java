package jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.Parameter;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Hyperparameter validation (PyTorch 1.13's messages), parameter groups, zeroGrad and the state dict. */
class OptimizerApiTest {
    private static List<Parameter> params() {
        return List.of(new Parameter(Creation.ones(DType.FLOAT32, 2)), new Parameter(Creation.ones(DType.FLOAT32, 3)));
    }

    private static void assertMessage(String expected, Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    @Test
    void validationMessages() {
        // torch.optim.SGD([p], lr=-1.0) -> ValueError: Invalid learning rate: -1.0, and so on
        assertMessage("Invalid learning rate: -1.0", () -> new SGD(params(), -1.0));
        assertMessage("Invalid momentum value: -0.5", () -> new SGD(params(), 0.1, -0.5));
        assertMessage("Invalid weight_decay value: -0.1", () -> new SGD(params(), new SGD.Options(0.1).weightDecay(-0.1)));
        assertMessage("Nesterov momentum requires a momentum and zero dampening",
                () -> new SGD(params(), new SGD.Options(0.1).nesterov(true)));
        assertMessage("Nesterov momentum requires a momentum and zero dampening",
                () -> new SGD(params(), 0.1, 0.9, 0.1, 0, true));
        assertMessage("Invalid epsilon value: -1e-08", () -> new Adam(params(), new Adam.Options().eps(-1e-8)));
        assertMessage("Invalid beta parameter at index 0: 1.0", () -> new Adam(params(), 1e-3, 1.0, 0.999, 1e-8, 0, false));
        assertMessage("Invalid beta parameter at index 1: -0.1", () -> new AdamW(params(), new Adam.Options().betas(0.9, -0.1)));
        assertMessage("Invalid alpha value: -0.9", () -> new RMSprop(params(), new RMSprop.Options().alpha(-0.9)));
        assertMessage("Invalid lr_decay value: -1.0", () -> new Adagrad(params(), new Adagrad.Options().lrDecay(-1)));
        assertMessage("Invalid initial_accumulator_value value: -1.0",
                () -> new Adagrad(params(), new Adagrad.Options().initialAccumulatorValue(-1)));
        assertMessage("optimizer got an empty parameter list", () -> new SGD(new ArrayList<Parameter>(), 0.1));
        Parameter p = new Parameter(Creation.ones(DType.FLOAT32, 2));
        assertMessage("some parameters appear in more than one parameter group",
                () -> new SGD(List.of(new ParamGroup(List.of(p)), new ParamGroup(List.of(p))), new SGD.Options(0.1)));
        Tensor nonLeaf = p.mul(2.0);
        assertMessage("can't optimize a non-leaf Tensor", () -> new SGD(List.of(nonLeaf), 0.1));
    }

    @Test
    void groupsTakeDefaultsAndOverrides() {
        List<Parameter> ps = params();
        SGD o = new SGD(List.of(new ParamGroup(List.of(ps.get(0))), new ParamGroup(List.of(ps.get(1)), Map.of("lr", 1.0))),
                new SGD.Options(0.1).momentum(0.9));
        assertEquals(0.1, o.paramGroups().get(0).lr());
        assertEquals(1.0, o.paramGroups().get(1).lr());
        assertEquals(0.9, o.paramGroups().get(1).getDouble("momentum"));
    }

    @Test
    void stateDictHasPyTorchsStructure() {
        List<Parameter> ps = params();
        SGD o = new SGD(ps, 0.1);
        ps.get(0).setGrad(Torch.ones(2));
        o.step();
        // SGD([p0, p1], lr=0.1) after one step with only p0.grad set:
        // {'state': {0: {'momentum_buffer': None}}, 'param_groups': [{'lr': 0.1, 'momentum': 0, 'dampening': 0,
        //  'weight_decay': 0, 'nesterov': False, 'maximize': False, 'foreach': None, 'differentiable': False,
        //  'params': [0, 1]}]}
        Map<String, Object> sd = o.stateDict();
        assertEquals(List.of("state", "param_groups"), List.copyOf(sd.keySet()));
        Map<?, ?> state = (Map<?, ?>) sd.get("state");
        assertEquals(List.of(0), List.copyOf(state.keySet()));
        assertNull(((Map<?, ?>) state.get(0)).get("momentum_buffer"));
        Map<?, ?> group = (Map<?, ?>) ((List<?>) sd.get("param_groups")).get(0);
        assertEquals(List.of("lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize", "foreach",
                "differentiable", "params"), List.copyOf(group.keySet()));
        assertEquals(List.of(0, 1), group.get("params"));
        assertEquals(0.9f, ps.get(0).toFloatArray()[0], 1e-7);
        assertEquals(1.0f, ps.get(1).toFloatArray()[0], 0.0, "a parameter without grad is skipped");
    }

    @Test
    void loadStateDictRestoresAdamState() {
        List<Parameter> a = params();
        Adam first = new Adam(a, 0.1);
        a.get(0).setGrad(Torch.ones(2));
        a.get(1).setGrad(Torch.ones(3));
        first.step();
        List<Parameter> b = params();
        Adam second = new Adam(b, 0.5);
        second.loadStateDict(first.stateDict());
        assertEquals(0.1, second.paramGroups().get(0).lr());
        for (int i = 0; i < 2; i++) {
            b.get(i).setGrad(Torch.ones(b.get(i).numel()));
            a.get(i).setGrad(Torch.ones(a.get(i).numel()));
        }
        first.step();
        second.step();
        // With the loaded moments (step 2, m̂ = v̂ = 1 for a constant gradient) the fresh parameter moves by lr,
        // exactly as the first optimizer's did.
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.9f, 0.9f}, b.get(0).toFloatArray(), 1e-6f);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.8f, 0.8f}, a.get(0).toFloatArray(), 1e-6f);
        Map<?, ?> state = (Map<?, ?>) second.stateDict().get("state");
        assertEquals(2.0, ((Tensor) ((Map<?, ?>) state.get(0)).get("step")).item());
        assertMessage("loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
                () -> new Adam(List.of(b.get(0)), 0.1).loadStateDict(first.stateDict()));
    }

    @Test
    void zeroGradSetsToNoneOrZeroes() {
        List<Parameter> ps = params();
        SGD o = new SGD(ps, 0.1);
        ps.get(0).setGrad(Torch.ones(2));
        o.zeroGrad(false);
        assertNotNull(ps.get(0).grad());
        assertEquals(0.0, ps.get(0).grad().sum().item());
        o.zeroGrad();
        assertNull(ps.get(0).grad());
    }

    @Test
    void schedulerChangesTheGroupTheOptimizerReads() {
        List<Parameter> ps = params();
        SGD o = new SGD(ps, 1.0);
        var s = new StepLR(o, 1, 0.5);
        s.step();
        ps.get(0).setGrad(Torch.ones(2));
        o.step();
        assertEquals(0.5f, ps.get(0).toFloatArray()[0], 0f);
        assertSame(o, s.optimizer());
    }
}
