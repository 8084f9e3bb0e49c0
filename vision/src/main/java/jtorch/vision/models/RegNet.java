package jtorch.vision.models;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import jtorch.Tensor;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Linear;
import jtorch.nn.Module;
import jtorch.nn.ReLU;
import jtorch.nn.Sequential;
import jtorch.nn.Sigmoid;
import jtorch.nn.functional.F;
import jtorch.nn.init.Init;

/**
 * RegNetX and RegNetY ("Designing Network Design Spaces"): a stem, four stages of residual bottlenecks whose
 * widths and depths follow a quantized linear rule, average pool and {@code fc}. RegNetY adds
 * squeeze-excitation.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/regnet.py">torchvision/models/regnet.py</a>
 */
public class RegNet extends Module {
    /** The expanded per-stage parameters ({@code BlockParams}). */
    record BlockParams(int[] depths, int[] widths, int[] groupWidths, double bottleneckMultiplier, double seRatio) {

        /**
         * {@code BlockParams.from_init_params}: widths {@code w_0 + w_a·i}, quantized to {@code w_0·w_m^k}
         * rounded to multiples of 8; equal consecutive widths form a stage.
         */
        static BlockParams fromInitParams(int depth, int w0, double wA, double wM, int groupWidth, double seRatio) {
            // NOTE: torchvision computes this in float32 tensors; float arithmetic here keeps the roundings equal.
            int[] blockWidths = new int[depth];
            for (int i = 0; i < depth; i++) {
                float widthCont = (float) i * (float) wA + (float) w0;
                float capacity = (float) Math.rint((float) Math.log(widthCont / (float) w0) / (float) Math.log(wM));
                float w = (float) w0 * (float) Math.pow((float) wM, capacity);
                blockWidths[i] = (int) ((float) Math.rint(w / 8f) * 8f);
            }
            List<Integer> stageWidths = new ArrayList<>();
            List<Integer> stageDepths = new ArrayList<>();
            for (int i = 0; i < depth; i++) {
                if (i == 0 || blockWidths[i] != blockWidths[i - 1]) {
                    stageWidths.add(blockWidths[i]);
                    stageDepths.add(1);
                } else {
                    stageDepths.set(stageDepths.size() - 1, stageDepths.getLast() + 1);
                }
            }
            int n = stageWidths.size();
            int[] widths = new int[n];
            int[] groups = new int[n];
            int[] depths = new int[n];
            double bm = 1.0;
            for (int s = 0; s < n; s++) {
                // TORCH: _adjust_widths_groups_compatibilty: the group width never exceeds the bottleneck width,
                // which is rounded to a multiple of the group width.
                int wBot = (int) (stageWidths.get(s) * bm);
                int g = Math.min(groupWidth, wBot);
                int wBotDiv = MobileNetV2.makeDivisible(wBot, g);
                widths[s] = (int) (wBotDiv / bm);
                groups[s] = g;
                depths[s] = stageDepths.get(s);
            }
            return new BlockParams(depths, widths, groups, bm, seRatio);
        }
    }


    public RegNet(BlockParams params, int numClasses, int stemWidth) {
        IntFunction<Module> norm = BatchNorm2d::new;
        // TORCH: Conv2dNormActivation builds activation_layer(inplace=True); the SE block calls it bare.
        Supplier<Module> activation = () -> new ReLU(true);
        registerModule("stem", new SimpleStemIN(3, stemWidth, norm, activation));
        int currentWidth = stemWidth;
        Sequential trunkOutput = registerModule("trunk_output", new Sequential());
        for (int i = 0; i < params.widths().length; i++) {
            int widthOut = params.widths()[i];
            trunkOutput.addModule("block" + (i + 1), new AnyStage(currentWidth, widthOut, 2, params.depths()[i], norm,
                    activation, params.groupWidths()[i], params.bottleneckMultiplier(), params.seRatio(), i + 1));
            currentWidth = widthOut;
        }
        registerModule("avgpool", new AdaptiveAvgPool2d(new int[] {1, 1}));
        registerModule("fc", new Linear(currentWidth, numClasses));
        if (Inits.enabled()) {
            for (Module m : modules()) {
                if (m instanceof Conv2d conv) {
                    // TORCH: normal_(0, sqrt(2 / fan_out)) with fan_out = kH·kW·out_channels; biases keep their init.
                    int fanOut = conv.kernelSize[0] * conv.kernelSize[1] * conv.outChannels;
                    Init.normal(conv.weight, 0.0, Math.sqrt(2.0 / fanOut));
                } else if (m instanceof BatchNorm2d bn) {
                    Inits.normOnesZeros(bn);
                } else if (m instanceof Linear linear) {
                    Init.normal(linear.weight, 0.0, 0.01);
                    Init.zeros(linear.bias);
                }
            }
        }
    }

