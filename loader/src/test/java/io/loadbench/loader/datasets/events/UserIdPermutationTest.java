package io.loadbench.loader.datasets.events;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;

class UserIdPermutationTest {

    @Test
    void ranksMapOneToOneOntoUserIds() {
        for (int n : new int[]{2, 3, 7, 10_000, 9_973, 65_536}) {
            UserIdPermutation permutation = new UserIdPermutation(n, 42);
            BitSet seen = new BitSet();
            for (int rank = 0; rank < n; rank++) {
                long id = permutation.idOf(rank);
                assertThat(id).isBetween(1L, (long) n);
                seen.set((int) id);
            }
            assertThat(seen.cardinality()).as("distinct ids for n=%d", n).isEqualTo(n);
        }
    }

    @Test
    void theMostActiveUsersAreSpreadOverTheIdRange() {
        UserIdPermutation permutation = new UserIdPermutation(10_000, 42);
        long gap = Math.abs(permutation.idOf(1) - permutation.idOf(0));
        assertThat(Math.min(gap, 10_000 - gap)).as("ids of ranks 0 and 1 are far apart").isGreaterThan(1_000);
    }
}
