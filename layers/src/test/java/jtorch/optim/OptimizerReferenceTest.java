package jtorch.optim;

import static jtorch.testing.Reference.assertClose;

import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.nn.Parameter;
import jtorch.tensor.NdArray;
import jtorch.testing.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every optimizer against PyTorch 1.13 (single-tensor algorithms): the reference files hold a parameter
 * {@code param0} [4, 3], five gradients {@code grads} [5, 4, 3] and the parameter after each step
 * {@code params} [5, 4, 3]; the metadata names the optimizer and its non-default hyperparameters.
 */
class OptimizerReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"optim_sgd-0", "optim_sgd-1", "optim_sgd-2", "optim_sgd-3", "optim_adam-4",
            "optim_adam-5", "optim_adamw-6", "optim_rmsprop-7", "optim_adagrad-8"})
    void fiveStepsMatchPyTorch(String name) {
        Map<String, NdArray> t = Reference.tensors(name + ".safetensors");
        Map<String, String> meta = Reference.metadata(name + ".safetensors");
        Parameter p = new Parameter(t.get("param0").copyContiguous());
        Optimizer optimizer = create(meta, List.of(p));
        NdArray grads = t.get("grads");
        NdArray params = t.get("params");
        for (int step = 0; step < grads.size(0); step++) {
            p.setGrad(new Tensor(grads.select(0, step).copyContiguous()));
            optimizer.step();
            assertClose(name + " step " + (step + 1), params.select(0, step), p, 1e-5, 1e-7);
        }
    }

    /** Builds the optimizer the metadata describes (PyTorch's keyword names; absent ones keep the defaults). */
    static Optimizer create(Map<String, String> meta, List<Parameter> params) {
        double lr = Double.parseDouble(meta.get("lr"));
        double weightDecay = Double.parseDouble(meta.getOrDefault("weight_decay", "0"));
        boolean amsgrad = Boolean.parseBoolean(meta.getOrDefault("amsgrad", "False").toLowerCase());
        return switch (meta.get("optimizer")) {
            case "sgd" -> new SGD(params, new SGD.Options(lr)
                    .momentum(Double.parseDouble(meta.getOrDefault("momentum", "0")))
                    .dampening(Double.parseDouble(meta.getOrDefault("dampening", "0")))
                    .weightDecay(weightDecay)
                    .nesterov(Boolean.parseBoolean(meta.getOrDefault("nesterov", "False").toLowerCase())));
            case "adam", "adamw" -> {
                double[] betas = parseBetas(meta.getOrDefault("betas", "(0.9, 0.999)"));
                Adam.Options o = new Adam.Options().lr(lr).betas(betas[0], betas[1]).amsgrad(amsgrad);
                if (meta.containsKey("weight_decay")) {
                    o.weightDecay(weightDecay);
                }
                yield meta.get("optimizer").equals("adam") ? new Adam(params, o) : new AdamW(params, o);
            }
            case "rmsprop" -> new RMSprop(params, new RMSprop.Options().lr(lr)
                    .alpha(Double.parseDouble(meta.getOrDefault("alpha", "0.99")))
                    .momentum(Double.parseDouble(meta.getOrDefault("momentum", "0")))
                    .weightDecay(weightDecay));
            case "adagrad" -> new Adagrad(params, new Adagrad.Options().lr(lr).weightDecay(weightDecay));
            default -> throw new IllegalArgumentException("unknown optimizer " + meta.get("optimizer"));
        };
    }

    private static double[] parseBetas(String tuple) {
        String[] parts = tuple.replace("(", "").replace(")", "").split(",");
        return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
    }
}
