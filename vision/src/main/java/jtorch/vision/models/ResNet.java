package jtorch.vision.models;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Linear;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Module;
import jtorch.nn.ReLU;
import jtorch.nn.Sequential;
import jtorch.nn.functional.F;
import jtorch.nn.init.Init;

/**
 * ResNet, ResNeXt and Wide ResNet ("Deep Residual Learning for Image Recognition"): a 7×7 stem, four stages
 * of {@link BasicBlock}s or {@link Bottleneck}s, global average pool and {@code fc}.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py">torchvision/models/resnet.py</a>
 */
public class ResNet extends Module {
    /** Which residual block a ResNet stacks. */
    public enum Block {
        BASIC,
        BOTTLENECK
    }

    private final Block block;
    private final int groups;
    private final int baseWidth;
    private int inplanes = 64;
    private final int dilation = 1;

    private final Conv2d conv1;
    private final BatchNorm2d bn1;
    private final ReLU relu;
    private final MaxPool2d maxpool;
    private final Sequential layer1;
    private final Sequential layer2;
    private final Sequential layer3;
    private final Sequential layer4;
    private final AdaptiveAvgPool2d avgpool;
    private final Linear fc;

    /**
     * @param layers the number of blocks in each of the four stages, e.g. {2, 2, 2, 2} for resnet18
     * @param widthPerGroup 64, or 128 for Wide ResNet, 4/8 for ResNeXt
     */
    public ResNet(Block block, int[] layers, int numClasses, int groups, int widthPerGroup) {
        this.block = block;
        this.groups = groups;
        this.baseWidth = widthPerGroup;
        conv1 = registerModule("conv1", Convs.conv(3, inplanes, 7, 2, 3, 1, false));
        bn1 = registerModule("bn1", new BatchNorm2d(inplanes));
        relu = registerModule("relu", new ReLU(true));
        maxpool = registerModule("maxpool", new MaxPool2d(3, 2, 1));
        layer1 = registerModule("layer1", makeLayer(64, layers[0], 1));
        layer2 = registerModule("layer2", makeLayer(128, layers[1], 2));
        layer3 = registerModule("layer3", makeLayer(256, layers[2], 2));
        layer4 = registerModule("layer4", makeLayer(512, layers[3], 2));
        avgpool = registerModule("avgpool", new AdaptiveAvgPool2d(new int[] {1, 1}));
        fc = registerModule("fc", new Linear(512 * expansion(), numClasses));
        // TORCH: conv kaiming_normal_(fan_out, relu); BatchNorm 1/0; fc keeps Linear's default init.
        Inits.convKaimingFanOut(this, false);
    }

    private int expansion() {
        return block == Block.BASIC ? BasicBlock.EXPANSION : Bottleneck.EXPANSION;
    }

    private Sequential makeLayer(int planes, int blocks, int stride) {
        Module downsample = null;
        int outPlanes = planes * expansion();
        if (stride != 1 || inplanes != outPlanes) {
            downsample = new Sequential(Convs.conv1x1(inplanes, outPlanes, stride), new BatchNorm2d(outPlanes));
        }
        List<Module> list = new ArrayList<>();
        list.add(newBlock(inplanes, planes, stride, downsample));
        inplanes = outPlanes;
        for (int i = 1; i < blocks; i++) {
            list.add(newBlock(inplanes, planes, 1, null));
        }
        return new Sequential(list);
    }

    private Module newBlock(int in, int planes, int stride, Module downsample) {
        if (block == Block.BASIC) {
            return new BasicBlock(in, planes, stride, downsample, groups, baseWidth, dilation);
        }
        return new Bottleneck(in, planes, stride, downsample, groups, baseWidth, dilation);
    }

    /** torchvision's {@code zero_init_residual=True}: each block's last BatchNorm starts at 0. */
    public ResNet zeroInitResidual() {
        for (Module m : modules()) {
            if (m instanceof Bottleneck b) {
                Init.zeros(b.bn3.weight);
            } else if (m instanceof BasicBlock b) {
                Init.zeros(b.bn2.weight);
            }
        }
        return this;
    }

    public Conv2d conv1() {
        return conv1;
    }

    public Sequential layer1() {
        return layer1;
    }

    public Sequential layer2() {
        return layer2;
    }

    public Sequential layer3() {
        return layer3;
    }

    public Sequential layer4() {
        return layer4;
    }

    public AdaptiveAvgPool2d avgpool() {
        return avgpool;
    }

    public Linear fc() {
        return fc;
    }

    @Override
    public Tensor forward(Tensor x) {
        x = maxpool.forward(relu.forward(bn1.forward(conv1.forward(x))));
        x = layer4.forward(layer3.forward(layer2.forward(layer1.forward(x))));
        x = avgpool.forward(x);
        x = F.flatten(x, 1);
        return fc.forward(x);
    }
}
