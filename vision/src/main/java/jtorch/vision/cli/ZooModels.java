package jtorch.vision.cli;

import jtorch.Tensor;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.vision.models.Models;

/**
 * A torchvision model trained from scratch on a small dataset: the model as built by {@link Models}
 * (1000 ImageNet outputs), grayscale input repeated to three channels, and a Linear(1000, classes) head.
 * NOTE: a simple, uniform adaptation for {@code ./jtorch train --model NAME}; replacing each family's own
 * classifier would save the 1000-wide layer, at the cost of one rule per family.
 */
final class ZooModels {
    private ZooModels() {}

    static Module forTraining(String name, int channels, int classes) {
        if (!Models.listModels().contains(name)) {
            throw new TrainOptions.UsageException("unknown model '" + name + "': seed-cnn or one of "
                    + Models.listModels());
        }
        return new Adapted(Models.getModel(name), channels, classes);
    }

    /** The zoo model with the channel adapter and the new head. */
    static final class Adapted extends Module {
        private final Module body;
        private final Linear head;
        private final int channels;

        Adapted(Module body, int channels, int classes) {
            this.channels = channels;
            this.body = registerModule("body", body);
            this.head = registerModule("head", new Linear(1000, classes));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor in = channels == 1 ? x.expand(x.size(0), 3, x.size(2), x.size(3)) : x;
            return head.forward(body.forward(in));
        }
    }
}
