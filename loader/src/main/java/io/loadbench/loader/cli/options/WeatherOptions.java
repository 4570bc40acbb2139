package io.loadbench.loader.cli.options;

import io.loadbench.loader.datasets.weather.WeatherLocations;
import io.loadbench.loader.datasets.weather.WeatherSettings;
import io.loadbench.loader.spi.InvalidOptionException;
import picocli.CommandLine.Option;

/** The weather dataset's own options, mapped onto {@link WeatherSettings}; {@code --rows} is the number of readings. */
final class WeatherOptions implements DatasetOptions<WeatherSettings> {

    @Option(names = "--locations", paramLabel = "N|query-cities",
            description = "Number of locations (population-like skew, the seed's five query cities first), or "
                    + "'query-cities' for only New York, Los Angeles, Chicago, Houston and Phoenix (default: ${DEFAULT-VALUE}).")
    String locations = WeatherSettings.DEFAULTS.optionValue();

    @Override
    public WeatherSettings settings() {
        String value = locations.trim();
        if (WeatherLocations.QUERY_CITIES_PRESET.equals(value)) {
            return WeatherSettings.queryCities();
        }
        try {
            return WeatherSettings.cities(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new InvalidOptionException("--locations", "expected a number or 'query-cities', got '" + locations + "'");
        }
    }
}
