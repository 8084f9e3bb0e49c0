package jtorch.vision.models;

import java.util.List;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.nn.AdaptiveAvgPool2d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.Dropout;
import jtorch.nn.Linear;
import jtorch.nn.MaxPool2d;
import jtorch.nn.Module;
import jtorch.nn.functional.F;

/**
 * Inception v3 ("Rethinking the Inception Architecture for Computer Vision"), with its auxiliary classifier
 * ({@code AuxLogits}, used in training only). Expects 299×299 inputs; accepts anything from 75×75.
 *
 * @see <a href="https://github.com/pytorch/vision/blob/main/torchvision/models/inception.py">torchvision/models/inception.py</a>
 */
public class Inception3 extends Module {
    /** The stem and Mixed blocks in forward order, read by name so that a replaced block is the one that runs. */
    private static final String[] TRUNK = {"Conv2d_1a_3x3", "Conv2d_2a_3x3", "Conv2d_2b_3x3", "maxpool1",
        "Conv2d_3b_1x1", "Conv2d_4a_3x3", "maxpool2", "Mixed_5b", "Mixed_5c", "Mixed_5d", "Mixed_6a", "Mixed_6b",
        "Mixed_6c", "Mixed_6d", "Mixed_6e", "Mixed_7a", "Mixed_7b", "Mixed_7c"};

    public Inception3() {
        this(1000, true, 0.5);
    }

    public Inception3(int numClasses, boolean auxLogits, double dropout) {
        registerModule("Conv2d_1a_3x3", new BasicConv2d(3, 32, 3, 2, 0));
        registerModule("Conv2d_2a_3x3", new BasicConv2d(32, 32, 3));
        registerModule("Conv2d_2b_3x3", new BasicConv2d(32, 64, 3, 1, 1));
        registerModule("maxpool1", new MaxPool2d(3, 2));
        registerModule("Conv2d_3b_1x1", new BasicConv2d(64, 80, 1));
        registerModule("Conv2d_4a_3x3", new BasicConv2d(80, 192, 3));
        registerModule("maxpool2", new MaxPool2d(3, 2));
        registerModule("Mixed_5b", new InceptionA(192, 32));
        registerModule("Mixed_5c", new InceptionA(256, 64));
        registerModule("Mixed_5d", new InceptionA(288, 64));
        registerModule("Mixed_6a", new InceptionB(288));
        registerModule("Mixed_6b", new InceptionC(768, 128));
        registerModule("Mixed_6c", new InceptionC(768, 160));
        registerModule("Mixed_6d", new InceptionC(768, 160));
        registerModule("Mixed_6e", new InceptionC(768, 192));
        if (auxLogits) {
            registerModule("AuxLogits", new InceptionAux(768, numClasses));
        }
        registerModule("Mixed_7a", new InceptionD(768));
        registerModule("Mixed_7b", new InceptionE(1280));
        registerModule("Mixed_7c", new InceptionE(2048));
        registerModule("avgpool", new AdaptiveAvgPool2d(new int[] {1, 1}));
        registerModule("dropout", new Dropout(dropout));
        registerModule("fc", new Linear(2048, numClasses));
        initWeights();
    }

    private void initWeights() {
        if (!Inits.enabled()) {
            return;
        }
        // TORCH: conv and linear weights trunc_normal_(std = the module's stddev attribute, else 0.1). Only
        // InceptionAux sets one: its conv1 (0.01) and fc (0.001). The attribute sits on the BasicConv2d, whose
        // inner Conv2d has none, so in torchvision every Conv2d uses 0.1; only the Linear fc gets 0.001.
        for (Module m : modules()) {
            if (m instanceof Conv2d conv) {
                Inits.truncNormal(conv.weight, 0.0, 0.1, -2, 2);
            } else if (m instanceof Linear linear) {
                double std = m instanceof StdLinear s ? s.stddev : 0.1;
                Inits.truncNormal(linear.weight, 0.0, std, -2, 2);
            } else if (m instanceof BatchNorm2d bn) {
                Inits.normOnesZeros(bn);
            }
        }
    }

