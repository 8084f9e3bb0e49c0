package jtorch.tensor;

/**
 * A seedable random generator reproducing PyTorch's CPU generator: the same 32-bit Mersenne Twister
 * (mt19937) seeded as {@code torch.manual_seed} seeds it, and the same transforms from raw draws to
 * uniform and normal numbers, so {@code manualSeed(0)} followed by {@code rand(3)} gives PyTorch's
 * {@code tensor([0.4963, 0.7682, 0.0885])}.
 *
 * <p>Not thread-safe: one generator serves one thread at a time (the default generator is used under
 * its own lock by {@link Creation}).
 */
public final class Generator {
    /** PyTorch's default seed for a generator nobody seeded. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int mti;
    private long seed;
    private Double nextDoubleNormal;

    public Generator() {
        this(DEFAULT_SEED);
    }

    public Generator(long seed) {
        manualSeed(seed);
    }

    /** Re-seeds, as {@code torch.Generator.manual_seed}. */
    public synchronized Generator manualSeed(long seed) {
        this.seed = seed;
        mt[0] = (int) seed;   // TORCH: mt19937 takes the low 32 bits of the seed
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
        nextDoubleNormal = null;
        return this;
    }

    public synchronized long initialSeed() {
        return seed;
    }

    /** The next raw 32-bit draw (unsigned, in a long). */
    public synchronized long nextInt32() {
        if (mti >= N) {
            twist();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** Two draws as one 64-bit number, high word first (PyTorch's {@code random64}). */
    public synchronized long nextInt64() {
        long hi = nextInt32();
        long lo = nextInt32();
        return (hi << 32) | lo;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
            int v = mt[(i + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) {
                v ^= 0x9908b0df;
            }
            mt[i] = v;
        }
        mti = 0;
    }

    /** Uniform float in [from, to): 24 random bits, as PyTorch's {@code uniform_real_distribution<float>}. */
    public synchronized float nextFloat(float from, float to) {
        float x = (float) ((nextInt32() & ((1L << 24) - 1)) * 0x1.0p-24);
        return x * (to - from) + from;
    }

    /** Uniform double in [from, to): 53 random bits. */
    public synchronized double nextDouble(double from, double to) {
        double x = (nextInt64() & ((1L << 53) - 1)) * 0x1.0p-53;
        return x * (to - from) + from;
    }

    /** A normal double (Box-Muller with the second value cached), as PyTorch's {@code normal_distribution<double>}. */
    public synchronized double nextNormalDouble(double mean, double std) {
        if (nextDoubleNormal != null) {
            double r = nextDoubleNormal;
            nextDoubleNormal = null;
            return r * std + mean;
        }
        double u1 = nextDouble(0, 1);
        double u2 = nextDouble(0, 1);
        double r = Math.sqrt(-2.0 * Math.log1p(-u2));
        double theta = 2.0 * Math.PI * u1;
        nextDoubleNormal = r * Math.sin(theta);
        return r * Math.cos(theta) * std + mean;
    }

    /** Serializable state: the seed, position and twister words, for checkpoints. */
    public synchronized long[] getState() {
        long[] s = new long[N + 3];
        s[0] = seed;
        s[1] = mti;
        s[2] = nextDoubleNormal == null ? Long.MIN_VALUE : Double.doubleToRawLongBits(nextDoubleNormal);
        for (int i = 0; i < N; i++) {
            s[3 + i] = mt[i];
        }
        return s;
    }

    public synchronized void setState(long[] s) {
        if (s == null || s.length != N + 3 || s[1] < 0 || s[1] > N) {
            throw new IllegalArgumentException("invalid generator state");
        }
        seed = s[0];
        mti = (int) s[1];
        nextDoubleNormal = s[2] == Long.MIN_VALUE ? null : Double.longBitsToDouble(s[2]);
        for (int i = 0; i < N; i++) {
            mt[i] = (int) s[3 + i];
        }
    }
}
