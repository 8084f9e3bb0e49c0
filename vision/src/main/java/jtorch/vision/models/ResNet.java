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


    /**
     * @param layers the number of blocks in each of the four stages, e.g. {2, 2, 2, 2} for resnet18
     * @param widthPerGroup 64, or 128 for Wide ResNet, 4/8 for ResNeXt
     */
    public ResNet(Block block, int[] layers, int numClasses, int groups, int widthPerGroup) {
        this.block = block;
        this.groups = groups;
        this.baseWidth = widthPerGroup;
        registerModule("conv1", Convs.conv(3, inplanes, 7, 2, 3, 1, false));
        registerModule("bn1", new BatchNorm2d(inplanes));
        registerModule("relu", new ReLU(true));
        registerModule("maxpool", new MaxPool2d(3, 2, 1));
        registerModule("layer1", makeLayer(64, layers[0], 1));
        registerModule("layer2", makeLayer(128, layers[1], 2));
        registerModule("layer3", makeLayer(256, layers[2], 2));
        registerModule("layer4", makeLayer(512, layers[3], 2));
        registerModule("avgpool", new AdaptiveAvgPool2d(new int[] {1, 1}));
        registerModule("fc", new Linear(512 * expansion(), numClasses));
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
                Init.zeros(((BatchNorm2d) b.getSubmodule("bn3")).weight);
            } else if (m instanceof BasicBlock b) {
                Init.zeros(((BatchNorm2d) b.getSubmodule("bn2")).weight);
            }
        }
        return this;
    }

    public Conv2d conv1() {
        return (Conv2d) child("conv1");
    }

    public Sequential layer1() {
        return (Sequential) child("layer1");
    }

    public Sequential layer2() {
        return (Sequential) child("layer2");
    }

    public Sequential layer3() {
        return (Sequential) child("layer3");
    }

    public Sequential layer4() {
        return (Sequential) child("layer4");
    }

    public AdaptiveAvgPool2d avgpool() {
        return (AdaptiveAvgPool2d) child("avgpool");
    }

    public Linear fc() {
        return (Linear) child("fc");
    }

    @Override
    public Tensor forward(Tensor x) {
        x = child("maxpool").forward(child("relu").forward(child("bn1").forward(child("conv1").forward(x))));
        x = child("layer4").forward(child("layer3").forward(child("layer2").forward(child("layer1").forward(x))));
        x = child("avgpool").forward(x);
        x = F.flatten(x, 1);
        return child("fc").forward(x);
    }
}
