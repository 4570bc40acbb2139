package io.loadbench.loader.datasets.events;

import io.loadbench.loader.random.RowRandom;

import java.util.Arrays;

/**
 * Maps activity ranks {@code 0..n-1} to user ids {@code 1..n} through a seeded Fisher–Yates shuffle, so the
 * most active users are scattered over the id range with no pattern (an affine map would line them up as an
 * arithmetic progression in the seed's "top users" query). The verification check receives the designed
 * top ids from {@link #idsOfTopRanks(int)} to measure their share in SQL. One int per user: 40 MB for 10M users.
 */
final class UserIdPermutation {

    private final int[] idByRank;

    UserIdPermutation(int n, long seed) {
        idByRank = new int[n];
        for (int i = 0; i < n; i++) {
            idByRank[i] = i + 1;
        }
        RowRandom random = new RowRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = idByRank[i];
            idByRank[i] = idByRank[j];
            idByRank[j] = t;
        }
    }

    long idOf(int rank) {
        return idByRank[rank];
    }

    /** The ids of ranks {@code 0 .. count-1}, the users designed to be the most active. */
    int[] idsOfTopRanks(int count) {
        return Arrays.copyOf(idByRank, count);
    }
}
