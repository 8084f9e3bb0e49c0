package jtorch.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jtorch.simd.Gemm;
import jtorch.simd.Parallel;
import jtorch.simd.Simd;
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
 * Square float32 GEMM, {@code C = A * B} with {@code n x n} row-major operands (no transposes, alpha 1,
 * beta 0), through {@link Gemm#sgemm} on {@code threads} threads of the intra-op pool: the same operation as
 * numpy's {@code a @ b} in {@code /work/shared/peers/numpy_gemm.py}.
 *
 * <p>Reported as calls per second. GFLOP/s = score * 2 * n^3 / 1e9; {@code bench/compare-gemm} does this
 * conversion and prints the table next to OpenBLAS. Run alone with
 * {@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar GemmBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// The collector and heap layout ./jtorch runs with (LauncherFlags).
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", LauncherFlags.COLLECTOR,
        LauncherFlags.FIXED_GENERATIONS, LauncherFlags.NEW_RATIO, LauncherFlags.SURVIVOR_RATIO})
public class GemmBenchmark {
    @Param({"256", "512", "1024", "2048"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    private float[] a;
    private float[] b;
    private float[] c;

    @Setup(Level.Trial)
    public void setUp() {
        Parallel.setNumThreads(threads);
        SplittableRandom rnd = new SplittableRandom(42);
        a = new float[n * n];
        b = new float[n * n];
        c = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble();
            b[i] = (float) rnd.nextDouble();
        }
        System.out.println("# kernels: " + Simd.description() + ", threads=" + Parallel.getNumThreads());
    }

    @Benchmark
    public float[] sgemm() {
        Gemm.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
        return c;
    }
}
