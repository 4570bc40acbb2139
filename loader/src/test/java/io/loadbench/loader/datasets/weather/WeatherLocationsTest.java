package io.loadbench.loader.datasets.weather;

import io.loadbench.loader.random.RowRandom;
import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeatherLocationsTest {

    @Test
    void theSeedsFiveQueryCitiesAreTheBusiestLocations() {
        WeatherLocations locations = WeatherLocations.cities(3_000, 42);
        assertThat(locations.names().subList(0, 5)).containsExactlyElementsOf(WeatherLocations.QUERY_CITIES);
        assertThat(new HashSet<>(locations.names())).hasSize(3_000);
    }

    @Test
    void readingsFollowAPopulationLikeZipfSkew() {
        WeatherLocations locations = WeatherLocations.cities(3_000, 42);
        RowRandom random = new RowRandom();
        int[] counts = new int[locations.size()];
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts[locations.sample(random.reset(9, i))]++;
        }
        // Zipf exponent 1: rank k reports 1/k as often as rank 1
        assertThat((double) counts[0] / n).isCloseTo(locations.probability(0), within(0.004));
        assertThat((double) counts[1] / counts[0]).isCloseTo(0.5, within(0.03));
        assertThat((double) counts[9] / counts[0]).isCloseTo(0.1, within(0.02));
    }

    @Test
    void theQueryCitiesPresetHasOnlyThoseFiveEquallyLikely() {
        WeatherLocations preset = WeatherLocations.queryCities(1);
        assertThat(preset.names()).containsExactlyElementsOf(WeatherLocations.QUERY_CITIES);
        RowRandom random = new RowRandom();
        int[] counts = new int[5];
        for (int i = 0; i < 50_000; i++) {
            counts[preset.sample(random.reset(3, i))]++;
        }
        for (int c : counts) {
            assertThat(c / 50_000.0).isCloseTo(0.2, within(0.01));
        }
    }

    @Test
    void tooFewOrTooManyLocationsAreRejectedNamingTheOption() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WeatherSettings.cities(3))
                .isInstanceOf(io.loadbench.loader.spi.InvalidOptionException.class).hasMessageContaining("--locations");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WeatherSettings.cities(50_001))
                .hasMessageContaining("--locations");
        assertThat(WeatherSettings.queryCities().optionValue()).isEqualTo("query-cities");
        assertThat(WeatherSettings.DEFAULTS.optionValue()).isEqualTo("3000");
    }
}