    public Linear fc() {
        return (Linear) child("fc");
    }

    @Override
    public Tensor forward(Tensor x) {
        for (String name : TRUNK) {
            x = child(name).forward(x);
        }
        x = F.flatten(child("avgpool").forward(x), 1);
        return child("fc").forward(child("dropout").forward(x));
    }

    private static Tensor cat(Tensor... parts) {
        return Torch.cat(List.of(parts), 1);
    }

    private static BasicConv2d bc(int in, int out, int kh, int kw, int ph, int pw) {
        return new BasicConv2d(in, out, new int[] {kh, kw}, new int[] {1}, new int[] {ph, pw});
    }

    /** A Linear with the {@code stddev} attribute torchvision sets on InceptionAux's fc. */
    static final class StdLinear extends Linear {
        final double stddev;

        StdLinear(int in, int out, double stddev) {
            super(in, out);
            this.stddev = stddev;
        }

        @Override
        protected String reprName() {
            return "Linear";
        }
    }

    static final class InceptionA extends Module {
        InceptionA(int in, int poolFeatures) {
            registerModule("branch1x1", new BasicConv2d(in, 64, 1));
            registerModule("branch5x5_1", new BasicConv2d(in, 48, 1));
            registerModule("branch5x5_2", new BasicConv2d(48, 64, 5, 1, 2));
            registerModule("branch3x3dbl_1", new BasicConv2d(in, 64, 1));
            registerModule("branch3x3dbl_2", new BasicConv2d(64, 96, 3, 1, 1));
            registerModule("branch3x3dbl_3", new BasicConv2d(96, 96, 3, 1, 1));
            registerModule("branch_pool", new BasicConv2d(in, poolFeatures, 1));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor b1 = child("branch1x1").forward(x);
            Tensor b5 = child("branch5x5_2").forward(child("branch5x5_1").forward(x));
            Tensor b3 = child("branch3x3dbl_3").forward(child("branch3x3dbl_2").forward(child("branch3x3dbl_1").forward(x)));
            Tensor bp = child("branch_pool").forward(F.avgPool2d(x, new int[] {3}, new int[] {1}, new int[] {1}, false, true));
            return cat(b1, b5, b3, bp);
        }
    }

    static final class InceptionB extends Module {
        InceptionB(int in) {
            registerModule("branch3x3", new BasicConv2d(in, 384, 3, 2, 0));
            registerModule("branch3x3dbl_1", new BasicConv2d(in, 64, 1));
            registerModule("branch3x3dbl_2", new BasicConv2d(64, 96, 3, 1, 1));
            registerModule("branch3x3dbl_3", new BasicConv2d(96, 96, 3, 2, 0));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor b3 = child("branch3x3").forward(x);
            Tensor bd = child("branch3x3dbl_3").forward(child("branch3x3dbl_2").forward(child("branch3x3dbl_1").forward(x)));
            Tensor bp = F.maxPool2d(x, 3, 2, 0, 1, false);
            return cat(b3, bd, bp);
        }
    }

    static final class InceptionC extends Module {
        InceptionC(int in, int c7) {
            registerModule("branch1x1", new BasicConv2d(in, 192, 1));
            registerModule("branch7x7_1", new BasicConv2d(in, c7, 1));
            registerModule("branch7x7_2", bc(c7, c7, 1, 7, 0, 3));
            registerModule("branch7x7_3", bc(c7, 192, 7, 1, 3, 0));
            registerModule("branch7x7dbl_1", new BasicConv2d(in, c7, 1));
            registerModule("branch7x7dbl_2", bc(c7, c7, 7, 1, 3, 0));
            registerModule("branch7x7dbl_3", bc(c7, c7, 1, 7, 0, 3));
            registerModule("branch7x7dbl_4", bc(c7, c7, 7, 1, 3, 0));
            registerModule("branch7x7dbl_5", bc(c7, 192, 1, 7, 0, 3));
            registerModule("branch_pool", new BasicConv2d(in, 192, 1));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor b1 = child("branch1x1").forward(x);
            Tensor b7 = x;
            for (int i = 1; i <= 3; i++) {
                b7 = child("branch7x7_" + i).forward(b7);
            }
            Tensor bd = x;
            for (int i = 1; i <= 5; i++) {
                bd = child("branch7x7dbl_" + i).forward(bd);
            }
            Tensor bp = child("branch_pool").forward(F.avgPool2d(x, new int[] {3}, new int[] {1}, new int[] {1}, false, true));
            return cat(b1, b7, bd, bp);
        }
    }

