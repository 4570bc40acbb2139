package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadbench.scenarios.simulations.Workloads;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A workload's common option names ({@code -Drate}) mean its own option, on the Maven route as on the command. */
class WorkloadOptionsTest {

    private static final Workload OPEN = new Workload("demo", "demo-run", "io.example.DemoSimulation", "a demo",
            "no seed", "open",
            Presets.table(Presets.values("queriesPerSec", "1000", "hold", "60s"),
                    Map.of("smoke", Presets.values("queriesPerSec", "50"), "full", Map.of())),
            Map.of("rate", "queriesPerSec", "duration", "hold"),
            Map.of("queriesPerSec", "queries per second (arrivals/s)", "hold", "length (duration)"));

    private static Properties system(String... namesAndValues) {
        Properties system = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            system.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return system;
    }

    @Test
    void aCommonNameSetsTheWorkloadsOwnOption() {
        SimulationOptions options = SimulationOptions.resolve(OPEN, system("rate", "700", "duration", "2m"), rejected -> { });

        assertThat(options.positiveInt("queriesPerSec")).isEqualTo(700);
        assertThat(options.string("hold")).isEqualTo("2m");
    }

    @Test
    void anOptionSetByItsCommonNameCountsAsGivenAndAPresetValueDoesNot() {
        SimulationOptions options = SimulationOptions.resolve(OPEN, system("rate", "700"), rejected -> { });

        assertThat(options.given("queriesPerSec")).isTrue();
        assertThat(options.given("hold")).isFalse();
    }

    @Test
    void theCommonNameAndTheOwnNameGivenDifferentValuesAreRefused() {
        assertThatThrownBy(() -> SimulationOptions.resolve(OPEN, system("rate", "700", "queriesPerSec", "800"), rejected -> { }))
                .hasMessageContaining("rate and queriesPerSec are the same option");
    }

    @Test
    void aCommonNameTheWorkloadHasNoOptionForIsRefusedNamingWhatItHas() {
        assertThatThrownBy(() -> SimulationOptions.resolve(OPEN, system("users", "10"), rejected -> { }))
                .hasMessageContaining("has no users option").hasMessageContaining("rate, duration");
    }

    @Test
    void fromTheCommandABadValueIsNamedByItsFlag() {
        SimulationOptions options = SimulationOptions.resolve(OPEN,
                system("rate", "lots", SimulationOptions.CLI_SYNTAX_PROPERTY, "cli"), rejected -> { });

        assertThatThrownBy(() -> options.positiveInt("queriesPerSec")).hasMessageContaining("option --rate: expected a positive number");
    }

    @Test
    void fromMavenABadValueNamesBothProperties() {
        SimulationOptions options = SimulationOptions.resolve(OPEN, system("rate", "lots"), rejected -> { });

        assertThatThrownBy(() -> options.positiveInt("queriesPerSec"))
                .hasMessageContaining("queriesPerSec (-DqueriesPerSec or -Drate)");
    }

    @Test
    void aWorkloadWhoseOptionHasNoDescriptionCannotBeDeclared() {
        assertThatThrownBy(() -> new Workload("demo", "demo-run", "io.example.DemoSimulation", "a demo", "no seed", "open",
                OPEN.presets(), Map.of(), Map.of("hold", "length (duration)")))
                .hasMessageContaining("option queriesPerSec has no description");
    }

    @Test
    void everyShippedWorkloadHasASmokePresetAndMapsItsRateOrUsers() {
        assertThat(Workloads.all()).extracting(Workload::name)
                .contains("cache", "weather", "event-analytics", "daily", "gateway-pagination");
        for (Workload workload : Workloads.all()) {
            String expected = workload.model().equals("open") ? "rate" : "users";
            assertThat(workload.commonNames()).as(workload.name()).containsKey(expected).containsKey("duration");
            assertThat(workload.presets()).as(workload.name()).containsKey(Presets.SMOKE);
        }
    }
}
