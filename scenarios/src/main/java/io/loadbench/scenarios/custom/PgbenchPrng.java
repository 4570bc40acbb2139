package io.loadbench.scenarios.custom;

/**
 * PostgreSQL's {@code pg_prng} ({@code src/common/pg_prng.c}): xoroshiro128** 1.0 seeded through SplitMix64. Only
 * {@code permute} uses it, because pgbench defines that function by this generator's output: with it,
 * {@code permute(i, size, seed)} here returns what pgbench returns (PermuteTest checks values pgbench 15 printed).
 * Not thread-safe; one instance per call.
 */
final class PgbenchPrng {

    private long s0;
    private long s1;

    /** {@code pg_prng_seed}: both state words from SplitMix64 on {@code seed}, never all zero. */
    PgbenchPrng(long seed) {
        long state = seed;
        state += 0x9E3779B97F4A7C15L;
        s0 = splitMix64(state);
        state += 0x9E3779B97F4A7C15L;
        s1 = splitMix64(state);
        if (s0 == 0 && s1 == 0) {
            // pg_prng_seed_check: Knuth's LCG parameters, as PostgreSQL inserts them
            s0 = 0x5851F42D4C957F2DL;
            s1 = 0x14057B7EF767814FL;
        }
    }

    private static long splitMix64(long value) {
        long val = value;
        val = (val ^ (val >>> 30)) * 0xBF58476D1CE4E5B9L;
        val = (val ^ (val >>> 27)) * 0x94D049BB133111EBL;
        return val ^ (val >>> 31);
    }

    /** {@code pg_prng_uint64}: the next 64 bits (unsigned, in a long). */
    long nextUint64() {
        long x0 = s0;
        long sx = s1 ^ x0;
        long val = Long.rotateLeft(x0 * 5, 7) * 9;
        s0 = Long.rotateLeft(x0, 24) ^ sx ^ (sx << 16);
        s1 = Long.rotateLeft(sx, 37);
        return val;
    }

    /** {@code pg_prng_uint64_range}: uniform in {@code [rmin, rmax]} (unsigned), by bitmask rejection. */
    long nextUint64InRange(long rmin, long rmax) {
        if (Long.compareUnsigned(rmax, rmin) <= 0) {
            return rmin;
        }
        long range = rmax - rmin;
        int rshift = Long.numberOfLeadingZeros(range);
        long val;
        do {
            val = nextUint64() >>> rshift;
        } while (Long.compareUnsigned(val, range) > 0);
        return rmin + val;
    }
}
