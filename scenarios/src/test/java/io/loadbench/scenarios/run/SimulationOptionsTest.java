package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SimulationOptionsTest {

    private static final Map<String, Map<String, String>> PRESETS = Presets.table(
            Presets.values("users", "10000", "hold", "60s", "hitTarget", "0.95"),
            Map.of("smoke", Presets.values("users", "50", "hold", "8s"), "full", Map.of()));

    @Test
    void thePresetGivesTheValuesAndDashDOverridesOne() {
        Properties system = new Properties();
        system.setProperty("preset", "FULL");
        system.setProperty("hold", "2m");

        SimulationOptions options = SimulationOptions.resolve("Sim", PRESETS, system);

        assertThat(options.preset()).isEqualTo("full");
        assertThat(options.positiveInt("users")).isEqualTo(10_000);
        assertThat(options.duration("hold")).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.number("hitTarget")).isEqualTo(0.95);
        assertThat(options.duration("warmup")).as("a common default").isEqualTo(Duration.ofSeconds(5));
        assertThat(options.effective()).containsEntry("preset", "full").containsEntry("hold", "2m");
    }

    @Test
    void smokeIsTheDefaultPresetAndSuffixedNumbersAreAccepted() {
        Properties system = new Properties();
        system.setProperty("users", "10k");
        SimulationOptions options = SimulationOptions.resolve("Sim", PRESETS, system);
        assertThat(options.preset()).isEqualTo("smoke");
        assertThat(options.positiveLong("users")).isEqualTo(10_000);
    }

    @Test
    void badValuesAndUnknownPresetsAreRejectedNamingTheOption() {
        Properties system = new Properties();
        system.setProperty("users", "many");
        system.setProperty("hold", "soon");
        SimulationOptions options = SimulationOptions.resolve("Sim", PRESETS, system);
        assertThatThrownBy(() -> options.positiveInt("users")).hasMessage("Sim option users (-Dusers): expected a positive number, got 'many'");
        assertThatThrownBy(() -> options.duration("hold")).hasMessageContaining("option hold (-Dhold): expected a duration");

        Properties unknown = new Properties();
        unknown.setProperty("preset", "huge");
        assertThatThrownBy(() -> SimulationOptions.resolve("Sim", PRESETS, unknown))
                .hasMessageContaining("unknown preset 'huge' for Sim").hasMessageContaining("smoke");
    }

    @Test
    void onlyTheSmokePresetToleratesHalfSecondInjectorStalls() {
        assertThat(PRESETS.get("smoke")).containsEntry("maxStall", "2s");
        assertThat(PRESETS.get("full")).containsEntry("maxStall", "500ms");
        Map<String, Map<String, String>> strictSmoke = Presets.table(Map.of(),
                Map.of("smoke", Presets.values("maxStall", "100ms")));
        assertThat(strictSmoke.get("smoke")).as("a simulation's own smoke value wins").containsEntry("maxStall", "100ms");
    }

    @Test
    void aPresetSettingAnOptionTheSimulationLacksIsAMistake() {
        assertThatThrownBy(() -> Presets.table(Map.of(), Map.of("smoke", Map.of("userz", "5"))))
                .hasMessage("preset smoke sets 'userz', which is not an option");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "-D{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "Users, users", "usres, users", "holds, hold", "warmpu, warmup", "hittarget, hitTarget", "maxKORatio, maxKoRatio"})
    @org.junit.jupiter.api.Timeout(10)
    void aPropertyThatLooksLikeAMisspelledOptionIsRejectedWithTheOptionItMeant(String typo, String meant) {
        Properties system = new Properties();
        system.setProperty(typo, "5000");

        assertThatThrownBy(() -> SimulationOptions.resolve("Sim", PRESETS, system))
                .hasMessage("Sim: unknown option " + typo + " (-D" + typo + "); did you mean " + meant + "?");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void theSeedsMisspelledRateIsRejectedNotIgnored() {
        Map<String, Map<String, String>> cache = Presets.table(Presets.values("queriesPerSec", "10000", "eventsPerSec", "1000"),
                Map.of("smoke", Map.of()));
        Properties system = new Properties();
        system.setProperty("queriespersec", "5000");

        assertThatThrownBy(() -> SimulationOptions.resolve("CacheQueriesSimulation", cache, system))
                .hasMessage("CacheQueriesSimulation: unknown option queriespersec (-Dqueriespersec); did you mean queriesPerSec?");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void infrastructurePropertiesAndUnrelatedNamesAreNotOptions() {
        Properties system = new Properties();
        for (String name : List.of("java.version", "sun.arch.data.model", "gatling.simulationClass", "user.dir",
                "file.encoding", "os.name", "line.separator", "path.separator", "jdk.debug", "maven.repo.local",
                "loadbench.results", "preset", "target", "pgUrl", "redisUrl", "label", "skipTests", "test", "basedir", "verbose",
                "surefire.test.class.path", "hitTarget.x", "somethingElse")) {
            system.setProperty(name, "x");
        }
        system.setProperty("preset", "smoke");

        assertThat(SimulationOptions.resolve("Sim", PRESETS, system).positiveInt("users")).isEqualTo(50);
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void shortOptionNamesAllowOneEditOnly() {
        assertThat(SimulationOptions.closest("hol", java.util.Set.of("hold"))).contains("hold");
        assertThat(SimulationOptions.closest("heed", java.util.Set.of("hold", "seed"))).contains("seed");
        assertThat(SimulationOptions.closest("test", java.util.Set.of("ttl", "seed", "rate"))).isEmpty();
        assertThat(SimulationOptions.closest("path", java.util.Set.of("page"))).isEmpty();
        assertThat(SimulationOptions.editDistance("queriespersec", "queriespersec")).isZero();
        assertThat(SimulationOptions.editDistance("kitten", "sitting")).isEqualTo(3);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}={1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            hitTarget | 1.5  | ratio          | expected a number from 0 to 1, got '1.5'
            hitTarget | -0.1 | ratio          | expected a number from 0 to 1, got '-0.1'
            hold      | 0s   | positiveDuration | expected a duration longer than zero, got '0s'
            users     | 0    | positiveInt    | expected a positive number, got '0'
            users     | -5   | positiveInt    | expected a positive number, got '-5'
            hitTarget | 0    | positiveNumber | expected a number greater than zero, got '0'
            """)
    @org.junit.jupiter.api.Timeout(10)
    void valuesOutOfRangeAreRejectedNamingTheOptionAndTheRange(String option, String value, String reader, String expected) {
        Properties system = new Properties();
        system.setProperty(option, value);
        SimulationOptions options = SimulationOptions.resolve("Sim", PRESETS, system);

        org.assertj.core.api.ThrowableAssert.ThrowingCallable read = switch (reader) {
            case "ratio" -> () -> options.ratio(option);
            case "positiveDuration" -> () -> options.positiveDuration(option);
            case "positiveInt" -> () -> options.positiveInt(option);
            default -> () -> options.positiveNumber(option);
        };
        assertThatThrownBy(read).hasMessage("Sim option " + option + " (-D" + option + "): " + expected);
    }
}
