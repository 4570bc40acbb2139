package io.loadbench.loader.datasets.events;

import io.loadbench.loader.random.RowRandom;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Maps activity ranks {@code 0..n-1} to user ids {@code 1..n} with the affine bijection
 * {@code id = 1 + (a × rank + b) mod n} ({@code gcd(a, n) = 1}, a and b from the seed). Heavy users are
 * spread over the id range instead of being ids 1, 2, 3, …, and the inverse is a SQL expression, so a check
 * can measure the share of events of exactly the users designed to be the top 20%.
 */
final class UserIdPermutation {

    private final long n;
    private final long a;
    private final long b;
    private final long aInverse;

    UserIdPermutation(int n, long seed) {
        this.n = n;
        RowRandom random = new RowRandom(seed);
        // a multiplier in the middle third of [0, n) makes consecutive ranks land far apart, so the most active
        // users do not show up as an obvious arithmetic run of ids (a small multiplier would: 632, 1123, 1614, ...)
        long candidate = n < 6 ? 1 : n / 3 + random.nextLong(n / 3);
        while (BigInteger.valueOf(candidate).gcd(BigInteger.valueOf(n)).longValue() != 1) {
            candidate = candidate + 1 >= n ? 1 : candidate + 1;
        }
        this.a = candidate;
        this.b = random.nextLong(n);
        this.aInverse = BigInteger.valueOf(a).modInverse(BigInteger.valueOf(n)).longValue();
    }

    long idOf(int rank) {
        return 1 + Math.floorMod(a * rank + b, n);
    }

    /** A SQL boolean expression over {@code user_id}: true for the users of ranks below {@code topCount}. */
    String sqlRankBelow(int topCount) {
        // rank = aInverse × (id - 1 - b) mod n; numeric keeps the product exact
        return String.format(Locale.ROOT, "mod(mod(%d::numeric * (user_id - 1 - %d), %d) + %d, %d) < %d",
                aInverse, b, n, n, n, topCount);
    }
}
