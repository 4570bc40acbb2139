package io.loadbench.loader.datasets.weather;

import io.loadbench.loader.spi.InvalidOptionException;

/**
 * The weather dataset's own settings, validated at construction (the number of readings is the common
 * {@code --rows}). Build them with {@link #cities(int)} or {@link #queryCities()}.
 *
 * @param locations       how many locations: population-like skew, the seed's five query cities first ({@code --locations N})
 * @param queryCitiesOnly only New York, Los Angeles, Chicago, Houston and Phoenix, equally often
 *                        ({@code --locations query-cities}); {@code locations} is then 5
 */
public record WeatherSettings(int locations, boolean queryCitiesOnly) {

    /** "A few thousand" cities. */
    public static final int DEFAULT_LOCATIONS = 3_000;
    public static final int MAX_LOCATIONS = 50_000;

    public static final WeatherSettings DEFAULTS = cities(DEFAULT_LOCATIONS);

    public WeatherSettings {
        if (queryCitiesOnly && locations != WeatherLocations.QUERY_CITIES.size()) {
            throw new InvalidOptionException("--locations", "'" + WeatherLocations.QUERY_CITIES_PRESET + "' is the "
                    + WeatherLocations.QUERY_CITIES.size() + " query cities, got " + locations + " locations");
        }
        if (locations < WeatherLocations.QUERY_CITIES.size() || locations > MAX_LOCATIONS) {
            throw new InvalidOptionException("--locations", "must be 5-50000 (the five query cities are always included), got " + locations);
        }
    }

    /** {@code count} locations with a population-like skew, the five query cities first. */
    public static WeatherSettings cities(int count) {
        return new WeatherSettings(count, false);
    }

    /** Only the seed's five query cities. */
    public static WeatherSettings queryCities() {
        return new WeatherSettings(WeatherLocations.QUERY_CITIES.size(), true);
    }

    /** The {@code --locations} value these settings stand for: a number or {@code query-cities}. */
    public String optionValue() {
        return queryCitiesOnly ? WeatherLocations.QUERY_CITIES_PRESET : Integer.toString(locations);
    }

    WeatherLocations buildLocations(long seed) {
        return queryCitiesOnly ? WeatherLocations.queryCities(seed) : WeatherLocations.cities(locations, seed);
    }
}
