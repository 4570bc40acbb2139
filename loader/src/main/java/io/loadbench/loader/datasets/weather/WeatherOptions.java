package io.loadbench.loader.datasets.weather;

import io.loadbench.loader.spi.DatasetOptions;
import io.loadbench.loader.spi.InvalidOptionException;
import picocli.CommandLine.Option;

import java.util.SortedMap;
import java.util.TreeMap;

/** The weather dataset's own options; {@code --rows} (common) is the number of readings. */
public final class WeatherOptions implements DatasetOptions {

    /** "A few thousand" cities. */
    static final int DEFAULT_LOCATIONS = 3_000;

    @Option(names = "--locations", paramLabel = "N|query-cities",
            description = "Number of locations (population-like skew, the seed's five query cities first), or "
                    + "'query-cities' for only New York, Los Angeles, Chicago, Houston and Phoenix (default: ${DEFAULT-VALUE}).")
    String locations = Integer.toString(DEFAULT_LOCATIONS);

    /** Builds the locations this option names; throws naming {@code --locations} when it is invalid. */
    WeatherLocations buildLocations(long seed) {
        if (WeatherLocations.QUERY_CITIES_PRESET.equals(locations.trim())) {
            return WeatherLocations.queryCities(seed);
        }
        int count;
        try {
            count = Integer.parseInt(locations.trim());
        } catch (NumberFormatException e) {
            throw new InvalidOptionException("--locations", "expected a number or 'query-cities', got '" + locations + "'");
        }
        if (count < WeatherLocations.QUERY_CITIES.size() || count > 50_000) {
            throw new InvalidOptionException("--locations", "must be 5-50000 (the five query cities are always included), got " + count);
        }
        return WeatherLocations.cities(count, seed);
    }

    @Override
    public SortedMap<String, Object> values() {
        SortedMap<String, Object> values = new TreeMap<>();
        values.put("locations", locations);
        return values;
    }
}