    public Linear fc() {
        return (Linear) child("fc");
    }

    @Override
    public Tensor forward(Tensor x) {
        x = child("trunk_output").forward(child("stem").forward(x));
        x = F.flatten(child("avgpool").forward(x), 1);
        return child("fc").forward(x);
    }

    /** The stem: a 3×3 stride-2 conv, BatchNorm and ReLU. */
    static final class SimpleStemIN extends Conv2dNormActivation {
        SimpleStemIN(int widthIn, int widthOut, IntFunction<Module> norm, Supplier<Module> activation) {
            super(widthIn, widthOut, 3, 2, 1, norm, activation, 1);
        }
    }

    /** 1×1, grouped 3×3 (with the stride), optional SE, 1×1 without activation. */
    static final class BottleneckTransform extends Sequential {
        BottleneckTransform(int widthIn, int widthOut, int stride, IntFunction<Module> norm, Supplier<Module> activation,
                            int groupWidth, double bottleneckMultiplier, double seRatio) {
            int wB = (int) Math.round(widthOut * bottleneckMultiplier);
            int g = wB / groupWidth;
            addModule("a", new Conv2dNormActivation(widthIn, wB, 1, 1, 1, norm, activation, 1));
            addModule("b", new Conv2dNormActivation(wB, wB, 3, stride, g, norm, activation, 1));
            if (seRatio > 0) {
                int widthSeOut = (int) Math.round(seRatio * widthIn);
                addModule("se", new SqueezeExcitation(wB, widthSeOut, ReLU::new, Sigmoid::new));
            }
            addModule("c", new Conv2dNormActivation(wB, widthOut, 1, 1, 1, norm, null, 1));
        }
    }

    /** The residual block: projection shortcut when the shape changes, ReLU after the sum. */
    static final class ResBottleneckBlock extends Module {
        ResBottleneckBlock(int widthIn, int widthOut, int stride, IntFunction<Module> norm, Supplier<Module> activation,
                           int groupWidth, double bottleneckMultiplier, double seRatio) {
            if (widthIn != widthOut || stride != 1) {
                registerModule("proj", new Conv2dNormActivation(widthIn, widthOut, 1, stride, 1, norm, null, 1));
            }
            registerModule("f", new BottleneckTransform(widthIn, widthOut, stride, norm, activation, groupWidth,
                    bottleneckMultiplier, seRatio));
            registerModule("activation", new ReLU(true));
        }

        @Override
        public Tensor forward(Tensor x) {
            // NOTE: "proj" is only registered when the shape changes (torchvision's proj=None otherwise).
            Module proj = namedChildren().get("proj");
            Tensor shortcut = proj != null ? proj.forward(x) : x;
            return child("activation").forward(shortcut.add(child("f").forward(x)));
        }
    }

    /** A stage: {@code depth} blocks named "block{stage}-{i}", the first with the stride. */
    static final class AnyStage extends Sequential {
        AnyStage(int widthIn, int widthOut, int stride, int depth, IntFunction<Module> norm, Supplier<Module> activation,
                 int groupWidth, double bottleneckMultiplier, double seRatio, int stageIndex) {
            for (int i = 0; i < depth; i++) {
                addModule("block" + stageIndex + "-" + i, new ResBottleneckBlock(i == 0 ? widthIn : widthOut, widthOut,
                        i == 0 ? stride : 1, norm, activation, groupWidth, bottleneckMultiplier, seRatio));
            }
        }
    }
}
