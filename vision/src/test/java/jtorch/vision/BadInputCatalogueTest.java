package jtorch.vision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jtorch.Tensor;
import jtorch.Torch;
import jtorch.autograd.Autograd;
import jtorch.data.DataLoader;
import jtorch.data.Dataset;
import jtorch.data.Sample;
import jtorch.data.Subset;
import jtorch.data.TensorDataset;
import jtorch.io.Safetensors;
import jtorch.nn.AvgPool2d;
import jtorch.nn.BatchNorm1d;
import jtorch.nn.BatchNorm2d;
import jtorch.nn.Conv2d;
import jtorch.nn.CrossEntropyLoss;
import jtorch.nn.Dropout;
import jtorch.nn.LayerNorm;
import jtorch.nn.Linear;
import jtorch.nn.MaxPool2d;
import jtorch.nn.MultiheadAttention;
import jtorch.nn.NLLLoss;
import jtorch.nn.Sequential;
import jtorch.nn.functional.F;
import jtorch.optim.Adagrad;
import jtorch.optim.Adam;
import jtorch.optim.AdamW;
import jtorch.optim.CosineAnnealingLR;
import jtorch.optim.ExponentialLR;
import jtorch.optim.RMSprop;
import jtorch.optim.SGD;
import jtorch.optim.StepLR;
import jtorch.simd.BinaryOp;
import jtorch.simd.CompareOp;
import jtorch.simd.Conv;
import jtorch.simd.Elementwise;
import jtorch.simd.Gemm;
import jtorch.simd.Pool;
import jtorch.simd.Reduce;
import jtorch.simd.UnaryOp;
import jtorch.tensor.Creation;
import jtorch.tensor.DType;
import jtorch.tensor.Device;
import jtorch.tensor.Generator;
import jtorch.tensor.NdArray;
import jtorch.tensor.Ops;
import jtorch.tensor.Storage;
import jtorch.vision.datasets.CIFAR10;
import jtorch.vision.datasets.FashionMNIST;
import jtorch.vision.datasets.ImageFolder;
import jtorch.vision.datasets.MNIST;
import jtorch.vision.models.Models;
import jtorch.vision.transforms.ToTensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue: every public entry point fed wrong shapes, dtypes and devices, zero and negative
 * sizes, NaN/Inf, empty batches, out-of-range class indices, wrong channel counts, mismatched state dicts and
 * wrong file types. Each row names the exception type and a message fragment (PyTorch's wording where PyTorch
 * has one); {@link BadInput#check} fails on a raw AIOOBE, NPE, CCE or NegativeArraySizeException. A hang fails
 * through the per-row timeout. The CLI's options have their own table in {@code cli.TrainOptionsBadInputTest}.
 */
@Timeout(30)
class BadInputCatalogueTest {
    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    private static final Class<IllegalStateException> ISE = IllegalStateException.class;
    private static final Class<IOException> IOE = IOException.class;
    /** PyTorch's IndexError ("Dimension out of range", "index 5 is out of bounds"). */
    private static final Class<IndexOutOfBoundsException> IOOBE = IndexOutOfBoundsException.class;
    /** What Torch.load/save and the datasets throw for I/O and format problems (they declare no IOException). */
    private static final Class<java.io.UncheckedIOException> UIOE = java.io.UncheckedIOException.class;
    private static final Path TMP;
    static {
        try {
            TMP = Files.createTempDirectory("bad-input");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var s = Files.walk(TMP)) {
            s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    // ------------------------------------------------------------------------------------------ simd facades

    static Stream<Arguments> simd() {
        BadInput.Table t = new BadInput.Table("simd");
        float[] f8 = new float[8];
        double[] d8 = new double[8];
        boolean[] b8 = new boolean[8];
        // Each contiguous facade: negative n, negative offset, an operand too short, a null operand.
        t.add("unary n < 0", IAE, "unary: n must be >= 0, got -1", () -> Elementwise.unary(UnaryOp.EXP, -1, f8, 0, f8, 0));
        t.add("unary xOff < 0", IAE, "unary: xOff must be >= 0, got -2", () -> Elementwise.unary(UnaryOp.EXP, 4, f8, -2, f8, 0));
        t.add("unary x too short", IAE, "unary: x is too short", () -> Elementwise.unary(UnaryOp.EXP, 9, f8, 0, new float[9], 0));
        t.add("unary y too short", IAE, "unary: y is too short", () -> Elementwise.unary(UnaryOp.EXP, 8, f8, 0, new float[4], 0));
        t.add("unary y offset past end", IAE, "y is too short", () -> Elementwise.unary(UnaryOp.EXP, 4, f8, 0, f8, 5));
        t.add("unary null x", IAE, "unary: x must not be null", () -> Elementwise.unary(UnaryOp.EXP, 4, (float[]) null, 0, f8, 0));
        t.add("unary double n < 0", IAE, "n must be >= 0", () -> Elementwise.unary(UnaryOp.EXP, -3, d8, 0, d8, 0));
        t.add("unary double x too short", IAE, "x is too short", () -> Elementwise.unary(UnaryOp.LOG, 8, d8, 1, d8, 0));
        t.add("binary n < 0", IAE, "binary: n must be >= 0", () -> Elementwise.binary(BinaryOp.ADD, -1, f8, 0, f8, 0, f8, 0));
        t.add("binary a too short", IAE, "binary: a is too short", () -> Elementwise.binary(BinaryOp.ADD, 8, f8, 2, f8, 0, f8, 0));
        t.add("binary b too short", IAE, "binary: b is too short", () -> Elementwise.binary(BinaryOp.ADD, 8, f8, 0, new float[7], 0, f8, 0));
        t.add("binary bOff < 0", IAE, "binary: bOff must be >= 0", () -> Elementwise.binary(BinaryOp.ADD, 8, f8, 0, f8, -1, f8, 0));
        t.add("binary y too short", IAE, "binary: y is too short", () -> Elementwise.binary(BinaryOp.MUL, 8, f8, 0, f8, 0, f8, 1));
        t.add("binary null b", IAE, "binary: b must not be null", () -> Elementwise.binary(BinaryOp.MUL, 8, f8, 0, (float[]) null, 0, f8, 0));
        t.add("binary double y too short", IAE, "y is too short", () -> Elementwise.binary(BinaryOp.SUB, 8, d8, 0, d8, 0, new double[1], 0));
        t.add("binaryScalar n < 0", IAE, "binaryScalar: n must be >= 0", () -> Elementwise.binaryScalar(BinaryOp.ADD, -5, f8, 0, 1f, f8, 0));
        t.add("binaryScalar a too short", IAE, "binaryScalar: a is too short", () -> Elementwise.binaryScalar(BinaryOp.ADD, 9, f8, 0, 1f, new float[9], 0));
        t.add("binaryScalar double y too short", IAE, "y is too short", () -> Elementwise.binaryScalar(BinaryOp.DIV, 8, d8, 0, 2.0, d8, 4));
        t.add("fill n < 0", IAE, "fill: n must be >= 0", () -> Elementwise.fill(-1, 0f, f8, 0));
        t.add("fill past end", IAE, "fill: y is too short", () -> Elementwise.fill(8, 0f, f8, 3));
        t.add("fill double yOff < 0", IAE, "fill: yOff must be >= 0", () -> Elementwise.fill(1, 0.0, d8, -1));
        t.add("fill null", IAE, "fill: y must not be null", () -> Elementwise.fill(1, 0f, (float[]) null, 0));
        t.add("axpy x too short", IAE, "axpy: x is too short", () -> Elementwise.axpy(8, 1f, new float[2], 0, f8, 0));
        t.add("axpy y too short", IAE, "axpy: y is too short", () -> Elementwise.axpy(8, 1f, f8, 0, new float[2], 0));
        t.add("axpy double n < 0", IAE, "axpy: n must be >= 0", () -> Elementwise.axpy(-8, 1.0, d8, 0, d8, 0));
        t.add("axpby y too short", IAE, "axpby: y is too short", () -> Elementwise.axpby(8, 1f, f8, 0, 1f, f8, 2));
        t.add("axpby double xOff < 0", IAE, "axpby: xOff must be >= 0", () -> Elementwise.axpby(2, 1.0, d8, -4, 1.0, d8, 0));
        t.add("fma c too short", IAE, "fma: c is too short", () -> Elementwise.fma(8, f8, 0, f8, 0, new float[3], 0, f8, 0));
        t.add("fma y too short", IAE, "fma: y is too short", () -> Elementwise.fma(8, f8, 0, f8, 0, f8, 0, f8, 7));
        t.add("fma double n < 0", IAE, "fma: n must be >= 0", () -> Elementwise.fma(-1, d8, 0, d8, 0, d8, 0, d8, 0));
        t.add("scaleShift x too short", IAE, "scaleShift: x is too short", () -> Elementwise.scaleShift(8, f8, 1, 2f, 1f, f8, 0));
        t.add("scaleShift double y null", IAE, "scaleShift: y must not be null", () -> Elementwise.scaleShift(8, d8, 0, 2.0, 1.0, (double[]) null, 0));
        t.add("compare y too short", IAE, "compare: y is too short", () -> Elementwise.compare(CompareOp.LT, 8, f8, 0, f8, 0, new boolean[2], 0));
        t.add("compare b too short", IAE, "compare: b is too short", () -> Elementwise.compare(CompareOp.EQ, 8, d8, 0, d8, 6, b8, 0));
        t.add("compareScalar n < 0", IAE, "compareScalar: n must be >= 0", () -> Elementwise.compareScalar(CompareOp.GT, -1, f8, 0, 0f, b8, 0));
        t.add("compareScalar double a too short", IAE, "compareScalar: a is too short", () -> Elementwise.compareScalar(CompareOp.GT, 8, d8, 2, 0.0, b8, 0));
        t.add("where cond too short", IAE, "where: cond is too short", () -> Elementwise.where(8, new boolean[1], 0, f8, 0, f8, 0, f8, 0));
        t.add("where b too short", IAE, "where: b is too short", () -> Elementwise.where(8, b8, 0, f8, 0, new float[1], 0, f8, 0));
        t.add("where double cOff < 0", IAE, "where: cOff must be >= 0", () -> Elementwise.where(8, b8, -1, d8, 0, d8, 0, d8, 0));
        t.add("reluBackward gx too short", IAE, "reluBackward: gx is too short", () -> Elementwise.reluBackward(8, f8, 0, f8, 0, new float[7], 0));
        t.add("reluBackward double y too short", IAE, "reluBackward: y is too short", () -> Elementwise.reluBackward(8, d8, 0, d8, 3, d8, 0));
        // Strided forms: strides of the wrong rank, a stride that walks off the end, a negative offset.
        t.add("binaryStrided strides rank", IAE, "aStrides must have one stride per dimension (2), got 1", () ->
                Elementwise.binaryStrided(BinaryOp.ADD, new int[] {2, 4}, f8, 0, new int[] {4}, f8, 0, new int[] {4, 1}, f8, 0, new int[] {4, 1}));
        t.add("binaryStrided out of bounds", IAE, "binaryStrided: b indices from 0 to 11", () ->
                Elementwise.binaryStrided(BinaryOp.ADD, new int[] {2, 4}, f8, 0, new int[] {4, 1}, f8, 0, new int[] {8, 1}, f8, 0, new int[] {4, 1}));
        t.add("binaryStrided negative shape", IAE, "binaryStrided: shape[0] must be >= 0, got -2", () ->
                Elementwise.binaryStrided(BinaryOp.ADD, new int[] {-2, 4}, f8, 0, new int[] {4, 1}, f8, 0, new int[] {4, 1}, f8, 0, new int[] {4, 1}));
        t.add("binaryStrided double y offset", IAE, "binaryStrided: y indices", () ->
                Elementwise.binaryStrided(BinaryOp.ADD, new int[] {8}, d8, 0, new int[] {1}, d8, 0, new int[] {0}, d8, 1, new int[] {1}));
        t.add("unaryStrided negative stride", IAE, "unaryStrided: x indices from -3", () ->
                Elementwise.unaryStrided(UnaryOp.NEG, new int[] {4}, f8, 0, new int[] {-1}, f8, 0, new int[] {1}));
        t.add("unaryStrided null strides", IAE, "yStrides must have one stride per dimension", () ->
                Elementwise.unaryStrided(UnaryOp.NEG, new int[] {4}, d8, 0, new int[] {1}, d8, 0, null));
        t.add("copyStrided too short", IAE, "copyStrided: y indices from 0 to 8", () ->
                Elementwise.copyStrided(new int[] {3, 3}, new float[9], 0, new int[] {3, 1}, f8, 0, new int[] {3, 1}));
        t.add("copyStrided long", IAE, "copyStrided: x indices", () ->
                Elementwise.copyStrided(new int[] {9}, new long[8], 0, new int[] {1}, new long[9], 0, new int[] {1}));
        t.add("copyStrided bool", IAE, "copyStrided: x indices", () ->
                Elementwise.copyStrided(new int[] {2}, b8, 7, new int[] {1}, b8, 0, new int[] {1}));
        t.add("copyStrided double null shape", IAE, "copyStrided: shape must not be null", () ->
                Elementwise.copyStrided(null, d8, 0, new int[] {1}, d8, 0, new int[] {1}));
        // Reductions.
        t.add("sum n < 0", IAE, "sum: n must be >= 0, got -1", () -> Reduce.sum(-1, f8, 0));
        t.add("sum past end", IAE, "sum: x is too short", () -> Reduce.sum(8, f8, 1));
        t.add("sum double off < 0", IAE, "sum: off must be >= 0", () -> Reduce.sum(1, d8, -1));
        t.add("sumStrided past end", IAE, "sumStrided: 4 elements of x at off=0 with stride 3 reach index 9", () -> Reduce.sumStrided(4, f8, 0, 3));
        t.add("sumStrided negative reach", IAE, "reach index -4", () -> Reduce.sumStrided(3, d8, 2, -3));
        t.add("max empty", IAE, "max", () -> Reduce.max(0, f8, 0));
        t.add("max past end", IAE, "max: x is too short", () -> Reduce.max(9, f8, 0));
        t.add("argmax double too short", IAE, "argmax: x is too short", () -> Reduce.argmax(5, d8, 4));
        t.add("min null", IAE, "min: x must not be null", () -> Reduce.min(3, (float[]) null, 0));
        t.add("dot b too short", IAE, "dot: b is too short", () -> Reduce.dot(8, f8, 0, new float[4], 0));
        t.add("dot double n < 0", IAE, "dot: n must be >= 0", () -> Reduce.dot(-2, d8, 0, d8, 0));
        t.add("logSumExpRows out too short", IAE, "logSumExpRows: out is too short", () -> Reduce.logSumExpRows(2, 4, f8, 0, 4, new float[1], 0));
        t.add("logSumExpRows ldx < cols", IAE, "logSumExpRows: ldx must be >= cols=4, got 2", () -> Reduce.logSumExpRows(2, 4, f8, 0, 2, f8, 0));
        t.add("softmaxRows x too short", IAE, "softmaxRows: x is too short", () -> Reduce.softmaxRows(3, 4, f8, 0, 4, new float[12], 0, 4));
        t.add("softmaxRows negative rows", IAE, "softmaxRows: rows must be >= 0", () -> Reduce.softmaxRows(-1, 4, d8, 0, 4, d8, 0, 4));
        t.add("logSoftmaxRows y too short", IAE, "logSoftmaxRows: y is too short", () -> Reduce.logSoftmaxRows(2, 4, f8, 0, 4, new float[7], 0, 4));
        t.add("logSoftmaxRows double negative cols", IAE, "logSoftmaxRows: cols must be >= 0", () -> Reduce.logSoftmaxRows(2, -4, d8, 0, 4, d8, 0, 4));
        // im2col/col2im and pooling.
        t.add("im2col x too short", IAE, "im2col: x is too short", () -> Conv.im2col(new float[3], 0, 1, 2, 2, 2, 2, 0, 0, 1, 1, 1, 1, new float[4], 0));
        t.add("im2col col too short", IAE, "im2col: col is too short", () -> Conv.im2col(new float[16], 0, 1, 4, 4, 3, 3, 0, 0, 1, 1, 1, 1, new float[10], 0));
        t.add("im2col stride 0", IAE, "im2col: strideH must be >= 1, got 0", () -> Conv.im2col(new float[16], 0, 1, 4, 4, 3, 3, 0, 0, 0, 1, 1, 1, new float[36], 0));
        t.add("im2col kernel 0", IAE, "im2col: kW must be >= 1, got 0", () -> Conv.im2col(new double[16], 0, 1, 4, 4, 3, 0, 0, 0, 1, 1, 1, 1, new double[36], 0));
        t.add("im2col negative channels", IAE, "im2col: channels must be >= 0, got -1", () -> Conv.im2col(new float[16], 0, -1, 4, 4, 3, 3, 0, 0, 1, 1, 1, 1, new float[36], 0));
        t.add("im2col negative padding", IAE, "im2col: padW must be >= 0, got -1", () -> Conv.im2col(new float[16], 0, 1, 4, 4, 3, 3, 0, -1, 1, 1, 1, 1, new float[36], 0));
        t.add("col2im dilation 0", IAE, "col2im: dilH must be >= 1, got 0", () -> Conv.col2im(new float[36], 0, 1, 4, 4, 3, 3, 0, 0, 1, 1, 0, 1, new float[16], 0));
        t.add("col2im x too short", IAE, "col2im: x is too short", () -> Conv.col2im(new double[36], 0, 1, 4, 4, 3, 3, 0, 0, 1, 1, 1, 1, new double[15], 0));
        t.add("maxPool2dForward y too short", IAE, "maxPool2dForward: y is too short", () ->
                Pool.maxPool2dForward(1, new float[16], 0, 4, 4, 2, 2, 2, 2, 0, 0, 1, 1, 2, 2, new float[3], 0, new int[4], 0));
        t.add("maxPool2dForward argmax too short", IAE, "maxPool2dForward: argmax is too short", () ->
                Pool.maxPool2dForward(1, new double[16], 0, 4, 4, 2, 2, 2, 2, 0, 0, 1, 1, 2, 2, new double[4], 0, new int[3], 0));
        t.add("maxPool2dForward stride 0", IAE, "maxPool2dForward: strideW must be >= 1, got 0", () ->
                Pool.maxPool2dForward(1, new float[16], 0, 4, 4, 2, 2, 2, 0, 0, 0, 1, 1, 2, 2, new float[4], 0, new int[4], 0));
        t.add("maxPool2dForward negative planes", IAE, "maxPool2dForward: planes must be >= 0", () ->
                Pool.maxPool2dForward(-1, new float[16], 0, 4, 4, 2, 2, 2, 2, 0, 0, 1, 1, 2, 2, new float[4], 0, new int[4], 0));
        t.add("maxPool2dBackward gx too short", IAE, "maxPool2dBackward: gx is too short", () ->
                Pool.maxPool2dBackward(1, new float[4], 0, new int[4], 0, 2, 2, new float[15], 0, 4, 4));
        t.add("maxPool2dBackward double gy too short", IAE, "maxPool2dBackward: gy is too short", () ->
                Pool.maxPool2dBackward(1, new double[3], 0, new int[4], 0, 2, 2, new double[16], 0, 4, 4));
        t.add("avgPool2dForward x too short", IAE, "avgPool2dForward: x is too short", () ->
                Pool.avgPool2dForward(2, new float[16], 0, 4, 4, 2, 2, 2, 2, 0, 0, 2, 2, true, new float[8], 0));
        t.add("avgPool2dForward kernel 0", IAE, "avgPool2dForward: kH must be >= 1, got 0", () ->
                Pool.avgPool2dForward(1, new double[16], 0, 4, 4, 0, 2, 2, 2, 0, 0, 2, 2, true, new double[4], 0));
        t.add("avgPool2dBackward gx too short", IAE, "avgPool2dBackward: gx is too short", () ->
                Pool.avgPool2dBackward(1, new float[4], 0, 4, 4, 2, 2, 2, 2, 0, 0, 2, 2, true, new float[4], 0));
        t.add("avgPool2dBackward negative outH", IAE, "avgPool2dBackward: outH must be >= 0", () ->
                Pool.avgPool2dBackward(1, new double[4], 0, 4, 4, 2, 2, 2, 2, 0, 0, -2, 2, true, new double[16], 0));
        // GEMM (validated before this issue; kept in the table so the catalogue covers every facade).
        t.add("sgemm negative m", IAE, "gemm: m must be >= 0, got -1", () -> Gemm.sgemm(false, false, -1, 2, 2, 1f, f8, 0, 2, f8, 0, 2, 0f, f8, 0, 2));
        t.add("sgemm lda too small", IAE, "gemm: lda must be >= max(1, 4)", () -> Gemm.sgemm(false, false, 2, 2, 4, 1f, f8, 0, 2, f8, 0, 2, 0f, f8, 0, 2));
        t.add("sgemm b too short", IAE, "gemm: b is too short", () -> Gemm.sgemm(false, false, 2, 4, 4, 1f, f8, 0, 4, f8, 0, 4, 0f, f8, 0, 4));
        t.add("sgemm null c", IAE, "gemm: c must not be null", () -> Gemm.sgemm(false, false, 2, 2, 2, 1f, f8, 0, 2, f8, 0, 2, 0f, (float[]) null, 0, 2));
        t.add("dgemm negative offset", IAE, "gemm: aOff must be >= 0", () -> Gemm.dgemm(false, false, 2, 2, 2, 1.0, d8, -1, 2, d8, 0, 2, 0.0, d8, 0, 2));
        return t.arguments();
    }

    // ------------------------------------------------------------------------------------------ tensor core

    static Stream<Arguments> tensorCore() {
        BadInput.Table t = new BadInput.Table("tensor");
        NdArray a23 = NdArray.zeros(DType.FLOAT32, 2, 3);
        NdArray a34 = NdArray.zeros(DType.FLOAT32, 3, 4);
        t.add("zeros negative size", IAE, "negative dimension -1", () -> NdArray.zeros(DType.FLOAT32, 2, -1));
        t.add("zeros numel overflow", IAE, "", () -> NdArray.zeros(DType.FLOAT32, 1 << 16, 1 << 16));
        t.add("wrap wrong numel", IAE, "shape '[4]' is invalid for input of size 3", () -> NdArray.wrap(new float[3], 4));
        t.add("wrap unsupported array", IAE, "Unsupported array type int[]", () -> NdArray.wrap(new int[3], 3));
        t.add("view wrong numel", IAE, "shape '[4]' is invalid for input of size 6", () -> a23.view(4));
        t.add("view two -1", IAE, "only one dimension can be inferred", () -> a23.view(-1, -1));
        t.add("view non-contiguous", IAE, "view size is not compatible with input tensor's size and stride", () -> a23.t().view(6));
        t.add("reshape negative", IAE, "invalid shape dimension -2", () -> a23.reshape(-2, 3));
        t.add("permute wrong rank", IAE, "number of dims don't match in permute", () -> a23.permute(0));
        t.add("permute repeated dim", IAE, "permute(): duplicate dims are not allowed.", () -> a23.permute(0, 0));
        t.add("permute out of range", IOOBE, "Dimension out of range (expected to be in range of [-2, 1], but got 2)", () -> a23.permute(0, 2));
        t.add("transpose out of range", IOOBE, "Dimension out of range (expected to be in range of [-2, 1], but got 5)", () -> a23.transpose(0, 5));
        t.add("t of 3-d", IAE, "t() expects a tensor with <= 2 dimensions, but self is 3D", () -> NdArray.zeros(DType.FLOAT32, 1, 2, 3).t());
        t.add("expand incompatible", IAE, "The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1", () -> a23.expand(2, 4));
        t.add("expand fewer dims", IAE, "the number of sizes provided (1) must be greater or equal to the number of dimensions in the tensor (2)", () -> a23.expand(3));
        t.add("narrow past end", IOOBE, "start (2) + length (2) exceeds dimension size (3).", () -> a23.narrow(1, 2, 2));
        t.add("narrow negative length", IAE, "narrow(): length must be non-negative.", () -> a23.narrow(1, 0, -1));
        t.add("select out of range", IOOBE, "index 3 is out of bounds for dimension 1 with size 3", () -> a23.select(1, 3));
        t.add("select negative out of range", IOOBE, "index -3 is out of bounds for dimension 0 with size 2", () -> a23.select(0, -3));
        t.add("slice step 0", IAE, "slice step must be positive", () -> a23.slice(1, 0, 3, 0));
        t.add("squeeze dim out of range", IOOBE, "Dimension out of range", () -> a23.squeeze(2));
        t.add("unsqueeze out of range", IOOBE, "Dimension out of range (expected to be in range of [-3, 2], but got 3)", () -> a23.unsqueeze(3));
        t.add("flatten start > end", IAE, "flatten() has invalid args: start_dim cannot come after end_dim", () -> a23.flatten(1, 0));
        t.add("size dim out of range", IOOBE, "Dimension out of range", () -> a23.size(2));
        t.add("item of 6 elements", IAE, "a Tensor with 6 elements cannot be converted to Scalar", () -> a23.item());
        t.add("binary broadcast mismatch", IAE, "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1", () -> Ops.binary(jtorch.simd.BinaryOp.ADD, a23, a34));
        t.add("compare broadcast mismatch", IAE, "must match the size of tensor b", () -> Ops.compare(CompareOp.LT, a23, a34));
        t.add("where mismatch", IAE, "must match the size", () -> Ops.where(NdArray.zeros(DType.BOOL, 5), a23, a23));
        t.add("where non-bool condition", IAE, "where expected condition to be a boolean tensor, but got a tensor with dtype Float", () -> Ops.where(a23, a23, a23));
        t.add("in-place broadcast to bigger", IAE, "output with shape [2, 3] doesn't match the broadcast shape [4, 2, 3]", () -> Ops.binaryInPlace(jtorch.simd.BinaryOp.ADD, a23, NdArray.zeros(DType.FLOAT32, 4, 2, 3)));
        t.add("sum dim out of range", IOOBE, "Dimension out of range (expected to be in range of [-2, 1], but got 2)", () -> Ops.sum(a23, new int[] {2}, false));
        t.add("sum repeated dim", IAE, "appears multiple times in the list of dims", () -> Ops.sum(a23, new int[] {1, 1}, false));
        t.add("argmax of empty", IAE, "argmax(): Expected reduction dim to be specified for input.numel() == 0", () -> Ops.argReduce(true, NdArray.zeros(DType.FLOAT32, 0), null, false));
        t.add("max of empty", IAE, "max(): Expected reduction dim 0 to have non-zero size.", () -> Ops.reduce(jtorch.tensor.ReduceOp.MAX, NdArray.zeros(DType.FLOAT32, 0), null, false));
        t.add("softmax dim out of range", IOOBE, "Dimension out of range", () -> Ops.softmax(a23, 2, false));
        t.add("matmul mismatch", IAE, "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", () -> Ops.matmul(a23, a23));
        t.add("matmul 0-d", IAE, "both arguments to matmul need to be at least 1D, but they are 0D and 2D", () -> Ops.matmul(NdArray.scalar(1f), a23));
        t.add("matmul of int64 is valid (as PyTorch on the CPU)", null, null, () -> Ops.matmul(NdArray.zeros(DType.INT64, 2, 3), NdArray.zeros(DType.INT64, 3, 2)));
        t.add("matmul dtype mismatch", IAE, "expected scalar type Float but found Double", () -> Ops.matmul(a23, NdArray.zeros(DType.FLOAT64, 3, 2)));
        t.add("bmm 2-d", IAE, "batch1 must be a 3D tensor", () -> Ops.bmm(a23, a34));
        t.add("bmm batch mismatch", IAE, "Expected size for first two dimensions of batch2 tensor to be: [2, 2] but got: [3, 2].", () -> Ops.bmm(NdArray.zeros(DType.FLOAT32, 2, 2, 2), NdArray.zeros(DType.FLOAT32, 3, 2, 2)));
        t.add("cat empty list", IAE, "torch.cat(): expected a non-empty list of Tensors", () -> Ops.cat(List.of(), 0));
        t.add("cat shape mismatch", IAE, "Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 for tensor number 1 in the list.", () -> Ops.cat(List.of(a23, a34), 0));
        t.add("cat rank mismatch", IAE, "Tensors must have same number of dimensions: got 2 and 1", () -> Ops.cat(List.of(a23, NdArray.zeros(DType.FLOAT32, 3)), 0));
        t.add("cat dim out of range", IOOBE, "Dimension out of range", () -> Ops.cat(List.of(a23, a23), 3));
        t.add("stack shape mismatch", IAE, "stack expects each tensor to be equal size, but got [2, 3] at entry 0 and [3, 4] at entry 1", () -> Ops.stack(List.of(a23, a34), 0));
        t.add("stack empty", IAE, "stack expects a non-empty TensorList", () -> Ops.stack(List.of(), 0));
        t.add("indexSelect out of range", IOOBE, "index out of range in self", () -> Ops.indexSelect(a23, 0, NdArray.wrap(new long[] {2}, 1)));
        t.add("indexSelect negative", IOOBE, "index out of range in self", () -> Ops.indexSelect(a23, 1, NdArray.wrap(new long[] {-7}, 1)));
        t.add("indexSelect float index", IAE, "index_select(): Expected dtype int64 for index", () -> Ops.indexSelect(a23, 0, NdArray.wrap(new float[] {0}, 1)));
        t.add("gather out of range", IOOBE, "index 5 is out of bounds for dimension 1 with size 3", () -> Ops.gather(a23, 1, NdArray.wrap(new long[] {5, 0}, 2, 1)));
        t.add("gather rank mismatch", IAE, "Index tensor must have the same number of dimensions as input tensor", () -> Ops.gather(a23, 1, NdArray.wrap(new long[] {0}, 1)));
        t.add("scatterAdd out of range", IOOBE, "index 9 is out of bounds for dimension 0 with size 2", () -> Ops.scatterAdd(a23, 0, NdArray.wrap(new long[] {9, 0, 0}, 1, 3), NdArray.zeros(DType.FLOAT32, 1, 3)));
        t.add("arange step 0", IAE, "step must be nonzero", () -> Creation.arange(DType.FLOAT32, 0, 10, 0));
        t.add("arange wrong sign", IAE, "upper bound and larger bound inconsistent with step sign", () -> Creation.arange(DType.FLOAT32, 0, 10, -1));
        t.add("arange NaN", IAE, "", () -> Creation.arange(DType.FLOAT32, 0, Double.NaN, 1));
        t.add("arange Inf", IAE, "", () -> Creation.arange(DType.FLOAT32, 0, Double.POSITIVE_INFINITY, 1));
        t.add("linspace negative steps", IAE, "number of steps must be non-negative", () -> Creation.linspace(DType.FLOAT32, 0, 1, -1));
        t.add("eye negative", IAE, "n must be greater or equal to 0, got -1", () -> Creation.eye(DType.FLOAT32, -1, 2));
        t.add("eye negative m", IAE, "m must be greater or equal to 0, got -2", () -> Creation.eye(DType.FLOAT32, 2, -2));
        t.add("rand negative", IAE, "negative dimension", () -> Creation.rand(new Generator(0), DType.FLOAT32, -1));
        t.add("rand int64", IAE, "", () -> Creation.rand(new Generator(0), DType.INT64, 2));
        t.add("randn negative", IAE, "negative dimension", () -> Creation.randn(new Generator(0), DType.FLOAT32, 3, -3));
        t.add("uniform from > to", IAE, "uniform_ expects to return a [from, to) range, but found from=2 > to=1", () -> Creation.uniform(new Generator(0), DType.FLOAT32, 2, 1, 3));
        t.add("normal negative std", IAE, "normal expects std >= 0.0, but found std -1", () -> Creation.normal(new Generator(0), DType.FLOAT32, 0, -1, 3));
        t.add("randint empty range", IAE, "random_ expects 'from' to be less than 'to', but got from=5 >= to=5", () -> Creation.randint(new Generator(0), 5, 5, 2));
        t.add("full negative", IAE, "negative dimension", () -> Creation.full(DType.FLOAT32, 1, -4));
        t.add("storage negative", IAE, "Storage size must be non-negative, but got -1", () -> jtorch.tensor.CpuStorage.allocate(DType.FLOAT32, -1));
        t.add("generator bad state", IAE, "", () -> new Generator(0).setState(new long[] {1, 2}));
        t.add("to missing device", IAE, "", () -> a23.toDevice(jtorch.tensor.Backends.forDevice(Device.opencl(99))));
        return t.arguments();
    }

    // ------------------------------------------------------------------------------------------ autograd Tensor/Torch

    static Stream<Arguments> autograd() {
        BadInput.Table t = new BadInput.Table("autograd");
        t.add("backward of non-scalar", ISE, "grad can be implicitly created only for scalar outputs", () ->
                Torch.ones(2, 3).requiresGrad(true).mul(2.0).backward());
        t.add("backward without grad_fn", ISE, "element 0 of tensors does not require grad and does not have a grad_fn", () ->
                Torch.ones(1).backward());
        t.add("backward twice", ISE, "Trying to backward through the graph a second time", () -> {
            Tensor x = Torch.ones(2).requiresGrad(true);
            Tensor y = x.exp().sum();
            y.backward();
            y.backward();
        });
        t.add("backward gradient shape", IAE, "Mismatch in shape: grad_output[0] has a shape of [3] and output[0] has a shape of [2]", () ->
                Torch.ones(2).requiresGrad(true).mul(2.0).backward(Torch.ones(3)));
        t.add("requiresGrad on int64", IAE, "only Tensors of floating point dtype can require gradients", () ->
                Torch.tensor(new long[] {1, 2}).requiresGrad(true));
        t.add("requiresGrad false on non-leaf", ISE, "you can only change requires_grad flags of leaf variables.", () ->
                Torch.ones(2).requiresGrad(true).mul(2.0).requiresGrad(false));
        t.add("grad of unused input", ISE, "appears to not have been used in the graph", () -> {
            Tensor x = Torch.ones(2).requiresGrad(true);
            Tensor z = Torch.ones(2).requiresGrad(true);
            Autograd.grad(List.of(x.sum()), List.of(z));
        });
        t.add("grad of input without grad", ISE, "One of the differentiated Tensors does not require grad", () -> {
            Tensor x = Torch.ones(2).requiresGrad(true);
            Autograd.grad(List.of(x.sum()), List.of(Torch.ones(2)));
        });
        t.add("item of a vector", IAE, "a Tensor with 3 elements cannot be converted to Scalar", () -> Torch.ones(3).item());
        t.add("add shape mismatch", IAE, "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0", () -> Torch.ones(3).add(Torch.ones(2)));
        t.add("mul shape mismatch", IAE, "must match the size of tensor b", () -> Torch.ones(2, 3).mul(Torch.ones(3, 2)));
        t.add("matmul mismatch", IAE, "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", () -> Torch.ones(2, 3).matmul(Torch.ones(2, 3)));
        t.add("mm of 1-d", IAE, "self must be a matrix", () -> Torch.ones(3).mm(Torch.ones(3, 2)));
        t.add("bmm of 2-d", IAE, "batch1 must be a 3D tensor", () -> Torch.ones(2, 3).bmm(Torch.ones(3, 2)));
        t.add("view wrong size", IAE, "shape '[5]' is invalid for input of size 6", () -> Torch.ones(2, 3).view(5));
        t.add("reshape wrong size", IAE, "shape '[4, 2]' is invalid for input of size 6", () -> Torch.ones(2, 3).reshape(4, 2));
        t.add("permute wrong count", IAE, "number of dims don't match in permute", () -> Torch.ones(2, 3).permute(1, 0, 2));
        t.add("transpose out of range", IOOBE, "Dimension out of range", () -> Torch.ones(2, 3).transpose(0, 2));
        t.add("narrow out of range", IOOBE, "exceeds dimension size", () -> Torch.ones(2, 3).narrow(0, 1, 5));
        t.add("select out of range", IOOBE, "index 2 is out of bounds for dimension 0 with size 2", () -> Torch.ones(2, 3).select(0, 2));
        t.add("sum dim out of range", IOOBE, "Dimension out of range", () -> Torch.ones(2, 3).sum(-3, false));
        t.add("mean of int64", IAE, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long", () -> Torch.tensor(new long[] {1, 2}).mean());
        t.add("argmax dim out of range", IOOBE, "Dimension out of range", () -> Torch.ones(2, 3).argmax(4));
        t.add("max of empty", IAE, "Expected reduction dim 0 to have non-zero size.", () -> Torch.zeros(0).max());
        t.add("amax of empty dim", IAE, "Expected reduction dim 0 to have non-zero size.", () -> Torch.zeros(0, 3).amax(0, false));
        t.add("softmax dim out of range", IOOBE, "Dimension out of range", () -> Torch.ones(2, 3).softmax(2));
        t.add("indexSelect out of range", IOOBE, "index out of range in self", () -> Torch.ones(2, 3).indexSelect(0, Torch.tensor(new long[] {3})));
        t.add("gather out of range", IOOBE, "out of bounds for dimension 1 with size 3", () -> Torch.ones(2, 3).gather(1, Torch.reshape(Torch.tensor(new long[] {0, 7}), 2, 1)));
        t.add("expand incompatible", IAE, "The expanded size of the tensor", () -> Torch.ones(2, 3).expand(2, 2));
        t.add("cat mismatch", IAE, "Sizes of tensors must match except in dimension 0", () -> Torch.cat(List.of(Torch.ones(2, 3), Torch.ones(2, 2)), 0));
        t.add("stack mismatch", IAE, "stack expects each tensor to be equal size", () -> Torch.stack(List.of(Torch.ones(2), Torch.ones(3))));
        t.add("where non-bool", IAE, "where expected condition to be a boolean tensor", () -> Torch.where(Torch.ones(2), Torch.ones(2), Torch.ones(2)));
        t.add("zeros negative", IAE, "negative dimension", () -> Torch.zeros(-1));
        t.add("ones negative", IAE, "negative dimension", () -> Torch.ones(2, -2));
        t.add("full negative", IAE, "negative dimension", () -> Torch.full(new int[] {-3}, 1.0));
        t.add("arange step 0", IAE, "step must be nonzero", () -> Torch.arange(0, 1, 0));
        t.add("arange infinite end", IAE, "", () -> Torch.arange(0, Double.POSITIVE_INFINITY, 1));
        t.add("linspace negative", IAE, "number of steps must be non-negative", () -> Torch.linspace(0, 1, -2));
        t.add("eye negative", IAE, "n must be greater or equal to 0", () -> Torch.eye(-2));
        t.add("rand negative", IAE, "negative dimension", () -> Torch.rand(-2));
        t.add("randn negative", IAE, "negative dimension", () -> Torch.randn(2, -2));
        t.add("randint low >= high", IAE, "random_ expects 'from' to be less than 'to'", () -> Torch.randint(3, 3, 2));
        t.add("randperm negative", IAE, "n must be non-negative, got-1", () -> Torch.randperm(-1, new Generator(0)));
        t.add("tensor with wrong shape", IAE, "shape '[2, 2]' is invalid for input of size 3", () -> Torch.tensor(new float[] {1, 2, 3}, 2, 2));
        t.add("setNumThreads 0", IAE, "set_num_threads expects a positive integer", () -> Torch.setNumThreads(0));
        t.add("to absent OpenCL device", IAE, "", () -> Torch.ones(2).to(Device.opencl(99)));
        t.add("pow of int by negative", IAE, "Integers to negative integer powers are not allowed.", () -> Torch.tensor(new long[] {2}).pow(-1));
        t.add("clamp with a NaN bound is valid (NaN result, as PyTorch)", null, null, () -> Torch.ones(2).clamp(Double.NaN, 1.0));
        t.add("load missing file", UIOE, "No such file or directory", () -> Torch.load(TMP.resolve("missing.pth")));
        return t.arguments();
    }

    // ------------------------------------------------------------------------------------------ F.* and nn

    static Stream<Arguments> functional() {
        BadInput.Table t = new BadInput.Table("F");
        Tensor x4 = Torch.randn(new Generator(0), 2, 3, 8, 8);
        Tensor w = Torch.randn(new Generator(1), 4, 3, 3, 3);
        Tensor logits = Torch.randn(new Generator(2), 4, 10);
        t.add("conv2d wrong channels", IAE, "Given groups=1, weight of size [4, 3, 3, 3], expected input[2, 1, 8, 8] to have 3 channels, but got 1 channels instead", () -> F.conv2d(Torch.ones(2, 1, 8, 8), w, null));
        t.add("conv2d 2-d input", IAE, "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [8, 8]", () -> F.conv2d(Torch.ones(8, 8), w, null));
        t.add("conv2d 3-d weight", IAE, "weight", () -> F.conv2d(x4, Torch.ones(4, 3, 3), null));
        t.add("conv2d bias size", IAE, "Given weight of size [4, 3, 3, 3], expected bias to be 1-dimensional with 4 elements, but got bias of size [3] instead", () -> F.conv2d(x4, w, Torch.ones(3)));
        t.add("conv2d kernel larger than input", IAE, "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size", () -> F.conv2d(Torch.ones(1, 3, 2, 2), w, null));
        t.add("conv2d empty kernel", IAE, "non-positive kernel size is not supported", () -> F.conv2d(x4, Torch.ones(4, 3, 0, 3), null));
        t.add("conv2d stride 0", IAE, "non-positive stride is not supported", () -> F.conv2d(x4, w, null, 0, 0));
        t.add("conv2d negative padding", IAE, "negative padding is not supported", () -> F.conv2d(x4, w, null, 1, -1));
        t.add("conv2d dtype mismatch", IAE, "expected scalar type Double but found Float", () -> F.conv2d(x4.to(DType.FLOAT64), w, null));
        t.add("conv2d int64 input", IAE, "", () -> F.conv2d(Torch.zeros(DType.INT64, 1, 3, 4, 4), w, null));
        t.add("conv2d empty batch", null, null, () -> F.conv2d(Torch.zeros(0, 3, 8, 8), w, null));
        t.add("maxPool2d kernel 0", IAE, "kernel_size must be greater than zero", () -> F.maxPool2d(x4, 0));
        t.add("maxPool2d kernel larger than input", IAE, "Output size is too small", () -> F.maxPool2d(Torch.ones(1, 1, 2, 2), 3));
        t.add("maxPool2d padding too big", IAE, "pad should be at most half of kernel size, but got pad=2 and kernel_size=2", () -> F.maxPool2d(x4, 2, 2, 2, 1, false));
        t.add("maxPool2d stride 0", IAE, "stride must be greater than zero", () -> F.maxPool2d(x4, 2, 0, 0, 1, false));
        t.add("maxPool2d dilation 0", IAE, "dilation must be greater than zero", () -> F.maxPool2d(x4, 2, 2, 0, 0, false));
        t.add("maxPool2d 2-d input", IAE, "non-empty 3D or 4D (batch mode) tensor expected for input", () -> F.maxPool2d(Torch.ones(4, 4), 2));
        t.add("avgPool2d kernel 0", IAE, "", () -> F.avgPool2d(x4, 0));
        t.add("avgPool2d 5-d input", IAE, "non-empty 3D or 4D (batch mode) tensor expected for input", () -> F.avgPool2d(Torch.ones(1, 1, 1, 4, 4), 2));
        t.add("adaptiveAvgPool2d 0 output", IAE, "", () -> F.adaptiveAvgPool2d(x4, 0));
        t.add("adaptiveAvgPool2d negative output", IAE, "", () -> F.adaptiveAvgPool2d(x4, -1));
        t.add("adaptiveMaxPool2d 2-d input", IAE, "", () -> F.adaptiveMaxPool2d(Torch.ones(4, 4), 2));
        t.add("linear wrong features", IAE, "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", () -> F.linear(Torch.ones(2, 3), Torch.ones(5, 4), null));
        t.add("linear bias size", IAE, "", () -> F.linear(Torch.ones(2, 4), Torch.ones(5, 4), Torch.ones(3)));
        t.add("linear 0-d input", IAE, "", () -> F.linear(Torch.tensor(1f), Torch.ones(5, 4), null));
        t.add("softmax dim out of range", IOOBE, "Dimension out of range", () -> F.softmax(logits, 2));
        t.add("logSoftmax dim out of range", IOOBE, "Dimension out of range", () -> F.logSoftmax(logits, -3));
        t.add("dropout p > 1", IAE, "dropout probability has to be between 0 and 1, but got 1.5", () -> F.dropout(logits, 1.5));
        t.add("dropout p < 0", IAE, "dropout probability has to be between 0 and 1, but got -0.1", () -> F.dropout(logits, -0.1));
        t.add("dropout p NaN", IAE, "dropout probability has to be between 0 and 1, but got NaN", () -> F.dropout(logits, Double.NaN));
        t.add("gelu bad approximate", IAE, "approximate argument must be either none or tanh.", () -> F.gelu(logits, "fast"));
        t.add("batchNorm wrong channels", IAE, "running_mean should contain 3 elements not 5", () -> F.batchNorm(x4, Torch.zeros(5), Torch.ones(5)));
        t.add("batchNorm training one value per channel", IAE, "Expected more than 1 value per channel when training, got input size torch.Size([1, 3])", () -> F.batchNorm(Torch.ones(1, 3), null, null, null, null, true, 0.1, 1e-5));
        t.add("layerNorm wrong shape", IAE, "Given normalized_shape=[5], expected input with shape [*, 5], but got input of size[4, 10]", () -> F.layerNorm(logits, new int[] {5}));
        t.add("layerNorm weight shape", IAE, "", () -> F.layerNorm(logits, new int[] {10}, Torch.ones(3), null));
        t.add("flatten start > end", IAE, "flatten() has invalid args: start_dim cannot come after end_dim", () -> F.flatten(x4, 3, 1));
        t.add("flatten dim out of range", IOOBE, "Dimension out of range", () -> F.flatten(x4, 5));
        t.add("pad odd length", IAE, "Padding length must be divisible by 2", () -> F.pad(x4, new int[] {1, 1, 1}));
        t.add("pad too long", IAE, "Padding length should be less than or equal to two times the input dimension but got padding length 10 and input of dimension 4", () -> F.pad(x4, new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
        t.add("pad unknown mode", IAE, "", () -> F.pad(x4, new int[] {1, 1}, "mirror"));
        t.add("pad reflect too large", IAE, "Padding size should be less than the corresponding input dimension, but got: padding (9, 9) at dimension 3 of input [2, 3, 8, 8]", () -> F.pad(x4, new int[] {9, 9}, "reflect"));
        t.add("crossEntropy target out of range", IOOBE, "Target 10 is out of bounds.", () -> F.crossEntropy(logits, Torch.tensor(new long[] {0, 1, 10, 2})));
        t.add("crossEntropy negative target", IOOBE, "Target -3 is out of bounds.", () -> F.crossEntropy(logits, Torch.tensor(new long[] {0, 1, -3, 2})));
        t.add("crossEntropy batch mismatch", IAE, "Expected input batch_size (4) to match target batch_size (3).", () -> F.crossEntropy(logits, Torch.tensor(new long[] {0, 1, 2})));
        t.add("crossEntropy float target wrong shape", IAE, "", () -> F.crossEntropy(logits, Torch.ones(4, 3)));
        t.add("crossEntropy bool target", IAE, "", () -> F.crossEntropy(logits, Torch.tensor(new boolean[] {true, false, true, false})));
        t.add("crossEntropy 0-d input", IAE, "", () -> F.crossEntropy(Torch.tensor(1f), Torch.tensor(new long[] {0})));
        t.add("crossEntropy weight size", IAE, "weight tensor should be defined either for all 10 classes or no classes but got weight tensor of shape: [3]", () -> F.crossEntropy(logits, Torch.tensor(new long[] {0, 1, 2, 3}), Torch.ones(3), -100, jtorch.nn.Reduction.MEAN, 0.0));
        t.add("crossEntropy label smoothing > 1", IAE, "label_smoothing must be between 0.0 and 1.0. Got: 1.5", () -> F.crossEntropy(logits, Torch.tensor(new long[] {0, 1, 2, 3}), null, -100, jtorch.nn.Reduction.MEAN, 1.5));
        t.add("nllLoss target out of range", IOOBE, "Target 11 is out of bounds.", () -> F.nllLoss(logits, Torch.tensor(new long[] {0, 1, 11, 2})));
        t.add("nllLoss 3-d target for 2-d input", IAE, "", () -> F.nllLoss(logits, Torch.zeros(DType.INT64, 4, 2)));
        t.add("nllLoss float target", IAE, "", () -> F.nllLoss(logits, Torch.zeros(4)));
        t.add("mseLoss shape mismatch", IAE, "The size of tensor a (3) must match the size of tensor b (2)", () -> F.mseLoss(Torch.ones(3), Torch.ones(2)));
        t.add("l1Loss shape mismatch", IAE, "must match the size of tensor b", () -> F.l1Loss(Torch.ones(2, 3), Torch.ones(3, 2)));
        t.add("smoothL1Loss negative beta", IAE, "smooth_l1_loss does not support negative values for beta.", () -> F.smoothL1Loss(Torch.ones(2), Torch.ones(2), jtorch.nn.Reduction.MEAN, -1));
        t.add("huberLoss negative delta", IAE, "huber_loss does not support non-positive values for delta.", () -> F.huberLoss(Torch.ones(2), Torch.ones(2), jtorch.nn.Reduction.MEAN, -1));
        t.add("hardtanh with min > max is valid (clamps to max, as PyTorch)", null, null, () -> F.hardtanh(logits, 1, -1));
        return t.arguments();
    }

    static Stream<Arguments> nn() {
        BadInput.Table t = new BadInput.Table("nn");
        Tensor x4 = Torch.randn(new Generator(0), 2, 3, 8, 8);
        t.add("Linear negative in_features", IAE, "", () -> new Linear(-1, 3));
        t.add("Linear negative out_features", IAE, "", () -> new Linear(3, -2));
        t.add("Linear wrong input features", IAE, "mat1 and mat2 shapes cannot be multiplied (2x5 and 4x3)", () -> new Linear(4, 3).forward(Torch.ones(2, 5)));
        t.add("Linear int64 input", IAE, "", () -> new Linear(4, 3).forward(Torch.zeros(DType.INT64, 2, 4)));
        t.add("Linear float64 input", IAE, "", () -> new Linear(4, 3).forward(Torch.zeros(DType.FLOAT64, 2, 4)));
        t.add("Conv2d zero in_channels is valid (PyTorch builds it)", null, null, () -> new Conv2d(0, 4, 3));
        t.add("Conv2d negative out_channels", IAE, "", () -> new Conv2d(3, -4, 3));
        t.add("Conv2d kernel 0 fails at forward", IAE, "non-positive kernel size is not supported: weight of size [4, 3, 0, 0]", () -> new Conv2d(3, 4, 0).forward(x4));
        t.add("Conv2d stride 0 fails at forward", IAE, "non-positive stride is not supported", () -> new Conv2d(3, 4, 3, 0).forward(x4));
        t.add("Conv2d wrong channels", IAE, "expected input[2, 3, 8, 8] to have 1 channels, but got 3 channels instead", () -> new Conv2d(1, 4, 3).forward(x4));
        t.add("Conv2d 2-d input", IAE, "Expected 3D (unbatched) or 4D (batched) input to conv2d", () -> new Conv2d(3, 4, 3).forward(Torch.ones(8, 8)));
        t.add("BatchNorm2d wrong channels", IAE, "running_mean should contain 3 elements not 4", () -> new BatchNorm2d(4).forward(x4));
        t.add("BatchNorm2d 2-d input", IAE, "expected 4D input (got 2D input)", () -> new BatchNorm2d(3).forward(Torch.ones(2, 3)));
        t.add("BatchNorm1d 4-d input", IAE, "expected 2D or 3D input (got 4D input)", () -> new BatchNorm1d(3).forward(x4));
        t.add("BatchNorm2d negative features", IAE, "", () -> new BatchNorm2d(-1));
        t.add("BatchNorm1d single sample in training", IAE, "Expected more than 1 value per channel when training", () -> new BatchNorm1d(3).forward(Torch.ones(1, 3)));
        t.add("MaxPool2d kernel 0", IAE, "kernel_size must be greater than zero", () -> new MaxPool2d(0).forward(x4));
        t.add("AvgPool2d kernel larger than input", IAE, "Output size is too small", () -> new AvgPool2d(9).forward(x4));
        t.add("Dropout p > 1", IAE, "dropout probability has to be between 0 and 1, but got 2.0", () -> new Dropout(2.0));
        t.add("LayerNorm wrong shape", IAE, "Given normalized_shape=[7]", () -> new LayerNorm(7).forward(x4));
        t.add("MultiheadAttention heads do not divide", IAE, "embed_dim must be divisible by num_heads", () -> new MultiheadAttention(10, 3));
        t.add("CrossEntropyLoss out-of-range class", IOOBE, "Target 5 is out of bounds.", () -> new CrossEntropyLoss().forward(Torch.ones(2, 5), Torch.tensor(new long[] {0, 5})));
        t.add("CrossEntropyLoss float class targets", IAE, "", () -> new CrossEntropyLoss().forward(Torch.ones(2, 5), Torch.ones(2)));
        t.add("NLLLoss batch mismatch", IAE, "Expected input batch_size (2) to match target batch_size (3).", () -> new NLLLoss().forward(Torch.ones(2, 5), Torch.tensor(new long[] {0, 1, 2})));
        t.add("Sequential shape mismatch between layers", IAE, "mat1 and mat2 shapes cannot be multiplied (2x4 and 5x2)", () -> new Sequential(new Linear(3, 4), new Linear(5, 2)).forward(Torch.ones(2, 3)));
        t.add("loadStateDict size mismatch", IAE, "size mismatch for weight: copying a param with shape [2, 2] from checkpoint, the shape in current model is [3, 4].", () -> {
            Map<String, Tensor> sd = new LinkedHashMap<>(new Linear(2, 2).stateDict());
            new Linear(4, 3).loadStateDict(sd);
        });
        t.add("loadStateDict missing key", IAE, "Missing key(s) in state_dict: \"bias\"", () -> {
            Map<String, Tensor> sd = new LinkedHashMap<>(new Linear(4, 3).stateDict());
            sd.remove("bias");
            new Linear(4, 3).loadStateDict(sd);
        });
        t.add("loadStateDict unexpected key", IAE, "Unexpected key(s) in state_dict: \"extra\"", () -> {
            Map<String, Tensor> sd = new LinkedHashMap<>(new Linear(4, 3).stateDict());
            sd.put("extra", Torch.ones(1));
            new Linear(4, 3).loadStateDict(sd);
        });
        t.add("loadStateDict of another model", IAE, "Error(s) in loading state_dict for Linear", () -> new Linear(4, 3).loadStateDict(new Conv2d(1, 1, 1).stateDict()));
        t.add("loadStateDict of int64 into float casts (copy_, as PyTorch)", null, null, () -> {
            Map<String, Tensor> sd = new LinkedHashMap<>();
            sd.put("weight", Torch.zeros(DType.INT64, 3, 4));
            sd.put("bias", Torch.zeros(3));
            new Linear(4, 3).loadStateDict(sd);
        });
        return t.arguments();
    }

    // ------------------------------------------------------------------------------------------ optim

    static Stream<Arguments> optim() {
        BadInput.Table t = new BadInput.Table("optim");
        List<Tensor> p = List.of(Torch.ones(2).requiresGrad(true));
        t.add("SGD negative lr", IAE, "Invalid learning rate: -0.1", () -> new SGD(p, -0.1));
        t.add("SGD NaN lr", IAE, "Invalid learning rate: nan", () -> new SGD(p, Double.NaN));
        t.add("SGD negative momentum", IAE, "Invalid momentum value: -0.5", () -> new SGD(p, 0.1, -0.5));
        t.add("SGD negative weight decay", IAE, "Invalid weight_decay value: -1.0", () -> new SGD(p, 0.1, 0.0, 0.0, -1.0, false));
        t.add("SGD nesterov without momentum", IAE, "Nesterov momentum requires a momentum and zero dampening", () -> new SGD(p, 0.1, 0.0, 0.0, 0.0, true));
        t.add("SGD empty parameter list", IAE, "optimizer got an empty parameter list", () -> new SGD(List.of(), 0.1));
        t.add("SGD non-leaf parameter", IAE, "can't optimize a non-leaf Tensor", () -> new SGD(List.of(Torch.ones(2).requiresGrad(true).mul(2.0)), 0.1));
        t.add("SGD duplicate parameter", IAE, "", () -> new SGD(List.of(p.get(0), p.get(0)), 0.1));
        t.add("Adam negative lr", IAE, "Invalid learning rate: -1.0", () -> new Adam(p, -1.0));
        t.add("Adam beta1 = 1", IAE, "Invalid beta parameter at index 0: 1.0", () -> new Adam(p, 1e-3, 1.0, 0.999, 1e-8, 0, false));
        t.add("Adam beta2 < 0", IAE, "Invalid beta parameter at index 1: -0.1", () -> new Adam(p, 1e-3, 0.9, -0.1, 1e-8, 0, false));
        t.add("Adam negative eps", IAE, "Invalid epsilon value: -1e-08", () -> new Adam(p, 1e-3, 0.9, 0.999, -1e-8, 0, false));
        t.add("Adam negative weight decay", IAE, "Invalid weight_decay value: -0.1", () -> new Adam(p, 1e-3, 0.9, 0.999, 1e-8, -0.1, false));
        t.add("AdamW negative lr", IAE, "Invalid learning rate", () -> new AdamW(p, -1.0));
        t.add("AdamW beta1 > 1", IAE, "Invalid beta parameter at index 0", () -> new AdamW(p, 1e-3, 1.5, 0.999, 1e-8, 0.01, false));
        t.add("RMSprop negative lr", IAE, "Invalid learning rate", () -> new RMSprop(p, -1.0));
        t.add("RMSprop negative alpha", IAE, "Invalid alpha value: -0.5", () -> new RMSprop(p, 0.01, -0.5, 1e-8, 0, 0, false));
        t.add("Adagrad negative lr", IAE, "Invalid learning rate", () -> new Adagrad(p, -1.0));
        t.add("Adagrad negative lr_decay", IAE, "Invalid lr_decay value: -1.0", () -> new Adagrad(p, 0.01, -1.0, 0, 0, 1e-10));
        t.add("StepLR step size 0", IAE, "step_size must be a positive integer, got 0", () -> new StepLR(new SGD(p, 0.1), 0));
        t.add("CosineAnnealingLR T_max 0", IAE, "T_max must be a positive integer, got 0", () -> new CosineAnnealingLR(new SGD(p, 0.1), 0).step());
        t.add("ExponentialLR with a bad last_epoch", IAE, "", () -> new ExponentialLR(new SGD(p, 0.1), 0.9, 5));
        t.add("loadStateDict of another optimizer's groups", IAE, "loaded state dict has a different number of parameter groups", () -> {
            SGD a = new SGD(p, 0.1);
            Map<String, Object> sd = a.stateDict();
            @SuppressWarnings("unchecked")
            List<Object> groups = new ArrayList<>((List<Object>) sd.get("param_groups"));
            groups.add(groups.get(0));
            sd.put("param_groups", groups);
            new SGD(p, 0.1).loadStateDict(sd);
        });
        t.add("loadStateDict group size mismatch", IAE, "loaded state dict contains a parameter group that doesn't match the size of optimizer's group", () -> {
            Map<String, Object> sd = new SGD(List.of(Torch.ones(2).requiresGrad(true), Torch.ones(1).requiresGrad(true)), 0.1).stateDict();
            new SGD(p, 0.1).loadStateDict(sd);
        });
        t.add("loadStateDict momentum buffer shape", IAE, "", () -> {
            Tensor q = Torch.ones(3).requiresGrad(true);
            SGD a = new SGD(List.of(q), 0.1, 0.9);
            q.sum().backward();
            a.step();
            Map<String, Object> sd = a.stateDict();
            SGD b = new SGD(p, 0.1, 0.9);
            b.loadStateDict(sd);
            p.get(0).sum().backward();
            b.step();
        });
        return t.arguments();
    }

    // ------------------------------------------------------------------------------------------ data

    static Stream<Arguments> data() {
        BadInput.Table t = new BadInput.Table("data");
        TensorDataset ds = new TensorDataset(Torch.ones(5, 2), Torch.zeros(DType.INT64, 5));
        t.add("TensorDataset size mismatch", IAE, "Size mismatch between tensors", () -> new TensorDataset(Torch.ones(5, 2), Torch.zeros(DType.INT64, 4)));
        t.add("TensorDataset index out of range", IOOBE, "index 5 is out of range for dataset of size 5", () -> ds.get(5));
        t.add("TensorDataset negative index", IOOBE, "index -6 is out of range for dataset of size 5", () -> ds.get(-6));
        t.add("DataLoader batch size 0", IAE, "batch_size should be a positive integer value, but got batch_size=0", () -> new DataLoader(ds, 0));
        t.add("DataLoader negative batch size", IAE, "batch_size should be a positive integer value, but got batch_size=-4", () -> new DataLoader(ds, -4));
        t.add("DataLoader negative workers", IAE, "num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.", () -> new DataLoader(ds, 2).numWorkers(-1));
        t.add("DataLoader prefetch factor 0", IAE, "", () -> new DataLoader(ds, 2).numWorkers(1).prefetchFactor(0));
        t.add("Subset index out of range", IOOBE, "index 9 is out of range for dataset of size 5", () -> new Subset<>(ds, new int[] {0, 9}).get(1));
        t.add("collate of mismatched samples", IAE, "stack expects each tensor to be equal size", () -> {
            Dataset<Sample> bad = new Dataset<>() {
                @Override public int size() { return 2; }
                @Override public Sample get(int i) { return new Sample(Torch.ones(i + 1), Torch.zeros(DType.INT64)); }
            };
            for (var b : new DataLoader(bad, 2)) {
                b.inputs();
            }
        });
        t.add("collate of mismatched samples, 2 workers", jtorch.data.WorkerException.class, "Caught IllegalArgumentException in DataLoader worker loading batch 0 (indices [0, 1]): stack expects each tensor to be equal size", () -> {
            Dataset<Sample> bad = new Dataset<>() {
                @Override public int size() { return 4; }
                @Override public Sample get(int i) { return new Sample(Torch.ones(i + 1), Torch.zeros(DType.INT64)); }
            };
            for (var b : new DataLoader(bad, 2).numWorkers(2)) {
                b.inputs();
            }
        });
        t.add("dataset throwing in a worker", jtorch.data.WorkerException.class, "Caught IllegalStateException in DataLoader worker loading batch 0 (indices [0, 1]): boom", () -> {
            Dataset<Sample> bad = new Dataset<>() {
                @Override public int size() { return 4; }
                @Override public Sample get(int i) { throw new IllegalStateException("boom"); }
            };
            for (var b : new DataLoader(bad, 2).numWorkers(2)) {
                b.inputs();
            }
        });
        t.add("FashionMNIST missing directory", UIOE, "FashionMNIST: dataset not found", () -> new FashionMNIST(TMP.resolve("no-such-dir"), true, new ToTensor()));
        t.add("MNIST directory of wrong files", UIOE, "truncated header (no magic number)", () -> {
            Path d = Files.createDirectories(TMP.resolve("mnist-wrong/MNIST/raw"));
            Files.write(d.resolve("train-images-idx3-ubyte"), new byte[] {1, 2, 3});
            Files.write(d.resolve("train-labels-idx1-ubyte"), new byte[] {1, 2, 3});
            new MNIST(TMP.resolve("mnist-wrong"), true, new ToTensor());
        });
        t.add("MNIST idx declaring more images than the file holds", UIOE, "is implausible", () -> {
            Path d = Files.createDirectories(TMP.resolve("mnist-big/MNIST/raw"));
            byte[] img = {0, 0, 8, 3, 0x7f, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2};
            byte[] lab = {0, 0, 8, 1, 0x7f, 0, 0, 0, 1};
            Files.write(d.resolve("train-images-idx3-ubyte"), img);
            Files.write(d.resolve("train-labels-idx1-ubyte"), lab);
            new MNIST(TMP.resolve("mnist-big"), true, new ToTensor());
        });
        t.add("CIFAR10 missing directory", UIOE, "CIFAR10: dataset not found", () -> new CIFAR10(TMP.resolve("no-cifar"), true, new ToTensor()));
        t.add("CIFAR10 truncated batch", UIOE, "unexpected end of data", () -> {
            Path d = Files.createDirectories(TMP.resolve("cifar-bad/cifar-10-batches-py"));
            for (String n : List.of("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch", "batches.meta")) {
                Files.write(d.resolve(n), new byte[] {(byte) 0x80, 2, '}', 'q'});
            }
            new CIFAR10(TMP.resolve("cifar-bad"), true, new ToTensor());
        });
        t.add("ImageFolder without classes", UIOE, "Couldn't find any class folder", () -> new ImageFolder(Files.createDirectories(TMP.resolve("empty-folder")), new ToTensor()));
        t.add("ImageFolder of a file", UIOE, "is not a directory", () -> {
            Path f = TMP.resolve("not-a-folder.txt");
            Files.writeString(f, "x");
            new ImageFolder(f, new ToTensor());
        });
        t.add("ImageFolder with a corrupt image", UIOE, "not a decodable image", () -> {
            Path c = Files.createDirectories(TMP.resolve("folder-corrupt/cat"));
            Files.write(c.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
            new ImageFolder(TMP.resolve("folder-corrupt"), new ToTensor()).get(0);
        });
        return t.arguments();
    }

    // ------------------------------------------------------------------------------------------ serialization

    static Stream<Arguments> serialization() throws IOException {
        BadInput.Table t = new BadInput.Table("serialization");
        Path png = TMP.resolve("image.png");
        byte[] pngBytes = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
        Files.write(png, pngBytes);
        Path good = TMP.resolve("good.pth");
        Torch.save(new Linear(3, 2).stateDict(), good);
        byte[] goodBytes = Files.readAllBytes(good);
        Path truncated = TMP.resolve("truncated.pth");
        Files.write(truncated, java.util.Arrays.copyOf(goodBytes, goodBytes.length / 2));
        Path empty = TMP.resolve("empty.pth");
        Files.write(empty, new byte[0]);
        Path text = TMP.resolve("text.pth");
        Files.writeString(text, "this is not a checkpoint\n");
        Path dir = Files.createDirectories(TMP.resolve("a-directory.pth"));
        Path st = TMP.resolve("good.safetensors");
        Safetensors.save(Map.of("w", Torch.ones(4, 4)), Map.of(), st);
        byte[] stBytes = Files.readAllBytes(st);
        Path stTrunc = TMP.resolve("truncated.safetensors");
        Files.write(stTrunc, java.util.Arrays.copyOf(stBytes, stBytes.length - 8));
        Path stHuge = TMP.resolve("huge-header.safetensors");
        byte[] huge = java.util.Arrays.copyOf(stBytes, stBytes.length);
        huge[6] = 0x7f;   // header length ~ 2^55
        Files.write(stHuge, huge);
        Path stLie = TMP.resolve("lying-shape.safetensors");
        Files.write(stLie, new String(stBytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("[4,4]", "[9,9]").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path shortFile = TMP.resolve("short.safetensors");
        Files.write(shortFile, new byte[] {1, 2, 3});

        t.add("Torch.load of a PNG", UIOE, "not a zip file", () -> Torch.load(png));
        t.add("Torch.load of a truncated file", UIOE, "truncated", () -> Torch.load(truncated));
        t.add("Torch.load of an empty file", UIOE, "the file has 0 bytes, too few for a zip archive", () -> Torch.load(empty));
        t.add("Torch.load of a text file", UIOE, "no end-of-central-directory record", () -> Torch.load(text));
        t.add("Torch.load of a directory", UIOE, "Is a directory", () -> Torch.load(dir));
        t.add("Torch.load of a missing file", UIOE, "No such file or directory", () -> Torch.load(TMP.resolve("nope.pth")));
        t.add("Torch.load of a .safetensors file reads it (by design)", null, null, () -> Torch.load(st));
        t.add("Torch.save into a missing directory", UIOE, "No such file or directory", () -> Torch.save(new Linear(1, 1).stateDict(), TMP.resolve("no/such/dir/x.pth")));
        t.add("Torch.save of an unsupported object", IAE, "", () -> Torch.save(new Object(), TMP.resolve("obj.pth")));
        t.add("Safetensors.load of a PNG", IOE, "", () -> Safetensors.load(png));
        t.add("Safetensors.load of a .pth", IOE, "", () -> Safetensors.load(good));
        t.add("Safetensors.load truncated", IOE, "", () -> Safetensors.load(stTrunc));
        t.add("Safetensors.load header length past the file", IOE, "", () -> Safetensors.load(stHuge));
        t.add("Safetensors.load shape larger than its bytes", IOE, "", () -> Safetensors.load(stLie));
        t.add("Safetensors.load 3-byte file", IOE, "", () -> Safetensors.load(shortFile));
        t.add("Safetensors.load directory", IOE, "", () -> Safetensors.load(dir));
        t.add("Safetensors.metadata of a PNG", IOE, "", () -> Safetensors.metadata(png));
        t.add("Safetensors.save into a directory path", IOE, "", () -> Safetensors.save(Map.of("w", Torch.ones(1)), Map.of(), dir));
        t.add("allocation over jtorch.maxAllocBytes", ISE, "over the cap of 1024 bytes set by -Djtorch.maxAllocBytes", () -> {
            String old = System.getProperty("jtorch.maxAllocBytes");
            System.setProperty("jtorch.maxAllocBytes", "1024");
            try {
                Torch.zeros(1000);
            } finally {
                restore("jtorch.maxAllocBytes", old);
            }
        });
        t.add("Safetensors.load over jtorch.maxAllocBytes", ISE, "DefaultCPUAllocator: not enough memory: you tried to allocate 64 bytes", () -> {
            String old = System.getProperty("jtorch.maxAllocBytes");
            System.setProperty("jtorch.maxAllocBytes", "32");
            try {
                Safetensors.load(st);
            } finally {
                restore("jtorch.maxAllocBytes", old);
            }
        });
        t.add("Torch.load over jtorch.maxAllocBytes", jtorch.tensor.AllocationLimitException.class, "you tried to allocate 24 bytes", () -> {
            String old = System.getProperty("jtorch.maxAllocBytes");
            System.setProperty("jtorch.maxAllocBytes", "16");
            try {
                Torch.load(good);
            } finally {
                restore("jtorch.maxAllocBytes", old);
            }
        });
        return t.arguments();
    }

    private static void restore(String key, String old) {
        if (old == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, old);
        }
    }

    // ------------------------------------------------------------------------------------------ models

    static Stream<Arguments> models() {
        BadInput.Table t = new BadInput.Table("models");
        t.add("getModel of an unknown name", IAE, "Unknown model resnet-9000", () -> Models.getModel("resnet-9000"));
        t.add("getModel of an empty name", IAE, "", () -> Models.getModel(""));
        t.add("getModel with different case", IAE, "", () -> Models.getModel("ResNet18"));
        t.add("resnet18 on a 1-channel image", IAE, "to have 3 channels, but got 1 channels instead", () -> Models.getModel("resnet18").forward(Torch.ones(1, 1, 32, 32)));
        t.add("alexnet on an image too small", IAE, "", () -> Models.getModel("alexnet").forward(Torch.ones(1, 3, 8, 8)));
        t.add("resnet18 on a 3-d input batch of 2-d images", IAE, "", () -> Models.getModel("resnet18").forward(Torch.ones(2, 32, 32)));
        return t.arguments();
    }

    @ParameterizedTest(name = "{0}") @MethodSource("simd") void simdCatalogue(BadInput.Case c) { BadInput.check(c); }
    @ParameterizedTest(name = "{0}") @MethodSource("tensorCore") void tensorCatalogue(BadInput.Case c) { BadInput.check(c); }
    @ParameterizedTest(name = "{0}") @MethodSource("autograd") void autogradCatalogue(BadInput.Case c) { BadInput.check(c); }
    @ParameterizedTest(name = "{0}") @MethodSource("functional") void functionalCatalogue(BadInput.Case c) { BadInput.check(c); }
    @ParameterizedTest(name = "{0}") @MethodSource("nn") void nnCatalogue(BadInput.Case c) { BadInput.check(c); }
    @ParameterizedTest(name = "{0}") @MethodSource("optim") void optimCatalogue(BadInput.Case c) { BadInput.check(c); }
    @ParameterizedTest(name = "{0}") @MethodSource("data") void dataCatalogue(BadInput.Case c) { BadInput.check(c); }
    @ParameterizedTest(name = "{0}") @MethodSource("serialization") void serializationCatalogue(BadInput.Case c) { BadInput.check(c); }
    @ParameterizedTest(name = "{0}") @MethodSource("models") void modelsCatalogue(BadInput.Case c) { BadInput.check(c); }
}
