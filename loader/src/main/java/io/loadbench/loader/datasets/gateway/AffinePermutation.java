package io.loadbench.loader.datasets.gateway;

import java.math.BigInteger;

/**
 * A bijection of {@code [0, n)}: {@code x -> (a·x + b) mod n} with {@code gcd(a, n) = 1}, and its inverse.
 * Scatters ranked items (team sizes) over indexes (teams, hence owners) deterministically, in O(1) time and
 * memory. Not a cryptographic shuffle, and it need not be: it only has to keep big teams from clustering
 * on the first owners.
 */
public final class AffinePermutation {

    private final long n;
    private final long a;
    private final long b;
    private final long aInverse;

    /** {@code n} up to about 3·10^9 (so that {@code a·x} cannot overflow); {@code seed} picks a and b. */
    public AffinePermutation(long n, long seed) {
        if (n <= 0 || n > 3_000_000_000L) {
            throw new IllegalArgumentException("permutation size must be 1..3e9, got " + n);
        }
        this.n = n;
        long candidate = Math.floorMod(seed, n) | 1;
        // multiplier near the golden ratio of n scatters neighbours far apart; step until coprime
        candidate = Math.floorMod((long) (n * 0.6180339887) + candidate, n);
        while (n > 1 && BigInteger.valueOf(candidate).gcd(BigInteger.valueOf(n)).longValue() != 1) {
            candidate = (candidate + 1) % n;
        }
        this.a = n == 1 ? 0 : candidate;
        this.b = Math.floorMod(seed >>> 17, n);
        this.aInverse = n == 1 ? 0 : BigInteger.valueOf(a).modInverse(BigInteger.valueOf(n)).longValue();
    }

    /** The image of {@code x} in {@code [0, n)}; {@code a·x + b < 9.1·10^18} fits a long for n up to 3·10^9. */
    public long apply(long x) {
        return n == 1 ? 0 : (a * x + b) % n;
    }

    /** The {@code x} with {@code apply(x) == y}. */
    public long inverse(long y) {
        return n == 1 ? 0 : (aInverse * Math.floorMod(y - b, n)) % n;
    }
}
