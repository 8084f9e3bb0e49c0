package jtorch.vision.models;

import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Linear;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Module;
import jtorch.nn.ReLU;
import jtorch.nn.Sequential;

/**
 * ShuffleNet V2 ("ShuffleNet V2: Practical Guidelines for Efficient CNN Architecture Design"). It has no
 * init loop: layers keep PyTorch's default init.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/shufflenetv2.py">torchvision/models/shufflenetv2.py</a>
 */
public class ShuffleNetV2 extends Module {

    /**
     * @param stagesRepeats blocks per stage (3 values)
     * @param stagesOutChannels stem, the three stages and conv5 (5 values)
     */
    public ShuffleNetV2(int[] stagesRepeats, int[] stagesOutChannels, int numClasses) {
        int input = 3;
        int output = stagesOutChannels[0];
        registerModule("conv1", new Sequential(Convs.conv(input, output, 3, 2, 1, 1, false),
                new BatchNorm2d(output), new ReLU(true)));
        input = output;
        registerModule("maxpool", new MaxPool2d(3, 2, 1));
        for (int s = 0; s < 3; s++) {
            output = stagesOutChannels[s + 1];
            Sequential seq = new Sequential(new InvertedResidual(input, output, 2));
            for (int i = 0; i < stagesRepeats[s] - 1; i++) {
                seq.add(new InvertedResidual(output, output, 1));
            }
            registerModule("stage" + (s + 2), seq);
            input = output;
        }
        output = stagesOutChannels[4];
        registerModule("conv5", new Sequential(Convs.conv(input, output, 1, 1, 0, 1, false),
                new BatchNorm2d(output), new ReLU(true)));
        registerModule("fc", new Linear(output, numClasses));
    }

    /** {@code channel_shuffle}: (N, g·c, H, W) → (N, c, g, H, W) transposed, so the two branches' channels interleave. */
    static Tensor channelShuffle(Tensor x, int groups) {
        int[] s = x.shape();
        int perGroup = s[1] / groups;
        return x.view(s[0], groups, perGroup, s[2], s[3]).transpose(1, 2).contiguous().view(s[0], s[1], s[2], s[3]);
    }

    public Linear fc() {
        return (Linear) child("fc");
    }

    @Override
    public Tensor forward(Tensor x) {
        x = child("maxpool").forward(child("conv1").forward(x));
        x = child("stage4").forward(child("stage3").forward(child("stage2").forward(x)));
        x = child("conv5").forward(x);
        x = x.mean(new int[] {2, 3}, false);
        return child("fc").forward(x);
    }

    /** ShuffleNetV2's unit: split (stride 1) or duplicate (stride 2), one branch convolved, concat, shuffle. */
    static final class InvertedResidual extends Module {
        private final int stride;

        InvertedResidual(int inp, int oup, int stride) {
            this.stride = stride;
            int bf = oup / 2;
            if (stride > 1) {
                registerModule("branch1", new Sequential(
                        Convs.conv(inp, inp, 3, stride, 1, inp, false),
                        new BatchNorm2d(inp),
                        Convs.conv(inp, bf, 1, 1, 0, 1, false),
                        new BatchNorm2d(bf),
                        new ReLU(true)));
            } else {
                registerModule("branch1", new Sequential());
            }
            registerModule("branch2", new Sequential(
                    Convs.conv(stride > 1 ? inp : bf, bf, 1, 1, 0, 1, false),
                    new BatchNorm2d(bf),
                    new ReLU(true),
                    Convs.conv(bf, bf, 3, stride, 1, bf, false),
                    new BatchNorm2d(bf),
                    Convs.conv(bf, bf, 1, 1, 0, 1, false),
                    new BatchNorm2d(bf),
                    new ReLU(true)));
        }

        @Override
        protected String reprName() {
            return "InvertedResidual";
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor out;
            if (stride == 1) {
                int half = x.size(1) / 2;
                Tensor x1 = x.narrow(1, 0, half);
                Tensor x2 = x.narrow(1, half, half);
                out = Torch.cat(List.of(x1, child("branch2").forward(x2)), 1);
            } else {
                out = Torch.cat(List.of(child("branch1").forward(x), child("branch2").forward(x)), 1);
            }
            return channelShuffle(out, 2);
        }
    }
}
