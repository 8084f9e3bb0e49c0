package jtorch.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jtorch.simd.Gemm;
import jtorch.simd.Parallel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The skinny float32 products convolution as GEMM produces, {@code C (m x n) = A (m x k) * B (k x n)}, row-major,
 * through {@link Gemm#sgemm}: the seed network's first layer at batch 64 as im2col (32 x 75 times 75 x 65536) and
 * its 32-channel 5x5 layers (32 x 800 times 800 x 16384, 64 x 800 times 800 x 4096). The same products as
 * {@code bench/peers/numpy_skinny.py}. Reported as calls per second: GFLOP/s = score * 2 * m * n * k / 1e9.
 * {@code ./jtorch bench skinny} runs it next to OpenBLAS ({@code bench/compare-skinny}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", LauncherFlags.COLLECTOR,
        LauncherFlags.FIXED_GENERATIONS, LauncherFlags.NEW_RATIO, LauncherFlags.SURVIVOR_RATIO})
public class SkinnyGemmBenchmark {
    /** m x k x n. */
    @Param({"32x75x65536", "32x800x16384", "64x800x4096"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private int m;
    private int k;
    private int n;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup(Level.Trial)
    public void setUp() {
        String[] p = shape.split("x");
        m = Integer.parseInt(p[0]);
        k = Integer.parseInt(p[1]);
        n = Integer.parseInt(p[2]);
        Parallel.setNumThreads(threads);
        SplittableRandom rnd = new SplittableRandom(42);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextDouble();
        }
    }

    @Benchmark
    public float[] sgemm() {
        Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        return c;
    }
}
