package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.InvalidOptionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayConfigTest {

    /** The seed's documented schema, verbatim apart from the numbers. */
    private static final String SEED_EXAMPLE = """
            profile:
              name: custom
              description: "Custom load profile"
              version: 1.0

            global:
              random_seed: 42                      # For reproducibility
              batch_size: 1000                     # Records per batch insert
              progress_bar: true
              parallel: true
              workers: 8
              email_domain: "custom.example.com"

            scale:
              users: 2000
              personal_teams_per_user: 1
              additional_teams_per_user: 3

              members_per_team_min: 1
              members_per_team_max: 50
              members_per_team_distribution: "power_law"

              tokens_per_user_avg: 2
              gateways: 40
              tools_per_gateway_avg: 5
              resources_per_user_avg: 7
              prompts_per_user_avg: 3
              servers_per_user_avg: 1

            distributions:
              team_size: "power_law"               # Few large, many small teams
              resource_access: "zipf"              # 80/20 access pattern
              temporal: "exponential_decay"        # More recent data

            temporal:
              start_date: "2024-01-01"
              end_date: "2025-06-30"
              recent_data_percent: 70              # 70% data in last 30 days
            """;

    @TempDir
    Path dir;

    @Test
    void theSeedsSchemaOverridesTheProfile() throws Exception {
        Path file = Files.writeString(dir.resolve("custom.yaml"), SEED_EXAMPLE);
        GatewaySettings s = GatewaySettings.resolve(GatewayProfile.PRODUCTION, GatewayConfig.read(file), null);
        assertThat(s.profileName()).isEqualTo("custom");
        assertThat(s.emailDomain()).isEqualTo("custom.example.com");
        assertThat(s.users()).isEqualTo(2_000);
        assertThat(s.teams()).isEqualTo(8_000);
        assertThat(s.membersPerTeamMax()).isEqualTo(50);
        assertThat(s.tools()).isEqualTo(200);
        assertThat(s.resources()).isEqualTo(14_000);
        assertThat(s.recentDataPercent()).isEqualTo(70);
        assertThat(s.start().toString()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(s.auditLogsPerUserAvg()).as("not in the file: the profile's").isEqualTo(GatewayProfile.AUDIT_LOGS_PER_USER_AVG);
    }

    @Test
    void anUnknownKeyIsAnErrorNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("typo.yaml"), "scale:\n  userz: 10\n");
        assertThatThrownBy(() -> GatewayConfig.read(file)).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("--config").hasMessageContaining("scale.userz");
    }

    @Test
    void aSeedThatDisagreesWithTheCommandLineIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("seed.yaml"), "global:\n  random_seed: 7\n");
        GatewaySettings settings = GatewaySettings.resolve(GatewayProfile.SMALL, GatewayConfig.read(file), null);
        assertThatThrownBy(() -> new GatewayDefinition().create(new DatasetParameters(42, GatewayDefinition.PROFILE_DECIDES), settings))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("--config").hasMessageContaining("random_seed 7").hasMessageContaining("--seed 42");
    }

    @Test
    void anUnsupportedDistributionAndAMissingFileAreRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("dist.yaml"), "distributions:\n  team_size: uniform\n");
        assertThatThrownBy(() -> GatewaySettings.resolve(GatewayProfile.SMALL, GatewayConfig.read(file), null))
                .hasMessageContaining("distributions.team_size");
        assertThatThrownBy(() -> GatewayConfig.read(dir.resolve("absent.yaml"))).hasMessageContaining("no such file");
    }

    @Test
    void theEmailDomainOptionWinsOverTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("custom.yaml"), SEED_EXAMPLE);
        GatewaySettings s = GatewaySettings.resolve(GatewayProfile.SMALL, GatewayConfig.read(file), "cli.example.org");
        assertThat(s.emailDomain()).isEqualTo("cli.example.org");
        assertThatThrownBy(() -> GatewaySettings.resolve(GatewayProfile.SMALL, null, "Not A Domain"))
                .hasMessageContaining("--email-domain");
    }
}
