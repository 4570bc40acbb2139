package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
}
