package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.loader.testing.ValueCapturingRowWriter;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GatewayPlanTest {

    private static Map<String, Long> counts(GatewayProfile profile) {
        GatewayDataset dataset = new GatewayDataset(42, GatewaySettings.ofProfile(profile));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TableSpec table : dataset.tables()) {
            counts.put(table.name(), table.rowCount());
        }
        return counts;
    }

    @Test
    void productionProfileHasTheSeedsBenchmarkCounts() {
        Map<String, Long> counts = counts(GatewayProfile.PRODUCTION);
        assertThat(counts).containsEntry("gw_users", 160_000L).containsEntry("gw_teams", 1_760_000L)
                .containsEntry("gw_team_members", 10_000_000L).containsEntry("gw_api_tokens", 800_000L)
                .containsEntry("gw_gateways", 10_000L).containsEntry("gw_tools", 500_000L)
                .containsEntry("gw_resources", 16_000_000L);
        assertThat(counts.keySet()).startsWith("gw_users", "gw_teams", "gw_team_members");
    }

    @Test
    void everyProfileHasTheSeedsUsersTeamsAndResources() {
        long[][] seed = {{100, 600, 2_000}, {10_000, 110_000, 1_000_000}, {50_000, 550_000, 5_000_000},
                {160_000, 1_760_000, 16_000_000}, {1_000_000, 11_000_000, 100_000_000}};
        GatewayProfile[] profiles = GatewayProfile.values();
        for (int i = 0; i < profiles.length; i++) {
            Map<String, Long> counts = counts(profiles[i]);
            assertThat(counts.get("gw_users")).as(profiles[i].optionValue()).isEqualTo(seed[i][0]);
            assertThat(counts.get("gw_teams")).as(profiles[i].optionValue()).isEqualTo(seed[i][1]);
            assertThat(counts.get("gw_resources")).as(profiles[i].optionValue()).isEqualTo(seed[i][2]);
        }
    }

    @Test
    void teamSizesFollowThePowerLawWithTheSeedsFewLargeManySmallShape() {
        TeamSizePlan plan = new TeamSizePlan(1_600_000, 1, 100, 6.15);
        assertThat(plan.members()).isEqualTo(9_840_000);
        double teams = 1_600_000;
        assertThat(plan.teamsSized(1, 5) / teams).as("1-5 members (seed: ~80%)").isCloseTo(0.78, within(0.04));
        assertThat(plan.teamsSized(50, 100) / teams).as("50-100 members").isBetween(0.01, 0.06);
        assertThat(plan.teamsOfSize(1)).isGreaterThan(plan.teamsOfSize(2));
        assertThat(plan.teamsOfSize(2)).isGreaterThan(plan.teamsOfSize(10));
        long located = 0;
        long[] out = new long[2];
        for (long offset = 0; offset < plan.members(); offset += 9_973) {
            plan.locateMember(offset, out);
            assertThat(out[1]).isLessThan(plan.sizeOfRank(out[0]));
            located++;
        }
        assertThat(located).isPositive();
    }

    @Test
    void everyTeamListsDistinctExistingUsersAndItsOwnerFirst() {
        GatewayDataset dataset = new GatewayDataset(5, GatewaySettings.ofProfile(GatewayProfile.SMALL));
        TableSpec teams = dataset.tables().get(1);
        TableSpec members = dataset.tables().get(2);
        Map<Long, Long> owners = new java.util.HashMap<>();
        ValueCapturingRowWriter row = new ValueCapturingRowWriter();
        RowGenerator teamRows = teams.newGenerator();
        for (long i = 0; i < teams.rowCount(); i++) {
            row.reset();
            teamRows.generate(i, row);
            owners.put(Long.parseLong(row.values().get(0)), Long.parseLong(row.values().get(3)));
        }
        Set<String> pairs = new HashSet<>();
        Map<Long, Integer> sizes = new java.util.HashMap<>();
        RowGenerator memberRows = members.newGenerator();
        for (long i = 0; i < members.rowCount(); i++) {
            row.reset();
            memberRows.generate(i, row);
            long team = Long.parseLong(row.values().get(1));
            long user = Long.parseLong(row.values().get(2));
            assertThat(owners).containsKey(team);
            assertThat(user).isBetween(1L, (long) dataset.settings().users());
            assertThat(pairs.add(team + ":" + user)).as("team %d lists user %d once", team, user).isTrue();
            if ("owner".equals(row.values().get(3))) {
                assertThat(user).isEqualTo(owners.get(team));
            }
            sizes.merge(team, 1, Integer::sum);
        }
        assertThat(sizes).hasSize((int) teams.rowCount());
        long ofSizeOne = sizes.entrySet().stream().filter(e -> e.getKey() > 100 && e.getValue() == 1).count();
        assertThat(ofSizeOne).isEqualTo(dataset.teamSizes().teamsOfSize(1));
    }

    @Test
    void affinePermutationIsABijectionWithItsInverse() {
        AffinePermutation p = new AffinePermutation(1_000, 77);
        Set<Long> images = new HashSet<>();
        for (long x = 0; x < 1_000; x++) {
            long y = p.apply(x);
            images.add(y);
            assertThat(p.inverse(y)).isEqualTo(x);
        }
        assertThat(images).hasSize(1_000);
    }
}
