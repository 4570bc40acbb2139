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
        int[] top = permutation.idsOfTopRanks(2_000);
        // the top fifth is spread like a random sample: about a fifth of it in each fifth of the id range
        int[] perFifth = new int[5];
        for (int id : top) {
            perFifth[(id - 1) / 2_000]++;
        }
        for (int count : perFifth) {
            assertThat(count).isBetween(330, 470);
        }
        // and consecutive ranks do not form an arithmetic progression
        assertThat(top[2] - top[1]).isNotEqualTo(top[1] - top[0]);
    }
}