    static final class InceptionD extends Module {
        InceptionD(int in) {
            registerModule("branch3x3_1", new BasicConv2d(in, 192, 1));
            registerModule("branch3x3_2", new BasicConv2d(192, 320, 3, 2, 0));
            registerModule("branch7x7x3_1", new BasicConv2d(in, 192, 1));
            registerModule("branch7x7x3_2", bc(192, 192, 1, 7, 0, 3));
            registerModule("branch7x7x3_3", bc(192, 192, 7, 1, 3, 0));
            registerModule("branch7x7x3_4", new BasicConv2d(192, 192, 3, 2, 0));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor b3 = child("branch3x3_2").forward(child("branch3x3_1").forward(x));
            Tensor b7 = x;
            for (int i = 1; i <= 4; i++) {
                b7 = child("branch7x7x3_" + i).forward(b7);
            }
            Tensor bp = F.maxPool2d(x, 3, 2, 0, 1, false);
            return cat(b3, b7, bp);
        }
    }

    static final class InceptionE extends Module {
        InceptionE(int in) {
            registerModule("branch1x1", new BasicConv2d(in, 320, 1));
            registerModule("branch3x3_1", new BasicConv2d(in, 384, 1));
            registerModule("branch3x3_2a", bc(384, 384, 1, 3, 0, 1));
            registerModule("branch3x3_2b", bc(384, 384, 3, 1, 1, 0));
            registerModule("branch3x3dbl_1", new BasicConv2d(in, 448, 1));
            registerModule("branch3x3dbl_2", new BasicConv2d(448, 384, 3, 1, 1));
            registerModule("branch3x3dbl_3a", bc(384, 384, 1, 3, 0, 1));
            registerModule("branch3x3dbl_3b", bc(384, 384, 3, 1, 1, 0));
            registerModule("branch_pool", new BasicConv2d(in, 192, 1));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor b1 = child("branch1x1").forward(x);
            Tensor b3 = child("branch3x3_1").forward(x);
            b3 = cat(child("branch3x3_2a").forward(b3), child("branch3x3_2b").forward(b3));
            Tensor bd = child("branch3x3dbl_2").forward(child("branch3x3dbl_1").forward(x));
            bd = cat(child("branch3x3dbl_3a").forward(bd), child("branch3x3dbl_3b").forward(bd));
            Tensor bp = child("branch_pool").forward(F.avgPool2d(x, new int[] {3}, new int[] {1}, new int[] {1}, false, true));
            return cat(b1, b3, bd, bp);
        }
    }

    /** The auxiliary classifier on Mixed_6e (training only). */
    static final class InceptionAux extends Module {
        InceptionAux(int in, int numClasses) {
            registerModule("conv0", new BasicConv2d(in, 128, 1));
            registerModule("conv1", new BasicConv2d(128, 768, 5));
            registerModule("fc", new StdLinear(768, numClasses, 0.001));
        }

        @Override
        public Tensor forward(Tensor x) {
            x = F.avgPool2d(x, new int[] {5}, new int[] {3}, new int[] {0}, false, true);
            x = child("conv1").forward(child("conv0").forward(x));
            x = F.adaptiveAvgPool2d(x, new int[] {1, 1});
            return child("fc").forward(F.flatten(x, 1));
        }
    }
}
