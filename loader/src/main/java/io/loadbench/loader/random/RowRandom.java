package io.loadbench.loader.random;

/**
 * A reseedable SplitMix64 stream, meant to be reset for every row (or block of rows):
 * {@code random.reset(tableSeed, rowIndex)} makes everything drawn afterwards a pure function of
 * (tableSeed, rowIndex). Resetting costs two multiplications, so a generator keeps one instance and
 * resets it per row instead of allocating.
 *
 * <p>Not thread-safe: one instance per generator (per worker).
 */
public final class RowRandom {

    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    public RowRandom() {
        this(0);
    }

    public RowRandom(long seed) {
        this.state = seed;
    }

    /** Restarts the stream at (seed, index); see {@link Seeds#derive(long, long)}. */
    public RowRandom reset(long seed, long index) {
        this.state = Seeds.derive(seed, index);
        return this;
    }

    /** Restarts the stream at a seed. */
    public RowRandom reset(long seed) {
        this.state = seed;
        return this;
    }

    public long nextLong() {
        state += GAMMA;
        return Seeds.mix64(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in (0, 1], never 0: safe under {@code Math.log}. */
    public double nextDoubleNonZero() {
        return ((nextLong() >>> 11) + 1) * DOUBLE_UNIT;
    }

    /** Uniform in [0, bound) without modulo bias (Lemire's multiply-shift with rejection). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Uniform in [origin, bound). */
    public int nextInt(int origin, int bound) {
        return origin + nextInt(bound - origin);
    }

    /** Uniform in [0, bound) for bounds beyond int range. */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long r = nextLong() >>> 1;
        while (r >= limit) {
            r = nextLong() >>> 1;
        }
        return r % bound;
    }

    public boolean nextBoolean(double probabilityTrue) {
        return nextDouble() < probabilityTrue;
    }

    /** Exponentially distributed with the given mean. */
    public double nextExponential(double mean) {
        return -mean * Math.log(nextDoubleNonZero());
    }

    /** Standard normal (Box–Muller, one value per call so the draw count per call is fixed). */
    public double nextGaussian() {
        double u1 = nextDoubleNonZero();
        double u2 = nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
